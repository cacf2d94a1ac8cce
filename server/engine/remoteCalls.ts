import { createHash } from "node:crypto";
import { piecesToText, RemotePromptError, splitFimPrompt } from "./remoteFim";
import { readChat, readCompletion, readLlamaNative, readOllama, type RemoteDelta } from "./remoteStream";
import type { RemoteTarget } from "./remoteTarget";
import type { ChatRequest, GenerateRequest, SequenceKind } from "./types";

/** One streamed call: where it goes, what it sends, how its body is framed and how to read its events. */
export interface RemoteCall {
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly framing: "sse" | "ndjson";
  readonly read: (event: Record<string, unknown>) => RemoteDelta;
}

/**
 * The llama-server slot a client's sequence keeps to, so its KV cache is still there at the next
 * keystroke: a hash of the client id and the sequence (completion and chat get different slots
 * when the server has two or more), or -1 (the server picks) when the slot count is unknown.
 */
export function slotFor(clientId: string, kind: SequenceKind, slots: number | undefined): number {
  if (!slots) return -1;
  return createHash("sha256").update(`${clientId}/${kind}`).digest().readUInt32BE(0) % slots;
}

/** The fields every OpenAI-style body shares, plus llama-server's own switches when it is one. */
function openAiCommon(target: RemoteTarget, clientId: string, kind: SequenceKind, maxTokens: number, temperature: number | undefined, seed: number | undefined, stop?: readonly string[]): Record<string, unknown> {
  const llama = target.server.kind === "llama-server";
  return {
    model: target.model, max_tokens: maxTokens, temperature: temperature ?? 0, seed, stop: stop?.length ? stop : undefined,
    stream: true, stream_options: { include_usage: true }, user: clientId,
    // llama-server's own switches for KV prefix reuse and slot affinity; other servers ignore unknown fields.
    cache_prompt: llama ? true : undefined,
    id_slot: llama ? slotFor(clientId, kind, target.server.slots) : undefined,
  };
}

/** Chat always goes to /v1/chat/completions, which renders the model's own chat template on the server. */
export function chatCall(target: RemoteTarget, clientId: string, request: ChatRequest): RemoteCall {
  return {
    path: "/v1/chat/completions", framing: "sse", read: readChat,
    body: { ...openAiCommon(target, clientId, "chat", request.maxTokens, request.temperature, request.seed), messages: request.messages },
  };
}

/**
 * Chooses the endpoint and body for a completion prompt. Prompts written as FIM text go to the
 * fastest endpoint the server has for them: llama-server's native /completion (its KV slot,
 * cache_prompt, n_predict, t_max_predict_ms), Ollama's raw /api/generate (its OpenAI endpoint
 * would wrap the text in the model's template), /v1/completions elsewhere. Because Enclave's
 * layout ends with the typed text, each keystroke only appends to what the server has cached.
 */
export function completionCall(target: RemoteTarget, clientId: string, request: GenerateRequest): RemoteCall {
  const { prompt, maxTokens, temperature, seed, stop } = request;
  const common = openAiCommon(target, clientId, request.sequence, maxTokens, temperature, seed, stop);
  const fim = target.fim;
  const stops = stop?.length ? stop : undefined;
  if (fim.kind === "pieces") return { path: "/v1/completions", framing: "sse", body: { ...common, enclave_prompt: prompt }, read: readCompletion };
  const usesFim = prompt.some((p) => typeof p !== "string" && p.token !== "bos");
  const asText = !usesFim || fim.kind === "text";
  if (asText) {
    const text = piecesToText(prompt, fim.kind === "text" ? fim.tokens : {});
    if (target.server.kind === "llama-server") {
      return {
        path: "/completion", framing: "sse", read: readLlamaNative,
        body: {
          prompt: text, n_predict: maxTokens, temperature: temperature ?? 0, seed, stop: stops, stream: true, cache_prompt: true,
          id_slot: slotFor(clientId, request.sequence, target.server.slots), t_max_predict_ms: request.newlineTimeBudgetMs,
        },
      };
    }
    if (target.server.kind === "ollama") {
      return {
        path: "/api/generate", framing: "ndjson", read: readOllama,
        body: { model: target.model, prompt: text, raw: true, stream: true, options: { num_predict: maxTokens, temperature: temperature ?? 0, seed, stop: stops } },
      };
    }
    return { path: "/v1/completions", framing: "sse", body: { ...common, prompt: text }, read: readCompletion };
  }
  const parts = splitFimPrompt(prompt);
  if (fim.kind === "infill" && parts) {
    return {
      path: "/infill", framing: "sse", read: readLlamaNative,
      body: {
        input_prefix: parts.prefix, input_suffix: parts.suffix, input_extra: parts.extra.length ? parts.extra : undefined, prompt: parts.middle,
        n_predict: maxTokens, temperature: temperature ?? 0, seed, stop: stops, stream: true, cache_prompt: true,
        id_slot: target.server.kind === "llama-server" ? slotFor(clientId, request.sequence, target.server.slots) : undefined,
      },
    };
  }
  if (fim.kind === "suffix" && parts) return { path: "/v1/completions", framing: "sse", body: { ...common, prompt: parts.prefix + parts.middle, suffix: parts.suffix }, read: readCompletion };
  throw new RemotePromptError(fim.kind === "none"
    ? `The remote model ${target.model} has no known fill-in-the-middle format; set enclave.remote.fimTemplate to its family (qwen, codellama, starcoder, deepseek, codegemma).`
    : `This completion prompt does not fit the remote ${fim.kind} format; set enclave.remote.fimTemplate to the model's family.`);
}
