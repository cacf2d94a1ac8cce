import type { PromptPiece } from "../engine/types";

export interface FimBudget {
  /** Lines above the cursor's line kept in the prompt. */
  readonly prefixLines: number;
  /** Lines below the cursor's line kept in the prompt. */
  readonly suffixLines: number;
}

export const defaultFimBudget: FimBudget = { prefixLines: 128, suffixLines: 32 };

/**
 * Builds a fill-in-the-middle prompt whose only changing part, while the user types on one
 * line, is its very end: the lines above go after the FIM prefix token, the rest of the current
 * line and the lines below after the FIM suffix token, and the current line up to the cursor
 * after the FIM middle token (as if the model had already written it). Both windows depend on
 * the cursor's line only, so each keystroke extends the cached prompt instead of rewriting it.
 */
export function buildFimPrompt(text: string, offset: number, budget: FimBudget = defaultFimBudget): { prompt: PromptPiece[]; linePrefix: string; lineSuffix: string } {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const lineEndAt = text.indexOf("\n", offset);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  const above = text.slice(0, lineStart);
  const below = text.slice(lineEnd);
  const prefix = lastLines(above, budget.prefixLines);
  const suffix = text.slice(offset, lineEnd) + firstLines(below, budget.suffixLines);
  const linePrefix = text.slice(lineStart, offset);
  return {
    prompt: [{ token: "fimPrefix" }, prefix, { token: "fimSuffix" }, suffix, { token: "fimMiddle" }, linePrefix],
    linePrefix,
    lineSuffix: text.slice(offset, lineEnd),
  };
}

/** The last `n` whole lines of text that ends with a newline (or is empty). */
function lastLines(text: string, n: number): string {
  let kept = text.length;
  for (let count = 0; count < n; count++) {
    const previous = kept >= 2 ? text.lastIndexOf("\n", kept - 2) : -1;
    if (previous < 0) return text;
    kept = previous + 1;
  }
  return text.slice(kept);
}

/** The first `n` lines of text that starts with a newline (or is empty), keeping that newline. */
function firstLines(text: string, n: number): string {
  let at = 0;
  for (let i = 0; i < n; i++) {
    const next = text.indexOf("\n", at + 1);
    if (next < 0) return text;
    at = next;
  }
  return text.slice(0, at);
}
