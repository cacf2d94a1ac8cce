/**
 * Where a chat code block's Apply goes, so that it never replaces more than the block is about:
 * the question's selection while it is unchanged; else the editor's selection; else the
 * definition with the block's name (the server finds it with tree-sitter); else a model merge of
 * the block into a bounded region. Pure (no vscode import): the sources are functions, so unit
 * tests check the order and that a later source is not asked once an earlier one answered.
 */
import type { ChatRange } from "../../common/protocol";

export type ApplyTargetKind = "question" | "selection" | "located" | "merge";

export interface ApplyTarget {
  readonly kind: ApplyTargetKind;
  readonly range: ChatRange;
  /** The definition's name, when the server located one. */
  readonly symbol?: string;
}

export interface ApplyTargetSources {
  /** The range the question was about, when the same text is still there. */
  question(): ChatRange | undefined;
  /** The editor's selection when it is not empty. */
  selection(): ChatRange | undefined;
  /** The document's definition with the block's name (EditLocateRequest); null when none. */
  locate(): Promise<{ readonly range: ChatRange; readonly symbol: string } | null | undefined>;
  /** The region a merge edit rewrites (see mergeRegion). */
  mergeRegion(): ChatRange;
}

export async function chooseApplyTarget(sources: ApplyTargetSources): Promise<ApplyTarget> {
  const question = sources.question();
  if (question) return { kind: "question", range: question };
  const selection = sources.selection();
  if (selection) return { kind: "selection", range: selection };
  const located = await sources.locate();
  if (located) return { kind: "located", range: located.range, symbol: located.symbol };
  return { kind: "merge", range: sources.mergeRegion() };
}

/**
 * Most lines a merge edit rewrites. The model copies the whole region into its answer, so the
 * answer grows with the region: 80 lines (about 800 tokens) plus the region in the prompt, the
 * block and the context around it still fit the default 4,096-token context, and a bad merge
 * can touch no line outside the region. A smaller file is merged whole, which lets the model put
 * an import at the top as well as a function further down.
 */
export const MERGE_MAX_LINES = 80;

/**
 * The whole file when it has at most `maxLines` lines; else `maxLines` lines around the cursor,
 * shrunk to start after and end before a blank line (where top-level definitions usually
 * separate) as long as the cursor's line stays inside.
 */
export function mergeRegion(lines: readonly string[], cursorLine: number, maxLines = MERGE_MAX_LINES): ChatRange {
  const n = lines.length;
  const last = (line: number): ChatRange["end"] => ({ line, character: lines[line]!.length });
  if (n <= maxLines) return { start: { line: 0, character: 0 }, end: last(n - 1) };
  const cursor = Math.min(Math.max(cursorLine, 0), n - 1);
  const start = Math.max(0, Math.min(cursor - Math.floor(maxLines / 2), n - maxLines));
  const end = Math.min(n - 1, start + maxLines - 1);
  const blank = (line: number): boolean => line >= 0 && line < n && lines[line]!.trim() === "";
  let s = start;
  while (s > 0 && s < cursor && !blank(s - 1)) s++;
  if (s > 0 && !blank(s - 1)) s = start;
  let e = end;
  while (e < n - 1 && e > cursor && !blank(e + 1)) e--;
  if (e < n - 1 && !blank(e + 1)) e = end;
  return { start: { line: s, character: 0 }, end: last(e) };
}

export interface WholeLineReplacement {
  /** From character 0 of the first line to the end of the last line. */
  readonly range: ChatRange;
  readonly originalText: string;
  readonly newText: string;
}

/**
 * `replacement` in place of `range`, widened to whole lines (what an in-place review shows). A
 * range ending at character 0 of a later line (Shift+Down selections) ends on the line before.
 * The replacement's trailing line break goes, since the last line's own break stays.
 */
export function wholeLineReplacement(lines: readonly string[], range: ChatRange, replacement: string, eol: string): WholeLineReplacement {
  const startLine = range.start.line;
  const endsAtLineStart = range.end.character === 0 && range.end.line > startLine;
  const endLine = Math.min(endsAtLineStart ? range.end.line - 1 : range.end.line, lines.length - 1);
  const endCharacter = endsAtLineStart ? lines[endLine]!.length : range.end.character;
  const first = lines[startLine]!;
  const lastText = lines[endLine]!;
  const body = replacement.replace(/(?:\r?\n)+$/, "");
  return {
    range: { start: { line: startLine, character: 0 }, end: { line: endLine, character: lastText.length } },
    originalText: lines.slice(startLine, endLine + 1).join(eol),
    newText: first.slice(0, range.start.character) + body + lastText.slice(endCharacter),
  };
}
