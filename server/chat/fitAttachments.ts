/**
 * Cuts attachments so that one message cannot fill the context window by itself. The budget is
 * shared fairly: small attachments stay whole and the large ones split what is left. A cut
 * attachment keeps its first lines and says how many were left out.
 */
import type { ChatContextItem } from "../../common/protocol";

export interface FittedAttachments {
  readonly items: ChatContextItem[];
  /** One sentence per attachment that was cut, for the user. */
  readonly notices: string[];
}

/**
 * No tokenizer packs more than this many characters into a token on code, so text beyond
 * budget × this can be dropped before counting (counting megabytes of text takes seconds).
 */
const MAX_CHARS_PER_TOKEN = 8;

export function fitAttachments(items: readonly ChatContextItem[], budget: number, countTokens: (text: string) => number): FittedAttachments {
  const limit = Math.max(0, budget) * MAX_CHARS_PER_TOKEN;
  const trimmed = items.map((item) => item.text.length > limit ? { ...item, text: item.text.slice(0, item.text.lastIndexOf("\n", limit) + 1 || limit) } : item);
  const sizes = trimmed.map((item) => countTokens(item.text));
  const shares = fairShares(sizes, Math.max(0, budget));
  const notices: string[] = [];
  const fitted = trimmed.map((item, i) => {
    if (sizes[i]! <= shares[i]! && item.text.length === items[i]!.text.length) return item;
    const cut = cutToTokens(item.text, shares[i]!, countTokens);
    const totalLines = items[i]!.text.split("\n").length;
    notices.push(`${item.label} was cut to its first ${cut.keptLines} of ${totalLines} lines to fit the context window.`);
    return { ...item, text: cut.text };
  });
  return { items: fitted, notices };
}

/** Water-filling: every item gets min(its size, an equal share of what the smaller ones leave). */
export function fairShares(sizes: readonly number[], budget: number): number[] {
  const order = sizes.map((size, index) => ({ size, index })).sort((a, b) => a.size - b.size);
  const shares = new Array<number>(sizes.length).fill(0);
  let left = budget;
  order.forEach(({ size, index }, rank) => {
    const fair = Math.floor(left / (order.length - rank));
    shares[index] = Math.min(size, fair);
    left -= shares[index]!;
  });
  return shares;
}

/** The longest run of leading lines (plus a marker line) that takes at most `limit` tokens. */
function cutToTokens(text: string, limit: number, countTokens: (text: string) => number): { text: string; keptLines: number } {
  const lines = text.split("\n");
  const build = (n: number): string => `${lines.slice(0, n).join("\n")}\n… (${lines.length - n} more lines left out to fit the context window)`;
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (countTokens(build(mid)) <= limit) low = mid;
    else high = mid - 1;
  }
  return { text: build(low), keptLines: low };
}
