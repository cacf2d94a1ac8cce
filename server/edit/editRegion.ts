/**
 * The region an edit at the cursor rewrites: the innermost function, method or class around it
 * (tree-sitter), else the innermost statement that spans several lines (an `if`, a loop, a
 * multi-line call), else the cursor's line. Always whole lines, so the diff is drawn by lines.
 */
import { ensureLanguage, parseSync } from "../syntax/parser";
import type { ParsedTree, SyntaxNode } from "../syntax/syntaxTypes";
import { definitionLines, enclosingDefinition } from "./definitions";

/**
 * Regions longer than this are not offered at the cursor: a small local model rewrites a few
 * dozen lines well and a whole 500-line class badly (and slowly). A selection may still be longer.
 */
export const MAX_CURSOR_REGION_LINES = 150;

export interface LineRegion {
  /** First and last line, 0-based and inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  readonly kind: "function" | "method" | "class" | "block" | "line";
  readonly symbol?: string;
}

/** Finds the region at `position` of `text`. Languages without a grammar get the cursor's line. */
export async function findEditRegion(text: string, languageId: string, position: { line: number; character: number }): Promise<LineRegion> {
  const lines = text.split("\n");
  const line = Math.min(Math.max(0, position.line), lines.length - 1);
  const fallback: LineRegion = { startLine: line, endLine: line, kind: "line" };
  if (!(await ensureLanguage(languageId))) return fallback;
  const tree = parseSync(text, languageId);
  if (!tree) return fallback;
  try {
    return regionIn(tree, lines, line, position.character) ?? fallback;
  } finally {
    tree.dispose();
  }
}

function regionIn(tree: ParsedTree, lines: readonly string[], line: number, character: number): LineRegion | undefined {
  const node = nodeOnLine(tree, lines, line, character);
  const def = enclosingDefinition(node);
  if (def) {
    const { start, end } = definitionLines(tree, def, true);
    if (end - start < MAX_CURSOR_REGION_LINES) return { startLine: start, endLine: end, kind: def.kind, ...(def.name ? { symbol: def.name } : {}) };
  }
  for (let n = node; n && n.parent; n = n.parent) {
    if (!/statement$/.test(n.type)) continue;
    const r = tree.rangeOf(n);
    const end = r.end.column === 0 && r.end.row > r.start.row ? r.end.row - 1 : r.end.row;
    if (end > r.start.row && end - r.start.row < MAX_CURSOR_REGION_LINES) return { startLine: r.start.row, endLine: end, kind: "block" };
  }
  return undefined;
}

/**
 * The node the cursor is on. A cursor in a line's indentation means the line's code, not the
 * block around it, so the first non-blank column is used; on a blank line the position as it is.
 */
function nodeOnLine(tree: ParsedTree, lines: readonly string[], line: number, character: number): SyntaxNode | null {
  const text = lines[line] ?? "";
  const first = text.search(/\S/);
  const column = first >= 0 && character <= first ? first : Math.min(character, Math.max(0, text.trimEnd().length - 1));
  return tree.nodeAt({ row: line, column });
}
