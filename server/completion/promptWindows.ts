/**
 * The prefix and suffix windows of the prompt, each within a fixed token budget that does not
 * depend on what is being typed. The prefix window's first line is sticky: it stays where it
 * was while the cursor moves and the window grows, and is only re-chosen when the window no
 * longer fits (over budget by a quarter), has shrunk below half the budget, or the cursor went
 * above it. So pressing Enter or moving down a line extends the cached prompt instead of
 * shifting all of it, and the engine's KV prefix reuse keeps working across lines.
 */
import type { LineTokens } from "./lineTokens";

/** How far over budget the sticky window may grow before it is re-trimmed. */
const GROW_SLACK = 1.25;
/** Below this share of the budget the window is refilled (the cursor moved up a long way). */
const REFILL_BELOW = 0.5;

export interface PrefixWindow {
  /** The first document line in the window. */
  readonly startLine: number;
  /** Lines [startLine, cursor line), each ending with a newline. */
  readonly text: string;
  readonly tokens: number;
}

export class StickyPrefixWindows {
  private readonly starts = new Map<string, number>();

  constructor(private readonly tokens: LineTokens) {}

  window(key: string, lines: readonly string[], cursorLine: number, budget: number): PrefixWindow {
    let start = this.starts.get(key);
    let tokens = start !== undefined && start <= cursorLine ? this.tokens.sum(lines, start, cursorLine) : -1;
    const keep = start !== undefined && tokens >= 0 && tokens <= budget * GROW_SLACK && (tokens >= budget * REFILL_BELOW || start === 0);
    if (!keep) {
      start = cursorLine;
      tokens = 0;
      while (start > 0) {
        const next = this.tokens.of(lines[start - 1]!);
        if (tokens + next > budget) break;
        tokens += next;
        start--;
      }
      this.starts.set(key, start);
    }
    const from = start!;
    return { startLine: from, text: from < cursorLine ? lines.slice(from, cursorLine).join("\n") + "\n" : "", tokens };
  }

  forget(key: string): void {
    this.starts.delete(key);
  }
}

/** The rest of the cursor's line and as many whole lines below it as fit in the budget. */
export function suffixWindow(lines: readonly string[], cursorLine: number, lineSuffix: string, budget: number, tokens: LineTokens): string {
  let text = lineSuffix;
  let used = 0;
  for (let i = cursorLine + 1; i < lines.length; i++) {
    used += tokens.of(lines[i]!);
    if (used > budget) break;
    text += "\n" + lines[i];
  }
  return text;
}
