/**
 * Holds one piece of text (the cursor's line, before or after the cursor) to a token budget.
 * A minified or generated line can be megabytes long: only its part next to the cursor is
 * worth a prompt, and counting the tokens of all of it would block the server for seconds.
 * So the text is first cut to what the budget could possibly hold, then counted, then cut
 * again in proportion until it fits.
 */
import { MAX_CHARS_PER_TOKEN } from "../engine/tokenizePieces";

/** Cuts in proportion aim this far below the budget, so one or two rounds are enough. */
const AIM = 0.9;

export interface HeldText {
  readonly text: string;
  readonly tokens: number;
  /** How many characters were cut off. */
  readonly cut: number;
}

/**
 * The longest part of `text` within `budget` tokens that keeps its `keep` end: "end" keeps the
 * characters next to a cursor after them (the typed text stays last), "start" the ones before.
 */
export function holdToBudget(text: string, budget: number, keep: "start" | "end", count: (text: string) => number): HeldText {
  if (text === "") return { text, tokens: 0, cut: 0 };
  const limit = Math.max(0, budget);
  let length = Math.min(text.length, limit * MAX_CHARS_PER_TOKEN);
  for (;;) {
    const part = slice(text, length, keep);
    const tokens = part === "" ? 0 : count(part);
    if (tokens <= limit) return { text: part, tokens, cut: text.length - part.length };
    length = Math.min(length - 1, Math.floor(length * (limit / tokens) * AIM));
  }
}

/** The `length` characters at the kept end, never splitting a surrogate pair. */
function slice(text: string, length: number, keep: "start" | "end"): string {
  if (length <= 0) return "";
  if (length >= text.length) return text;
  if (keep === "end") {
    let from = text.length - length;
    const code = text.charCodeAt(from);
    if (code >= 0xdc00 && code <= 0xdfff) from++;
    return text.slice(from);
  }
  let to = length;
  const code = text.charCodeAt(to - 1);
  if (code >= 0xd800 && code <= 0xdbff) to--;
  return text.slice(0, to);
}
