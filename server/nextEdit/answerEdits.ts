/**
 * Turns a rewritten window into edits: a line diff (longest common subsequence — windows are a
 * few dozen lines, so the quadratic table is small) grouped into hunks, each narrowed to the
 * characters that really change. Edits that change nothing, or that would only put back what the
 * user just changed, are dropped: suggesting an undo of the user's own edit is the most annoying
 * thing a next-edit feature can do.
 */

/** One suggested edit, in document coordinates (0-based; `end` exclusive). */
export interface SuggestedEdit {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
  readonly newText: string;
}

/** Windows longer than this (in lines) are not diffed; a next-edit window is ~20-60 lines. */
const MAX_DIFF_LINES = 400;

/** Pairs of equal lines (indices into a and b) along a longest common subsequence. */
function commonLines(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/**
 * The edits that turn `current` (the window as it is, starting at document line `startLine`)
 * into `rewritten`. Each hunk of changed lines becomes one edit, trimmed to its changed characters.
 */
export function editsBetween(current: string, rewritten: string, startLine: number): SuggestedEdit[] {
  if (current === rewritten) return [];
  const a = current.split("\n");
  const b = rewritten.split("\n");
  if (a.length > MAX_DIFF_LINES || b.length > MAX_DIFF_LINES) return [];
  const pairs = [...commonLines(a, b), [a.length, b.length] as [number, number]];
  const edits: SuggestedEdit[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of pairs) {
    if (pi > i || pj > j) edits.push(narrow(a, b, i, pi, j, pj, startLine));
    i = pi + 1;
    j = pj + 1;
  }
  return edits.filter((e) => e.newText !== "" || e.start.line !== e.end.line || e.start.character !== e.end.character);
}

/** One hunk (a[i0..i1) replaced by b[j0..j1)) as an edit over the smallest changed text. */
function narrow(a: readonly string[], b: readonly string[], i0: number, i1: number, j0: number, j1: number, startLine: number): SuggestedEdit {
  // Work on the hunk's text with its line breaks; pure insertions and deletions of whole lines
  // anchor at the start of the following line (or the end of the previous one at the end of text).
  if (i0 === i1) {
    const inserted = b.slice(j0, j1).join("\n");
    if (i0 < a.length) return { start: { line: startLine + i0, character: 0 }, end: { line: startLine + i0, character: 0 }, newText: `${inserted}\n` };
    const last = a.length - 1;
    return { start: { line: startLine + last, character: a[last]!.length }, end: { line: startLine + last, character: a[last]!.length }, newText: `\n${inserted}` };
  }
  if (j0 === j1) {
    if (i1 < a.length) return { start: { line: startLine + i0, character: 0 }, end: { line: startLine + i1, character: 0 }, newText: "" };
    const from = i0 > 0 ? { line: startLine + i0 - 1, character: a[i0 - 1]!.length } : { line: startLine, character: 0 };
    return { start: from, end: { line: startLine + i1 - 1, character: a[i1 - 1]!.length }, newText: "" };
  }
  const oldText = a.slice(i0, i1).join("\n");
  const newText = b.slice(j0, j1).join("\n");
  let prefix = 0;
  while (prefix < oldText.length && prefix < newText.length && oldText[prefix] === newText[prefix]) prefix++;
  let suffix = 0;
  while (suffix < oldText.length - prefix && suffix < newText.length - prefix && oldText[oldText.length - 1 - suffix] === newText[newText.length - 1 - suffix]) suffix++;
  const position = (offset: number) => {
    const before = oldText.slice(0, offset);
    const lines = before.split("\n");
    return { line: startLine + i0 + lines.length - 1, character: lines[lines.length - 1]!.length };
  };
  return { start: position(prefix), end: position(oldText.length - suffix), newText: newText.slice(prefix, newText.length - suffix) };
}

/** Applies edits (non-overlapping, any order) to a text; used to check what a suggestion would do. */
export function applyEdits(text: string, edits: readonly SuggestedEdit[]): string {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((x, y) => offset(y.start) - offset(x.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.start)) + e.newText + out.slice(offset(e.end));
  return out;
}

/**
 * True when applying the suggestion would give back the lines as they were before the user's
 * latest edit: `updatedLines` (the hunk's lines now, starting at `hunkStart`) would become
 * `originalLines` again.
 */
export function undoesLatestEdit(document: string, edits: readonly SuggestedEdit[], hunk: { readonly startLine: number; readonly original: string; readonly updated: string }): boolean {
  if (!edits.length || hunk.original === hunk.updated) return false;
  const lines = document.split("\n");
  const count = hunk.updated.split("\n").length;
  if (lines.slice(hunk.startLine, hunk.startLine + count).join("\n") !== hunk.updated) return false;
  const after = applyEdits(document, edits).split("\n");
  const originalCount = hunk.original.split("\n").length;
  const delta = after.length - lines.length;
  if (delta !== originalCount - count) return false;
  return after.slice(hunk.startLine, hunk.startLine + originalCount).join("\n") === hunk.original;
}
