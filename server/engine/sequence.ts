import type { GenerationCounts, StopReason } from "../../common/protocol";
import { StreamingText } from "./streamingText";

/**
 * The few operations prefix-cached generation needs from a model sequence. The real one
 * wraps a node-llama-cpp `LlamaContextSequence` (see llama.ts); unit tests use a fake.
 */
export interface SequenceBackend {
  readonly contextSize: number;
  /** Tokens whose keys and values are in the KV cache right now, in order. */
  contextTokens(): readonly number[];
  /** Drops the cached tokens from `start` to the end. */
  eraseFrom(start: number): Promise<void>;
  /** Appends tokens to the cache without sampling. */
  ingest(tokens: number[]): Promise<void>;
  /** Appends tokens, then yields sampled tokens one by one (each fed back in as the loop goes on). */
  generate(tokens: number[], sampling: Sampling): AsyncGenerator<number, void, void>;
  isEndOfGeneration(token: number): boolean;
  detokenize(tokens: readonly number[]): string;
  /** Set on the edit sequence: the token predictor that speculative decoding checks in batches. */
  readonly predictor?: TokenPrediction;
}

/** A sequence's token predictor as generation sees it. */
export interface TokenPrediction {
  /** "input": prompt lookup (tokens copied from the prompt); "draft": a draft model. */
  readonly kind: "input" | "draft";
  /** Gives the predictor the whole prompt before generating: prompt lookup copies from it. */
  setInput(tokens: readonly number[]): void;
  /** Running totals since load: predicted tokens the model confirmed and used, and those it refuted. */
  counts(): { readonly used: number; readonly refuted: number };
}

export interface Sampling {
  readonly temperature: number;
  readonly seed?: number;
}

export interface SequenceRequest {
  readonly prompt: readonly number[];
  readonly maxTokens: number;
  readonly sampling: Sampling;
  readonly stop?: readonly string[];
  readonly newlineTimeBudgetMs?: number;
  readonly signal?: AbortSignal;
  readonly onText?: (chunk: string) => void;
  /** Tokens that end generation like end-of-generation does (a chat template's end-of-turn, say). */
  readonly stopTokens?: ReadonlySet<number>;
  /** False re-evaluates the whole prompt, as tools without prefix reuse do (for baselines). */
  readonly reusePrefix?: boolean;
}

/** The generated text with its counts and stage timings. */
export interface SequenceResult extends GenerationCounts {
  readonly text: string;
  /** Which predictor drafted tokens, on a sequence that has one (the edit sequence). */
  readonly predictor?: TokenPrediction["kind"];
  /** Drafted tokens the model confirmed and emitted: each one skipped a decode step of its own. */
  readonly acceptedDraftTokens?: number;
  /** Drafted tokens the model refuted (evaluated in a batch, then thrown away). */
  readonly refutedDraftTokens?: number;
}

/** Raised when a prompt does not fit the sequence at all; callers must budget their prompts. */
export class PromptTooLongError extends Error {
  constructor(readonly promptTokens: number, readonly contextSize: number) {
    super(`The prompt has ${promptTokens} tokens but the context holds ${contextSize}; shorten the context or raise enclave.contextSize.`);
  }
}

/**
 * Prompt tokens are evaluated in chunks of this size so that an abort between chunks is seen
 * quickly; the chunks already evaluated stay cached and serve the next request.
 */
const INGEST_CHUNK = 128;

/**
 * Runs generations on one sequence, keeping whatever prefix of the new prompt the KV cache
 * already holds and evaluating only the rest. Requests are serialised: a newer one waits for
 * the older to stop (callers abort the older one first, so that wait is short).
 */
export class PrefixCachedSequence {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly backend: SequenceBackend) {}

  get contextSize(): number {
    return this.backend.contextSize;
  }

  generate(request: SequenceRequest): Promise<SequenceResult> {
    const run = this.queue.then(() => this.run(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(request: SequenceRequest): Promise<SequenceResult> {
    const { prompt, signal } = request;
    const started = performance.now();
    if (prompt.length === 0) throw new Error("An empty prompt cannot be generated from.");
    if (prompt.length >= this.backend.contextSize) throw new PromptTooLongError(prompt.length, this.backend.contextSize);
    const maxTokens = Math.max(0, Math.min(request.maxTokens, this.backend.contextSize - prompt.length));

    // Keep the longest cached prefix, but always evaluate at least one token: sampling needs
    // the logits of the prompt's last position.
    const cached = this.backend.contextTokens();
    const reused = request.reusePrefix === false ? 0 : Math.min(commonPrefixLength(cached, prompt), prompt.length - 1);
    if (reused < cached.length) await this.backend.eraseFrom(reused);

    const predictor = this.backend.predictor;
    predictor?.setInput(prompt);
    const before = predictor?.counts();
    const predictions = () => {
      if (!predictor || !before) return {};
      const after = predictor.counts();
      return { predictor: predictor.kind, acceptedDraftTokens: after.used - before.used, refutedDraftTokens: after.refuted - before.refuted };
    };
    const result = (stopReason: StopReason, text: string, generatedTokens: number, promptDone: number): SequenceResult => ({
      ...predictions(),
      text, stopReason, generatedTokens,
      promptTokens: prompt.length,
      promptTokensEvaluated: prompt.length - reused,
      promptTokensReused: reused,
      promptMs: (promptDone || performance.now()) - started,
      generationMs: promptDone ? performance.now() - promptDone : 0,
    });

    let position = reused;
    while (prompt.length - position > INGEST_CHUNK) {
      if (signal?.aborted) return { ...result("abort", "", 0, 0), promptTokensEvaluated: position - reused };
      await this.backend.ingest(prompt.slice(position, position + INGEST_CHUNK));
      position += INGEST_CHUNK;
    }
    if (signal?.aborted || maxTokens === 0) {
      return { ...result(signal?.aborted ? "abort" : "maxTokens", "", 0, 0), promptTokensEvaluated: position - reused };
    }

    const text = new StreamingText(request.stop ?? [], request.onText);
    const generated: number[] = [];
    let promptDone = 0;
    let newlineAt = 0;
    let stopReason: StopReason = "maxTokens";
    const iterator = this.backend.generate(prompt.slice(position), request.sampling);
    try {
      for await (const token of iterator) {
        if (!promptDone) promptDone = performance.now();
        if (signal?.aborted) { stopReason = "abort"; break; }
        if (this.backend.isEndOfGeneration(token) || request.stopTokens?.has(token)) { stopReason = "eos"; break; }
        generated.push(token);
        if (text.update(this.backend.detokenize(generated))) { stopReason = "stop"; break; }
        if (request.newlineTimeBudgetMs !== undefined) {
          if (!newlineAt && text.value.includes("\n")) newlineAt = performance.now();
          if (newlineAt && performance.now() - newlineAt > request.newlineTimeBudgetMs) { stopReason = "timeBudget"; break; }
        }
        if (generated.length >= maxTokens) { stopReason = "maxTokens"; break; }
      }
    } finally {
      await iterator.return(undefined);
    }
    text.finish();
    return result(stopReason, text.value, generated.length, promptDone);
  }
}

/** The number of leading tokens two token lists share. */
export function commonPrefixLength(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}
