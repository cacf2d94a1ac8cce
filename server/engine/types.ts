import type { BackendInfo, ModelInfo } from "../../common/protocol";
import type { SequenceResult } from "./sequence";

/** Special tokens a prompt template may name; each engine maps them to its own ids or text. The one list of them. */
export const specialTokenNames = ["bos", "eos", "fimPrefix", "fimSuffix", "fimMiddle", "fimPad", "fimRepo", "fimFileSep"] as const;
export type SpecialTokenName = (typeof specialTokenNames)[number];

/**
 * One piece of a prompt. Plain strings are user text and are tokenized with special tokens
 * disabled, so code that happens to contain `<|fim_middle|>` cannot inject control tokens.
 */
export type PromptPiece = string | { readonly token: SpecialTokenName };

/** The engine-independent view of a loaded model's vocabulary. */
export interface ModelVocabulary {
  /** Special tokens the model defines; absent ones are missing from the map. */
  readonly special: Partial<Record<SpecialTokenName, true>>;
}

/** Which sequence a request runs on: chat never evicts the completion cache and vice versa. */
export type SequenceKind = "completion" | "chat";

export interface GenerateRequest {
  readonly sequence: SequenceKind;
  readonly prompt: readonly PromptPiece[];
  readonly maxTokens: number;
  readonly temperature?: number;
  readonly seed?: number;
  /** Generation stops before any of these strings; the string itself is not returned. */
  readonly stop?: readonly string[];
  /** Stop once this many ms have passed after the first newline was generated. */
  readonly newlineTimeBudgetMs?: number;
  readonly signal?: AbortSignal;
  /** Receives text as it is generated (already cut at stop strings). */
  readonly onText?: (chunk: string) => void;
  /** False re-evaluates the whole prompt (baselines in benchmarks); default true. */
  readonly reusePrefix?: boolean;
}

/** What a generation produced and what it cost; the same shape as one sequence run. */
export type GenerateResult = SequenceResult;

/** One chat message; the engine renders a conversation with the model's own chat template. */
export interface ChatMessage {
  readonly role: "system" | "user" | "assistant";
  readonly content: string;
}

export interface ChatRequest {
  readonly messages: readonly ChatMessage[];
  /** "edit": an inline edit, which copies most of its input (speculative decoding pays); default "chat". */
  readonly sequence?: "chat" | "edit";
  readonly maxTokens: number;
  readonly temperature?: number;
  readonly seed?: number;
  readonly signal?: AbortSignal;
  readonly onText?: (chunk: string) => void;
}

/** What every engine (local node-llama-cpp, remote OpenAI-compatible) offers the features. */
export interface Engine {
  readonly model: ModelInfo;
  readonly backend: BackendInfo;
  readonly vocabulary: ModelVocabulary;
  generate(request: GenerateRequest): Promise<GenerateResult>;
  /** Answers the last user message on the chat sequence (the KV cache keeps earlier turns). */
  chat(request: ChatRequest): Promise<GenerateResult>;
  /** Tokens a conversation takes once rendered with the chat template, for context budgets. */
  countChatTokens(messages: readonly ChatMessage[]): number;
  /** Counts tokens of user text, for prompt budgets. */
  countTokens(text: string): number;
  dispose(): Promise<void>;
}
