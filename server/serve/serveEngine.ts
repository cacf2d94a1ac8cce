import type { BackendInfo, ModelInfo } from "../../common/protocol";
import { loadLocalModel, type LoadOptions, type LocalModel } from "../engine/llama";
import { EngineMetricsCollector } from "../engine/metrics";
import { PrefixCachedSequence, type SequenceResult } from "../engine/sequence";
import type { ChatMessage, PromptPiece, SequenceKind, SpecialTokenName } from "../engine/types";
import { SlotPool } from "./slotPool";
import { fitPieces, specialTokenTexts } from "./servePrompt";

export interface ServeGeneration {
  readonly maxTokens: number;
  readonly temperature?: number;
  readonly seed?: number;
  readonly stop?: readonly string[];
  readonly signal?: AbortSignal;
  readonly onText?: (chunk: string) => void;
}

export interface ServeResult extends SequenceResult {
  /** The KV slot the request ran on, and the client that lost the slot to it, if any. */
  readonly slot: number;
  readonly evicted?: string;
  /** True when the prompt was longer than the context allows and was cut to fit. */
  readonly promptTruncated?: boolean;
}

/** What `enclave/metrics`-style reporting shows per slot. */
export interface SlotStats {
  client?: string;
  requests: number;
  promptTokens: number;
  promptTokensReused: number;
  promptTokensEvaluated: number;
  evictions: number;
}

/**
 * One model shared by many clients: a context with one sequence per slot, each wrapped in the
 * same prefix-cached sequence the in-process engine uses, handed out by an LRU slot pool keyed
 * by client. Different slots evaluate in parallel in llama.cpp's batches; requests on one slot
 * run one after the other.
 */
export class ServeEngine {
  readonly metrics = new EngineMetricsCollector();
  readonly specials: Partial<Record<SpecialTokenName, string>>;
  private readonly pool: SlotPool<PrefixCachedSequence>;
  private readonly stats: SlotStats[];

  private constructor(private readonly local: LocalModel, slots: number) {
    // The context holds at least two sequences (completion and chat); the pool uses as many as asked.
    const sequences = Array.from({ length: Math.min(slots, local.sequenceCount) }, (_, i) => new PrefixCachedSequence(local.sequenceAt(i)));
    this.pool = new SlotPool(sequences);
    this.stats = sequences.map(() => ({ requests: 0, promptTokens: 0, promptTokensReused: 0, promptTokensEvaluated: 0, evictions: 0 }));
    this.specials = specialTokenTexts(local);
  }

  static async load(options: LoadOptions & { readonly slots: number }): Promise<ServeEngine> {
    return new ServeEngine(await loadLocalModel({ ...options, sequences: options.slots }), options.slots);
  }

  get model(): ModelInfo {
    return this.local.info;
  }

  get backend(): BackendInfo {
    return this.local.backend;
  }

  get slotCount(): number {
    return this.stats.length;
  }

  /**
   * Completes a prompt on the client's slot. A prompt longer than the context leaves room for
   * is cut to fit (fitPieces), not refused: the answer says so in `promptTruncated`.
   */
  async complete(client: string, prompt: readonly PromptPiece[], options: ServeGeneration): Promise<ServeResult> {
    const contextSize = this.local.info.contextSize;
    const room = Math.min(contextSize - 1, Math.max(Math.floor(contextSize / 2), contextSize - options.maxTokens));
    const { tokens, truncated } = fitPieces(this.local, prompt, room);
    const result = await this.run(client, "completion", tokens, options);
    return truncated ? { ...result, promptTruncated: true } : result;
  }

  /** Answers a conversation with the model's chat template on the client's slot. */
  chat(client: string, messages: readonly ChatMessage[], options: ServeGeneration): Promise<ServeResult> {
    const rendered = this.local.renderChat(messages);
    return this.run(client, "chat", rendered.tokens, { ...options, stop: [...rendered.stopTexts, ...(options.stop ?? [])] }, rendered.stopTokens);
  }

  slots(): SlotStats[] {
    return this.stats.map((s, i) => ({ ...s, client: this.pool.assignments[i] }));
  }

  private async run(client: string, kind: SequenceKind, prompt: number[], options: ServeGeneration, stopTokens?: ReadonlySet<number>): Promise<ServeResult> {
    const started = performance.now();
    const { index, slot, evicted } = this.pool.acquire(client);
    const result = await slot.generate({
      prompt, maxTokens: options.maxTokens, sampling: { temperature: options.temperature ?? 0, seed: options.seed },
      stop: options.stop, signal: options.signal, onText: options.onText, stopTokens,
    });
    const s = this.stats[index]!;
    s.requests++;
    s.promptTokens += result.promptTokens;
    s.promptTokensReused += result.promptTokensReused;
    s.promptTokensEvaluated += result.promptTokensEvaluated;
    if (evicted) s.evictions++;
    this.metrics.record({
      kind, stopReason: result.stopReason, promptTokens: result.promptTokens, promptTokensEvaluated: result.promptTokensEvaluated,
      promptTokensReused: result.promptTokensReused, generatedTokens: result.generatedTokens, promptMs: result.promptMs,
      generationMs: result.generationMs, totalMs: performance.now() - started,
    });
    return { ...result, slot: index, evicted };
  }

  dispose(): Promise<void> {
    return this.local.dispose();
  }
}
