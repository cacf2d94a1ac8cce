import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { StopReason } from "../../common/protocol";
import type { ChatMessage, PromptPiece } from "../engine/types";
import { HttpError, intField, numberField, sendJson, SseWriter, stopField } from "./httpKit";
import type { ServeEngine, ServeResult } from "./serveEngine";
import { parsePieces, textToPieces } from "./servePrompt";

/** What a route handler gets: the request body, who asked, and a signal that fires when they hang up. */
export interface RouteContext {
  readonly engine: ServeEngine;
  readonly client: string;
  readonly body: Record<string, unknown>;
  readonly res: ServerResponse;
  readonly signal: AbortSignal;
}

const finishReason = (r: StopReason): "length" | "stop" => (r === "maxTokens" ? "length" : "stop");

/** OpenAI usage, with the reused prefix in the standard `prompt_tokens_details.cached_tokens`. */
const usage = (r: ServeResult) => ({
  prompt_tokens: r.promptTokens, completion_tokens: r.generatedTokens, total_tokens: r.promptTokens + r.generatedTokens,
  prompt_tokens_details: { cached_tokens: r.promptTokensReused },
});

/** Enclave's own timings beside the OpenAI fields; other clients ignore them. */
const timings = (r: ServeResult) => ({
  stopReason: r.stopReason, promptTokensEvaluated: r.promptTokensEvaluated, promptTokensReused: r.promptTokensReused,
  promptMs: r.promptMs, generationMs: r.generationMs, slot: r.slot, evicted: r.evicted, promptTruncated: r.promptTruncated,
});

/** The completion prompt: Enclave's structured pieces, else OpenAI's prompt (+ suffix for fill-in-the-middle). */
function completionPrompt(body: Record<string, unknown>, engine: ServeEngine): PromptPiece[] {
  const pieces = parsePieces(body.enclave_prompt);
  if (pieces) return pieces;
  const prompt = Array.isArray(body.prompt) && body.prompt.length === 1 ? body.prompt[0] : body.prompt;
  if (typeof prompt !== "string") throw new HttpError(400, "prompt must be a string (or enclave_prompt a list of strings and { token } pieces).");
  if (typeof body.suffix === "string") return [{ token: "fimPrefix" }, prompt, { token: "fimSuffix" }, body.suffix, { token: "fimMiddle" }];
  return textToPieces(prompt, engine.specials);
}

/** POST /v1/completions (OpenAI legacy completions, streaming or not). */
export async function completions(ctx: RouteContext): Promise<void> {
  const { body, engine } = ctx;
  const prompt = completionPrompt(body, engine);
  const head = { id: `cmpl-${randomUUID()}`, object: "text_completion", created: Math.floor(Date.now() / 1000), model: engine.model.name };
  const options = { maxTokens: intField(body.max_tokens, 16, 0, engine.model.contextSize), temperature: numberField(body.temperature), seed: numberField(body.seed), stop: stopField(body.stop), signal: ctx.signal };
  if (body.stream === true) {
    const sse = new SseWriter(ctx.res);
    const result = await engine.complete(ctx.client, prompt, { ...options, onText: (text) => sse.send({ ...head, choices: [{ index: 0, text, finish_reason: null, logprobs: null }] }) });
    sse.send({ ...head, choices: [{ index: 0, text: "", finish_reason: finishReason(result.stopReason), logprobs: null }], usage: usage(result), enclave: timings(result) });
    sse.end(true);
    return;
  }
  const result = await engine.complete(ctx.client, prompt, options);
  sendJson(ctx.res, 200, { ...head, choices: [{ index: 0, text: result.text, finish_reason: finishReason(result.stopReason), logprobs: null }], usage: usage(result), enclave: timings(result) });
}

function chatMessages(value: unknown): ChatMessage[] {
  if (!Array.isArray(value) || value.length === 0) throw new HttpError(400, "messages must be a non-empty list.");
  return value.map((m: { role?: unknown; content?: unknown }) => {
    const role = m?.role === "developer" ? "system" : m?.role;
    if (role !== "system" && role !== "user" && role !== "assistant") throw new HttpError(400, `Unsupported message role ${JSON.stringify(m?.role)}.`);
    const content = typeof m.content === "string" ? m.content
      : Array.isArray(m.content) ? m.content.map((p: { type?: string; text?: string }) => (p?.type === "text" ? p.text ?? "" : "")).join("") : "";
    return { role, content };
  });
}

/** POST /v1/chat/completions (streaming or not). */
export async function chatCompletions(ctx: RouteContext): Promise<void> {
  const { body, engine } = ctx;
  const messages = chatMessages(body.messages);
  const head = { id: `chatcmpl-${randomUUID()}`, created: Math.floor(Date.now() / 1000), model: engine.model.name };
  const maxTokens = intField(body.max_completion_tokens ?? body.max_tokens, 512, 0, engine.model.contextSize);
  const options = { maxTokens, temperature: numberField(body.temperature), seed: numberField(body.seed), stop: stopField(body.stop), signal: ctx.signal };
  if (body.stream === true) {
    const sse = new SseWriter(ctx.res);
    const chunk = (delta: object, finish: string | null) => ({ ...head, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason: finish }] });
    sse.send(chunk({ role: "assistant", content: "" }, null));
    const result = await engine.chat(ctx.client, messages, { ...options, onText: (content) => sse.send(chunk({ content }, null)) });
    sse.send({ ...chunk({}, finishReason(result.stopReason)), usage: usage(result), enclave: timings(result) });
    sse.end(true);
    return;
  }
  const result = await engine.chat(ctx.client, messages, options);
  sendJson(ctx.res, 200, {
    ...head, object: "chat.completion", usage: usage(result), enclave: timings(result),
    choices: [{ index: 0, message: { role: "assistant", content: result.text }, finish_reason: finishReason(result.stopReason) }],
  });
}

/** POST /infill, the llama-server endpoint llama.vscode and Enclave's remote engine use for fill-in-the-middle. */
export async function infill(ctx: RouteContext): Promise<void> {
  const { body, engine } = ctx;
  const text = (v: unknown): string => (typeof v === "string" ? v : "");
  const prompt: PromptPiece[] = [{ token: "fimPrefix" }, text(body.input_prefix), { token: "fimSuffix" }, text(body.input_suffix), { token: "fimMiddle" }, text(body.prompt)];
  const nPredict = typeof body.n_predict === "number" && body.n_predict > 0 ? body.n_predict : 128;
  const options = { maxTokens: intField(nPredict, 128, 0, engine.model.contextSize), temperature: numberField(body.temperature), seed: numberField(body.seed), stop: stopField(body.stop), signal: ctx.signal };
  const final = (r: ServeResult) => ({
    content: "", stop: true, stop_type: r.stopReason === "maxTokens" ? "limit" : r.stopReason === "stop" ? "word" : "eos",
    tokens_predicted: r.generatedTokens, tokens_evaluated: r.promptTokens, tokens_cached: r.promptTokensReused,
    timings: { prompt_n: r.promptTokensEvaluated, prompt_ms: r.promptMs, predicted_n: r.generatedTokens, predicted_ms: r.generationMs, cache_n: r.promptTokensReused },
    enclave: timings(r),
  });
  if (body.stream === true) {
    const sse = new SseWriter(ctx.res);
    const result = await engine.complete(ctx.client, prompt, { ...options, onText: (content) => sse.send({ content, stop: false }) });
    sse.send(final(result));
    sse.end(false);
    return;
  }
  const result = await engine.complete(ctx.client, prompt, options);
  sendJson(ctx.res, 200, { ...final(result), content: result.text });
}

/** GET /v1/models: the one model, with what Enclave's remote engine needs to know in `enclave`. */
export function models(ctx: RouteContext): void {
  const { engine } = ctx;
  sendJson(ctx.res, 200, {
    object: "list",
    data: [{
      id: engine.model.name, object: "model", created: Math.floor(Date.now() / 1000), owned_by: "enclave",
      enclave: { contextSize: engine.model.contextSize, fim: engine.model.fim, demo: engine.model.demo, slots: engine.slotCount, backend: engine.backend, fimTokens: engine.specials },
    }],
  });
}

/** GET /enclave/metrics: the engine counters and, per slot, which client holds it and how much it reused. */
export function metrics(ctx: RouteContext): void {
  sendJson(ctx.res, 200, { engine: ctx.engine.metrics.snapshot(), slots: ctx.engine.slots() });
}
