/**
 * A draft model proposes token ids that the main model checks, so both must number their
 * tokens the same way: the same tokenizer kind and the same token strings at the same ids.
 * This compares the two GGUF vocabularies before the draft model is loaded at all.
 */

/** The tokenizer part of a GGUF's metadata (`tokenizer.ggml.*`), as node-llama-cpp reads it. */
export interface GgufVocabulary {
  readonly model?: unknown;
  readonly pre?: unknown;
  readonly tokens?: readonly unknown[];
}

/** The vocabulary of a GGUF's metadata, or an empty one when it has none. */
export function ggufVocabulary(metadata: unknown): GgufVocabulary {
  const ggml = (metadata as { tokenizer?: { ggml?: Record<string, unknown> } } | undefined)?.tokenizer?.ggml ?? {};
  return { model: ggml.model, pre: ggml.pre, tokens: Array.isArray(ggml.tokens) ? ggml.tokens : undefined };
}

/** Why the draft model cannot draft for the main one (a sentence naming both), or undefined when the vocabularies match. */
export function draftVocabularyProblem(main: { name: string; vocabulary: GgufVocabulary }, draft: { name: string; vocabulary: GgufVocabulary }): string | undefined {
  const difference = vocabularyDifference(main.vocabulary, draft.vocabulary);
  if (!difference) return undefined;
  return `The draft model ${draft.name} is not used: its vocabulary differs from the model ${main.name}'s (${difference}). ` +
    "A draft model must share the main model's tokenizer (a smaller model of the same family); inline edits use prompt lookup instead.";
}

function vocabularyDifference(main: GgufVocabulary, draft: GgufVocabulary): string | undefined {
  if (!main.tokens || !draft.tokens) return "one of them has no token list";
  if (main.model !== draft.model) return `tokenizer ${String(draft.model)} against ${String(main.model)}`;
  if (main.tokens.length !== draft.tokens.length) {
    return `${draft.tokens.length.toLocaleString("en-US")} tokens against ${main.tokens.length.toLocaleString("en-US")}`;
  }
  const index = main.tokens.findIndex((token, i) => token !== draft.tokens![i]);
  if (index >= 0) return `token ${index} is ${JSON.stringify(draft.tokens[index])} against ${JSON.stringify(main.tokens[index])}`;
  // The pre-tokenizer decides how text splits before the tokens apply: a different one yields different ids for the same text.
  if (main.pre !== draft.pre) return `pre-tokenizer ${String(draft.pre)} against ${String(main.pre)}`;
  return undefined;
}
