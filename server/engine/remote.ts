import { randomUUID } from "node:crypto";
import type { BackendInfo, ModelInfo, StopReason } from "../../common/protocol";
import type { EngineMetricsCollector } from "./metrics";
import { fimVocabulary, piecesToText, RemotePromptError, splitFimPrompt, type FimMode } from "./remoteFim";
import { describeNetworkError, RemoteAbort, RemoteEngineError, type RemoteExchange, type RemoteHttp } from "./remoteHttp";
import { sseEvents } from "./remoteSse";
import { readChat, readCompletion, readInfill, type RemoteDelta, type RemoteUsage } from "./remoteStream";
import { StreamingText } from "./streamingText";
import type { ChatMessage, ChatRequest, Engine, GenerateRequest, GenerateResult, ModelVocabulary, SequenceKind } from "./types";

/**
 * Identifies this language server to `enclave serve`, which keeps one KV slot per client: each
 * editor window has its own server process, so its completion and chat prompts stay cached
 * while other windows and teammates use the same model.
 */
export const processClientId = randomUUID();

export type RemoteServerKind = "enclave" | "llama-server" | "openai";

export interface RemoteEngineConfig {
  readonly http: RemoteHttp;
  readonly server: RemoteServerKind;
  /** The model name the server listed and every request names. */
  readonly model: string;
  readonly fim: FimMode;
  readonly contextSize: number;
  readonly demo: boolean;
  /** The server's own backend, when it reports one (enclave serve does). */
  readonly backend?: BackendInfo;
  readonly clientId?: string;
  /**
   * Told when requests start failing (with the reason) and when they work again (undefined),
   * only on changes, so the status bar can say that the remote engine is down.
   */
  readonly onHealth?: (problem: string | undefined) => void;
}

/** One streamed call: where it goes, what it sends, and how to read its events. */
interface Call {
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly read: (event: Record<string, unknown>) => RemoteDelta;
}

/** Options shared by generate and chat once they are turned into a call. */
interface RunOptions {
  readonly maxTokens: number;
  readonly stop?: readonly string[];
  readonly newlineTimeBudgetMs?: number;
  readonly signal?: AbortSignal;
  readonly onText?: (chunk: string) => void;
}

/**
 * The engine for a model on another machine (or another process): llama.cpp's llama-server,
 * vLLM, Ollama or `enclave serve`, over their OpenAI-compatible API, streamed. It keeps the
 * Engine contract of the local one: abort ends a request normally with stopReason "abort",
 * stop strings and the newline time budget are applied here, and every request is counted in
 * the same metrics. Token counts for budgets are estimates (3 characters a token), because a
 * remote tokenizer cannot be asked synchronously.
 */
export class RemoteEngine implements Engine {
  readonly model: ModelInfo;
  readonly backend: BackendInfo;
  readonly vocabulary: ModelVocabulary;
  private readonly clientId: string;
  private problem: string | undefined;

  constructor(private readonly config: RemoteEngineConfig, private readonly metrics: EngineMetricsCollector) {
    this.clientId = config.clientId ?? processClientId;
    this.model = { path: config.http.baseUrl, name: config.model, sizeBytes: 0, contextSize: config.contextSize, demo: config.demo, fim: config.fim.kind !== "none" };
    const remote = { url: config.http.baseUrl, server: config.server === "enclave" ? "enclave serve" : config.server === "llama-server" ? "llama-server" : "OpenAI-compatible server" };
    this.backend = config.backend ? { ...config.backend, remote }
      : { gpu: "cpu", deviceNames: [], vramTotalBytes: 0, vramFreeBytes: 0, gpuLayers: 0, totalLayers: 0, threads: 0, remote };
    this.vocabulary = { special: fimVocabulary(config.fim) };
  }

  countTokens(text: string): number {
    return Math.ceil(text.length / 3);
  }

  countChatTokens(messages: readonly ChatMessage[]): number {
    return messages.reduce((sum, m) => sum + 4 + this.countTokens(m.content), 3);
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    return this.run(request.sequence, this.completionCall(request), request);
  }

  chat(request: ChatRequest): Promise<GenerateResult> {
    return this.run("chat", {
      path: "/v1/chat/completions",
      body: { ...this.openAiCommon(request.maxTokens, request.temperature, request.seed), messages: request.messages },
      read: readChat,
    }, request);
  }

  /** Nothing to release: connections are pooled by fetch and closed when idle. */
  async dispose(): Promise<void> {}

  private openAiCommon(maxTokens: number, temperature: number | undefined, seed: number | undefined, stop?: readonly string[]): Record<string, unknown> {
    return {
      model: this.config.model, max_tokens: maxTokens, temperature: temperature ?? 0, seed, stop: stop?.length ? stop : undefined,
      stream: true, stream_options: { include_usage: true }, user: this.clientId,
      // llama-server's own switch for KV prefix reuse; other servers ignore unknown fields.
      cache_prompt: this.config.server === "llama-server" ? true : undefined,
    };
  }

  /** Chooses the endpoint and body for a completion prompt according to the FIM mode. */
  private completionCall(request: GenerateRequest): Call {
    const { prompt, maxTokens, temperature, seed, stop } = request;
    const common = this.openAiCommon(maxTokens, temperature, seed, stop);
    const fim = this.config.fim;
    if (fim.kind === "pieces") return { path: "/v1/completions", body: { ...common, enclave_prompt: prompt }, read: readCompletion };
    const usesFim = prompt.some((p) => typeof p !== "string" && p.token !== "bos");
    if (!usesFim) return { path: "/v1/completions", body: { ...common, prompt: piecesToText(prompt, {}) }, read: readCompletion };
    if (fim.kind === "text") return { path: "/v1/completions", body: { ...common, prompt: piecesToText(prompt, fim.tokens) }, read: readCompletion };
    const parts = splitFimPrompt(prompt);
    if (fim.kind === "infill" && parts) {
      return {
        path: "/infill",
        body: {
          input_prefix: parts.prefix, input_suffix: parts.suffix, input_extra: parts.extra.length ? parts.extra : undefined, prompt: parts.middle,
          n_predict: maxTokens, temperature: temperature ?? 0, seed, stop: stop?.length ? stop : undefined, stream: true, cache_prompt: true,
        },
        read: readInfill,
      };
    }
    if (fim.kind === "suffix" && parts) return { path: "/v1/completions", body: { ...common, prompt: parts.prefix + parts.middle, suffix: parts.suffix }, read: readCompletion };
    throw new RemotePromptError(fim.kind === "none"
      ? `The remote model ${this.config.model} has no known fill-in-the-middle format; set enclave.remote.fimTemplate to its family (qwen, codellama, starcoder, deepseek, codegemma).`
      : `This completion prompt does not fit the remote ${fim.kind} format; set enclave.remote.fimTemplate to the model's family.`);
  }

  private async run(kind: SequenceKind, call: Call, request: RunOptions): Promise<GenerateResult> {
    const started = performance.now();
    // Our own controller hangs up when we stop early (stop string, time budget), so the server stops too.
    const ours = new AbortController();
    const signal = request.signal ? AbortSignal.any([request.signal, ours.signal]) : ours.signal;
    const text = new StreamingText(request.stop ?? [], request.onText);
    const usage: RemoteUsage = {};
    let raw = "";
    let chunks = 0;
    let firstAt = 0;
    let newlineAt = 0;
    let ended: StopReason | undefined;
    let finish: StopReason | undefined;
    let exchange: RemoteExchange | undefined;
    let complete = false;
    try {
      exchange = await this.config.http.request("POST", call.path, call.body, { signal, headers: { "x-enclave-client": `${this.clientId}/${kind}` } });
      for await (const event of sseEvents(exchange.response.body as unknown as AsyncIterable<Uint8Array>, exchange.touch)) {
        const delta = call.read(event);
        if (delta.usage) for (const [k, v] of Object.entries(delta.usage)) if (v !== undefined) (usage as Record<string, unknown>)[k] = v;
        if (delta.finish) finish = delta.finish;
        if (!delta.text) continue;
        if (!firstAt) firstAt = performance.now();
        chunks++;
        raw += delta.text;
        if (text.update(raw)) { ended = "stop"; break; }
        if (request.newlineTimeBudgetMs !== undefined) {
          if (!newlineAt && text.value.includes("\n")) newlineAt = performance.now();
          if (newlineAt && performance.now() - newlineAt > request.newlineTimeBudgetMs) { ended = "timeBudget"; break; }
        }
      }
      complete = ended === undefined;
    } catch (error) {
      if (request.signal?.aborted || error instanceof RemoteAbort) ended = "abort";
      else throw this.unhealthy(error instanceof RemoteEngineError ? error
        : new RemoteEngineError(`The remote engine at ${this.config.http.baseUrl} stopped in the middle of an answer (${describeNetworkError(error)}) after ${raw.length} characters; the next request reconnects.`));
    } finally {
      if (!complete) ours.abort();
      exchange?.close();
    }
    text.finish();
    if (ended !== "abort") this.health(undefined);
    const promptTokens = usage.promptTokens ?? 0;
    const reused = usage.reused ?? 0;
    const now = performance.now();
    const result: GenerateResult = {
      text: text.value,
      stopReason: ended ?? usage.stopReason ?? finish ?? "eos",
      promptTokens, promptTokensReused: reused,
      promptTokensEvaluated: usage.evaluated ?? Math.max(0, promptTokens - reused),
      generatedTokens: usage.generated ?? chunks,
      promptMs: usage.promptMs ?? (firstAt || now) - started,
      generationMs: usage.generationMs ?? (firstAt ? now - firstAt : 0),
    };
    const { text: _text, ...timings } = result;
    this.metrics.record({ kind, ...timings, totalMs: now - started });
    return result;
  }

  private unhealthy(error: RemoteEngineError): RemoteEngineError {
    this.health(error.message);
    return error;
  }

  private health(problem: string | undefined): void {
    if (problem === this.problem) return;
    this.problem = problem;
    this.config.onHealth?.(problem);
  }
}
