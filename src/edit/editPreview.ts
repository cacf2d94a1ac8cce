/**
 * What the region looks like in the editor while an inline edit streams and while it is under
 * review: the original lines the rewrite drops (shown red), the new lines (green), the lines that
 * stay, and, while streaming, the original lines the rewrite has not reached yet ("pending").
 * Pure, so the layout is unit-tested without VS Code.
 */
import { diffLines } from "./lineDiff";

export type PreviewLineKind = "same" | "removed" | "added" | "pending";

export interface PreviewLine {
  readonly kind: PreviewLineKind;
  readonly text: string;
}

export interface EditPreview {
  readonly lines: readonly PreviewLine[];
  /** For each line of the new text, its index in `lines` (Shield findings are mapped through it). */
  readonly newLineAt: readonly number[];
}

/**
 * Lays out `next` (the rewrite so far) against `original`. While streaming (`done` false), the
 * original lines after the last line the rewrite kept are not "removed" yet: as many of them as
 * the rewrite has new lines in that last hunk are (a line being replaced), the rest are pending,
 * so a half-streamed rewrite does not look like it deletes the rest of the function.
 */
export function layoutPreview(original: readonly string[], next: readonly string[], done: boolean): EditPreview {
  const ops = diffLines(original, next);
  let tailStart = ops.length;
  while (tailStart > 0 && ops[tailStart - 1]!.kind !== "same") tailStart--;
  const lines: PreviewLine[] = [];
  const newLineAt: number[] = [];
  const push = (kind: PreviewLineKind, text: string): void => {
    if (kind === "same" || kind === "added") newLineAt.push(lines.length);
    lines.push({ kind, text });
  };
  for (const op of ops.slice(0, tailStart)) push(op.kind, op.text);
  const tail = ops.slice(tailStart);
  const removed = tail.filter((op) => op.kind === "removed");
  const added = tail.filter((op) => op.kind === "added");
  const replaced = done ? removed.length : Math.min(removed.length, added.length);
  for (const op of removed.slice(0, replaced)) push("removed", op.text);
  for (const op of added) push("added", op.text);
  for (const op of removed.slice(replaced)) push("pending", op.text);
  return { lines, newLineAt };
}

/** Splits a region's text into lines; a final line break ends the last line rather than adding one. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
