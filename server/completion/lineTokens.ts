/**
 * Token counts of single lines, remembered by their text. Budgets are measured line by line on
 * every keystroke, and most lines are the same as a moment ago, so counting each distinct line
 * once keeps budgeting to a few map lookups.
 */
const MAX_ENTRIES = 50_000;

export class LineTokens {
  private readonly counts = new Map<string, number>();

  constructor(private readonly count: (text: string) => number) {}

  /** Tokens of a line including its newline. */
  of(line: string): number {
    let n = this.counts.get(line);
    if (n === undefined) {
      n = line.trim() === "" ? 1 : this.count(line + "\n");
      if (this.counts.size >= MAX_ENTRIES) this.counts.clear();
      this.counts.set(line, n);
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
