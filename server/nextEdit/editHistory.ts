/**
 * What the user did recently, for next-edit prediction: their edits as hunks (whole lines before
 * and after), the ranges they looked at, and where the cursor is. Everything lives in memory
 * only, bounded in count and size, and is dropped with the process — nothing is persisted, so a
 * prediction can never leak yesterday's work into today's prompt.
 *
 * Hunks are found by comparing a file's text before and after each change (common prefix and
 * suffix), which works the same for every client whatever its sync granularity. Keystrokes that
 * continue the latest hunk are coalesced into it, so a word typed is one edit, not ten.
 */

/** One edit as whole lines: what the lines were before the hunk started and what they are now. */
export interface EditHunk {
  readonly uri: string;
  /** First line of the hunk in the document as it is now (0-based). */
  readonly startLine: number;
  /** The lines before the edit (joined with "\n", no trailing newline). */
  readonly original: string;
  /** The same lines now. */
  readonly updated: string;
  /** When the hunk was last extended (ms). */
  readonly at: number;
}

export interface ViewedRange {
  readonly uri: string;
  readonly startLine: number;
  readonly endLine: number;
}

export interface EditHistoryLimits {
  /** Hunks kept over all files, oldest dropped first. */
  readonly maxHunks: number;
  /** Characters kept of each side of a hunk; a longer side is cut (and marked). */
  readonly maxHunkChars: number;
  /** A pause longer than this ends a hunk even when the next keystroke is on the same lines. */
  readonly coalesceMs: number;
  /** Files longer than this are not diffed (one comparison per keystroke must stay cheap). */
  readonly maxFileChars: number;
  readonly maxViewed: number;
}

export const DEFAULT_HISTORY_LIMITS: EditHistoryLimits = {
  maxHunks: 16,
  maxHunkChars: 4000,
  coalesceMs: 8000,
  maxFileChars: 2_000_000,
  maxViewed: 8,
};

interface MutableHunk {
  uri: string;
  startLine: number;
  /** Number of lines the hunk spans now. */
  lineCount: number;
  original: string;
  updated: string;
  at: number;
}

/** The line range [start, end) of `text` that differs from `before`, with both versions of it. */
export interface LineChange {
  readonly startLine: number;
  /** Lines the change spans in the old text and in the new text. */
  readonly oldLineCount: number;
  readonly newLineCount: number;
  readonly oldLines: string;
  readonly newLines: string;
}

/** The smallest whole-line region in which two texts differ, or undefined when they are equal. */
export function changedLines(before: string, after: string): LineChange | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Widen to whole lines on both sides.
  const lineStart = before.lastIndexOf("\n", prefix - 1) + 1;
  const oldEndNl = before.indexOf("\n", before.length - suffix);
  const newEndNl = after.indexOf("\n", after.length - suffix);
  const oldEnd = oldEndNl === -1 ? before.length : oldEndNl;
  const newEnd = newEndNl === -1 ? after.length : newEndNl;
  const oldLines = before.slice(lineStart, Math.max(lineStart, oldEnd));
  const newLines = after.slice(lineStart, Math.max(lineStart, newEnd));
  const startLine = countNewlines(before, 0, lineStart);
  return { startLine, oldLineCount: countNewlines(oldLines, 0, oldLines.length) + 1, newLineCount: countNewlines(newLines, 0, newLines.length) + 1, oldLines, newLines };
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n…`;
}

export class EditHistory {
  private readonly hunks: MutableHunk[] = [];
  private readonly texts = new Map<string, string>();
  /** The file as it was before the latest hunk began; the hunk is re-derived from it on each keystroke. */
  private base?: { uri: string; text: string };
  private readonly viewedRanges: ViewedRange[] = [];
  private cursorAt?: { uri: string; line: number; character: number };

  constructor(private readonly limits: EditHistoryLimits = DEFAULT_HISTORY_LIMITS, private readonly now: () => number = Date.now) {}

  /** A file was opened (or its text is known for the first time): later changes diff against it. */
  opened(uri: string, text: string): void {
    if (text.length <= this.limits.maxFileChars) this.texts.set(uri, text);
  }

  closed(uri: string): void {
    this.texts.delete(uri);
    if (this.base?.uri === uri) this.base = undefined;
  }

  /** The file's text after a change; records the change as a new hunk or extends the latest one. */
  changed(uri: string, text: string): void {
    const before = this.texts.get(uri);
    if (text.length > this.limits.maxFileChars) {
      this.texts.delete(uri);
      return;
    }
    this.texts.set(uri, text);
    if (before === undefined) return;
    const change = changedLines(before, text);
    if (!change) return;
    const at = this.now();
    const last = this.hunks[this.hunks.length - 1];
    const base = this.base;
    const coalesce = last !== undefined && base !== undefined && last.uri === uri && base.uri === uri && at - last.at <= this.limits.coalesceMs && this.continues(last, change);
    this.shiftHunks(uri, change, coalesce ? last : undefined);
    if (coalesce && last && base) {
      // Re-deriving the hunk from the text before it began keeps "original" exact however the
      // keystrokes overlapped, and notices when the user typed something and deleted it again.
      const whole = changedLines(base.text, text);
      if (!whole) {
        this.hunks.pop();
        this.base = { uri, text };
        return;
      }
      Object.assign(last, { startLine: whole.startLine, lineCount: whole.newLineCount, original: whole.oldLines, updated: whole.newLines, at });
    } else {
      // Only the newest hunk grows (and is re-derived whole); an older one is only ever read cut
      // to the limit, so it keeps no more than that: 16 edits of a 2 MB line hold kilobytes, not 64 MB.
      if (last) Object.assign(last, { original: cut(last.original, this.limits.maxHunkChars), updated: cut(last.updated, this.limits.maxHunkChars) });
      this.hunks.push({ uri, startLine: change.startLine, lineCount: change.newLineCount, original: change.oldLines, updated: change.newLines, at });
      this.base = { uri, text: before };
    }
    while (this.hunks.length > this.limits.maxHunks) this.hunks.shift();
  }

  /** True when the change touches the latest hunk's lines or the lines right next to them. */
  private continues(hunk: MutableHunk, change: LineChange): boolean {
    const end = hunk.startLine + hunk.lineCount;
    return change.startLine >= hunk.startLine - 1 && change.startLine <= end && change.startLine + change.oldLineCount <= end + 1;
  }

  /** Moves the file's other hunks whose lines come after a change that added or removed lines. */
  private shiftHunks(uri: string, change: LineChange, except?: MutableHunk): void {
    const delta = change.newLineCount - change.oldLineCount;
    if (!delta) return;
    for (const h of this.hunks) if (h !== except && h.uri === uri && h.startLine > change.startLine) h.startLine = Math.max(change.startLine, h.startLine + delta);
  }

  /** The user looked at these lines (the visible range); kept most recent first. */
  viewed(range: ViewedRange): void {
    const i = this.viewedRanges.findIndex((r) => r.uri === range.uri && r.startLine === range.startLine && r.endLine === range.endLine);
    if (i !== -1) this.viewedRanges.splice(i, 1);
    this.viewedRanges.unshift(range);
    this.viewedRanges.length = Math.min(this.viewedRanges.length, this.limits.maxViewed);
  }

  cursor(uri: string, line: number, character: number): void {
    this.cursorAt = { uri, line, character };
  }

  get position(): { uri: string; line: number; character: number } | undefined {
    return this.cursorAt;
  }

  /** Recent hunks, oldest first (the order the prompt formats want), each side cut to the limit. */
  recent(): EditHunk[] {
    return this.hunks.map((h) => ({ uri: h.uri, startLine: h.startLine, original: cut(h.original, this.limits.maxHunkChars), updated: cut(h.updated, this.limits.maxHunkChars), at: h.at }));
  }

  /** The newest hunk, if any (to recognise a suggestion that would only undo it). */
  latest(): EditHunk | undefined {
    return this.recent().pop();
  }

  viewedRecently(): readonly ViewedRange[] {
    return this.viewedRanges;
  }

  /** The text of a tracked file as last seen. */
  textOf(uri: string): string | undefined {
    return this.texts.get(uri);
  }
}
