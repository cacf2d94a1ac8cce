/**
 * Drops what small models do when they lose the thread: the same line three times, the same
 * block twice in a row, a phrase looping within a line, or the line just above written again.
 * The first occurrence is kept; a suggestion that only repeats the line above is dropped.
 */
import { isCloserLine, type Filter } from "./filterContext";

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((line, i) => line.trim() === b[i]!.trim());
const meaningful = (block: readonly string[]): boolean => block.some((line) => line.trim() !== "" && !isCloserLine(line));

/** The index where a repeated run of lines starts repeating, or -1. */
function repeatedLinesAt(lines: readonly string[]): number {
  let cut = -1;
  for (let k = 1; k <= lines.length / 2; k++) {
    const copies = k === 1 ? 3 : 2;
    for (let i = 0; i + k * copies <= lines.length; i++) {
      const block = lines.slice(i, i + k);
      if (!meaningful(block)) continue;
      let repeated = true;
      for (let c = 1; c < copies && repeated; c++) repeated = same(block, lines.slice(i + c * k, i + (c + 1) * k));
      if (repeated && (cut < 0 || i + k < cut)) cut = i + k;
    }
  }
  return cut;
}

/** The previous non-blank line of the document, trimmed. */
function lineAbove(text: string, lineStart: number): string {
  const above = text.slice(0, Math.max(0, lineStart - 1)).split("\n");
  for (let i = above.length - 1; i >= 0; i--) if (above[i]!.trim()) return above[i]!.trim();
  return "";
}

export const dropRepetition: Filter = (text, ctx) => {
  let lines = text.split("\n");
  const cut = repeatedLinesAt(lines);
  if (cut >= 0) lines = lines.slice(0, cut);
  outer: for (let i = 0; i < lines.length; i++) {
    // A unit of four or more characters, with a letter or digit in it, looping three times
    // (a row of `=` or `-` is a legitimate separator, so units without one are left alone).
    for (const loop of lines[i]!.matchAll(/(.{4,}?)\1{2,}/g)) {
      if (!/[A-Za-z0-9]/.test(loop[1]!)) continue;
      lines = [...lines.slice(0, i), lines[i]!.slice(0, loop.index + loop[1]!.length)];
      break outer;
    }
  }
  const out = lines.join("\n");
  const above = lineAbove(ctx.cursor.text, ctx.cursor.lineStart);
  const firstLine = (ctx.cursor.linePrefix + out.split("\n")[0]).trim();
  if (above.length >= 6 && firstLine === above) return "";
  return out;
};
