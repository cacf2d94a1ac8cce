import { randomUUID } from "node:crypto";
import type { BackendInfo, ModelInfo, StopReason } from "../../common/protocol";
import type { EngineMetricsCollector } from "./metrics";
import { chatCall, completionCall, type RemoteCall } from "./remoteCalls";
import { fimVocabulary } from "./remoteFim";
import { describeNetworkError, RemoteAbort, RemoteEngineError, type RemoteExchange } from "./remoteHttp";
import type { RemoteServers } from "./remoteServers";
import { ndjsonEvents, sseEvents } from "./remoteSse";
import type { RemoteUsage } from "./remoteStream";
import { describeRoute, serverName, type RemoteTarget } from "./remoteTarget";
import { StreamingText } from "./streamingText";
import { TokenEstimate } from "./tokenEstimate";
import type { Logger } from "../logger";
import type { ChatMessage, ChatRequest, Engine, GenerateRequest, GenerateResult, ModelVocabulary, SequenceKind } from "./types";

/**
 * Identifies this language server to `enclave serve`, which keeps one KV slot per client: each
 * editor window has its own server process, so its completion and chat prompts stay cached
 * while other windows and teammates use the same model.
 */
export const processClientId = randomUUID();

export interface RemoteEngineConfig {
  /** The servers enclave.remote.url lists, already connected to one of them. */
  readonly servers: RemoteServers;
  readonly clientId: string;
  /**
   * Told when requests start failing (with the reason) and when they work again or moved to
   * another server (undefined), only on changes, so the status bar can say where prompts go.
   */
  readonly onHealth?: (problem: string | undefined) => void;
  /** Told the token rate learned from the server's counts. */
  readonly log?: Logger;
}

/** Options shared by generate and chat once they are turned into a call. */
interface RunOptions {
  readonly maxTokens: number;
  readonly stop?: readonly string[];
  readonly newlineTimeBudgetMs?: number;
  readonly signal?: AbortSignal;
  readonly onText?: (chunk: string) => void;
}

/** A stream that broke after some of its text was passed on: it cannot be retried elsewhere without showing text twice. */
class CutOffError extends RemoteEngineError {}

/** Connection failures, overload and server errors move a client to the next server; 4xx answers are about the request or settings. */
function serverFault(error: RemoteEngineError): boolean {
  return error.status === undefined || error.status === 429 || error.status >= 500;
}

/**
 * The engine for a model on other machines (or another process): llama.cpp's llama-server,
 * vLLM, Ollama or `enclave serve`, streamed. It keeps the Engine contract of the local one:
 * abort ends a request normally with stopReason "abort", stop strings and the newline time
 * budget are applied here, and every request is counted in the same metrics. Token counts for
 * budgets are estimates (tokenEstimate.ts: cautious, then the rate the server's own count of a
 * prompt shows), because a remote tokenizer cannot be asked synchronously. With several servers it keeps to one while it answers and moves on when it
 * fails; a request that failed before any text was shown is retried on the next one at once.
 */
export class RemoteEngine implements Engine {
  private problem: string | undefined;
  private reported: RemoteTarget | undefined;
  private readonly tokens = new TokenEstimate();

  constructor(private readonly config: RemoteEngineConfig, private readonly metrics: EngineMetricsCollector) {
    this.reported = config.servers.latest;
  }

  private get target(): RemoteTarget {
    const target = this.config.servers.latest;
    if (!target) throw new Error("RemoteEngine was built before connecting to a server");
    return target;
  }

  get model(): ModelInfo {
    const t = this.target;
    return { path: t.http.baseUrl, name: t.model, sizeBytes: 0, contextSize: t.contextSize, demo: t.demo, fim: t.fim.kind !== "none" };
  }

  get backend(): BackendInfo {
    const t = this.target;
    const servers = this.config.servers;
    const route = describeRoute(t) + (servers.count > 1 ? `; server ${servers.position} of the ${servers.count} in enclave.remote.url` : "");
    const remote = { url: t.http.baseUrl, server: serverName(t), route };
    return t.backend ? { ...t.backend, remote }
      : { gpu: "cpu", deviceNames: [], vramTotalBytes: 0, vramFreeBytes: 0, gpuLayers: 0, totalLayers: 0, threads: 0, remote };
  }

  get vocabulary(): ModelVocabulary {
    return { special: fimVocabulary(this.target.fim) };
  }

  countTokens(text: string): number {
    return this.tokens.count(text);
  }

  countChatTokens(messages: readonly ChatMessage[]): number {
    return messages.reduce((sum, m) => sum + 4 + this.countTokens(m.content), 3);
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const result = await this.run(request.sequence, (t) => completionCall(t, this.config.clientId, request), request);
    // The text's characters (special tokens are one token each and left out) against the server's count.
    const chars = request.prompt.reduce((n, piece) => n + (typeof piece === "string" ? piece.length : 0), 0);
    const specials = request.prompt.length - request.prompt.filter((piece) => typeof piece === "string").length;
    const learned = result.stopReason === "abort" ? undefined : this.tokens.observe(chars, result.promptTokens - specials);
    if (learned) this.config.log?.info(`Remote prompts are budgeted at ${learned.toFixed(2)} characters a token from now on (the server counted ${result.promptTokens} tokens in ${chars} characters; a tenth is kept in reserve).`);
    return result;
  }

  chat(request: ChatRequest): Promise<GenerateResult> {
    return this.run("chat", (t) => chatCall(t, this.config.clientId, request), request);
  }

  /** Nothing to release: connections are pooled by fetch and closed when idle. */
  async dispose(): Promise<void> {}

  /** Runs a call on the server in use, moving to the next server when this one fails. */
  private async run(kind: SequenceKind, build: (target: RemoteTarget) => RemoteCall, request: RunOptions): Promise<GenerateResult> {
    const servers = this.config.servers;
    for (let attempt = 1; ; attempt++) {
      let target: RemoteTarget;
      try {
        target = await servers.current(request.signal);
      } catch (error) {
        if (error instanceof RemoteAbort) return this.aborted(kind);
        throw this.unhealthy(error as RemoteEngineError);
      }
      try {
        const result = await this.stream(kind, target, build(target), request);
        if (result.stopReason !== "abort") this.health(undefined, target);
        return result;
      } catch (error) {
        if (!(error instanceof RemoteEngineError) || !serverFault(error) || !servers.failed(target)) throw error instanceof RemoteEngineError ? this.unhealthy(error) : error;
        if (error instanceof CutOffError || attempt >= servers.count) throw this.unhealthy(error);
      }
    }
  }

  /** The normal empty result of a request cancelled before it reached a server. */
  private aborted(kind: SequenceKind): GenerateResult {
    const result: GenerateResult = { text: "", stopReason: "abort", promptTokens: 0, promptTokensReused: 0, promptTokensEvaluated: 0, generatedTokens: 0, promptMs: 0, generationMs: 0 };
    const { text: _text, ...timings } = result;
    this.metrics.record({ kind, ...timings, totalMs: 0 });
    return result;
  }

  /** Streams one call from one server, applying stop strings and the newline time budget here. */
  private async stream(kind: SequenceKind, target: RemoteTarget, call: RemoteCall, request: RunOptions): Promise<GenerateResult> {
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
      exchange = await target.http.request("POST", call.path, call.body, { signal, headers: { "x-enclave-client": `${this.config.clientId}/${kind}` } });
      const events = call.framing === "ndjson" ? ndjsonEvents : sseEvents;
      for await (const event of events(exchange.response.body as unknown as AsyncIterable<Uint8Array>, exchange.touch)) {
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
      else if (error instanceof RemoteEngineError) throw error;
      else {
        const silent = exchange?.silentFor();
        const why = silent !== undefined ? `it sent nothing for ${silent} s` : describeNetworkError(error);
        const message = `The remote engine at ${target.http.baseUrl} stopped in the middle of an answer (${why}) after ${raw.length} characters; the next request ${this.config.servers.count > 1 ? "goes to the next server" : "reconnects"}.`;
        throw raw.length > 0 ? new CutOffError(message) : new RemoteEngineError(message);
      }
    } finally {
      if (!complete) ours.abort();
      exchange?.close();
    }
    text.finish();
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
    this.health(error.message, this.reported);
    return error;
  }

  /** Reports a new problem, its end, or a move to another server (the status then names the new one). */
  private health(problem: string | undefined, target: RemoteTarget | undefined): void {
    if (problem === this.problem && target === this.reported) return;
    this.problem = problem;
    this.reported = target;
    this.config.onHealth?.(problem);
  }
}
