import type { BackendInfo, ModelInfo } from "../../common/protocol";
import type { LocalModel } from "./llama";
import type { EngineMetricsCollector } from "./metrics";
import { PrefixCachedSequence } from "./sequence";
import { specialTokenNames, type ChatMessage, type ChatRequest, type Engine, type GenerateRequest, type GenerateResult, type ModelVocabulary, type PromptPiece, type SequenceKind, type SpecialTokenName } from "./types";
import { tokenizePieces } from "./tokenizePieces";
export { MissingTokenError } from "./errors";

/**
 * The in-process engine: a node-llama-cpp model with one prefix-cached sequence per kind of
 * work. Edits get a third sequence with speculative decoding when the model was loaded with one
 * (they then never evict the chat's KV cache, and the predictor's state is theirs alone);
 * otherwise they share the chat sequence.
 */
export class LocalEngine implements Engine {
  private readonly sequences: Record<SequenceKind | "edit", PrefixCachedSequence>;
  readonly vocabulary: ModelVocabulary;

  constructor(private readonly local: LocalModel, private readonly metrics: EngineMetricsCollector) {
    const chat = new PrefixCachedSequence(local.sequence("chat"));
    // Without an edit sequence, edits queue on the chat's own (one queue per sequence).
    this.sequences = {
      completion: new PrefixCachedSequence(local.sequence("completion")),
      chat,
      edit: local.edit ? new PrefixCachedSequence(local.edit.sequence) : chat,
    };
    const special: Partial<Record<SpecialTokenName, true>> = {};
    for (const name of specialTokenNames) {
      if (local.specialToken(name) !== undefined) special[name] = true;
    }
    this.vocabulary = { special };
  }

  get model(): ModelInfo {
    return this.local.info;
  }

  get backend(): BackendInfo {
    return this.local.backend;
  }

  countTokens(text: string): number {
    return this.local.tokenize(text).length;
  }

  /** Turns prompt pieces into token ids; user text never becomes a control token. */
  tokenize(prompt: readonly PromptPiece[]): number[] {
    return tokenizePieces(this.local, prompt);
  }

  countChatTokens(messages: readonly ChatMessage[]): number {
    return this.local.renderChat(messages).tokens.length;
  }

  async chat(request: ChatRequest): Promise<GenerateResult> {
    const rendered = this.local.renderChat(request.messages);
    return this.run(request.sequence === "edit" ? "edit" : "chat", rendered.tokens, {
      maxTokens: request.maxTokens, temperature: request.temperature, seed: request.seed, signal: request.signal,
      onText: request.onText, stop: rendered.stopTexts, stopTokens: rendered.stopTokens,
    });
  }

  generate(request: GenerateRequest): Promise<GenerateResult> {
    return this.run(request.sequence, this.tokenize(request.prompt), request);
  }

  private async run(kind: SequenceKind | "edit", prompt: number[], request: Omit<GenerateRequest, "sequence" | "prompt"> & { stopTokens?: ReadonlySet<number> }): Promise<GenerateResult> {
    const started = performance.now();
    const result = await this.sequences[kind].generate({
      prompt,
      maxTokens: request.maxTokens,
      sampling: { temperature: request.temperature ?? 0, seed: request.seed },
      stop: request.stop,
      newlineTimeBudgetMs: request.newlineTimeBudgetMs,
      signal: request.signal,
      onText: request.onText,
      reusePrefix: request.reusePrefix,
      stopTokens: request.stopTokens,
    });
    const { text: _text, ...counts } = result;
    this.metrics.record({ ...counts, kind, totalMs: performance.now() - started });
    return result;
  }

  dispose(): Promise<void> {
    return this.local.dispose();
  }
}
