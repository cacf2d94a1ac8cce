/**
 * Token counts of single lines, remembered by their text. Budgets are measured line by line on
 * every keystroke, and most lines are the same as a moment ago, so counting each distinct line
 * once keeps budgeting to a few map lookups.
 */
import { detach } from "./documentWindow";

const MAX_ENTRIES = 50_000;
/**
 * A line longer than this (minified code, data) is not counted: it is reported as longer than
 * any budget, so a prompt window ends at it instead of tokenizing megabytes per keystroke.
 */
export const MAX_COUNTED_LINE = 16 * 1024;
const UNCOUNTED = Number.MAX_SAFE_INTEGER / 2 ** 20;

export class LineTokens {
  private readonly counts = new Map<string, number>();

  constructor(private readonly count: (text: string) => number) {}

  /** Tokens of a line including its newline. */
  of(line: string): number {
    if (line.length > MAX_COUNTED_LINE) return UNCOUNTED;
    let n = this.counts.get(line);
    if (n === undefined) {
      n = line.trim() === "" ? 1 : this.count(line + "\n");
      if (this.counts.size >= MAX_ENTRIES) this.counts.clear();
      // The key is a copy: a line cut from a document would keep the whole document alive.
      this.counts.set(detach(line), n);
    }
    return n;
  }

  /** Tokens of lines [from, to) of a document. */
  sum(lines: readonly string[], from: number, to: number): number {
    let total = 0;
    for (let i = from; i < to; i++) total += this.of(lines[i]!);
    return total;
  }
}
