/**
 * Keeps the rest of a multi-edit suggestion in place after one of its edits is accepted: edits
 * further down move by the lines the accepted one added or removed, and one on the same line as
 * its end moves by the characters. Pure (no vscode import), so it is unit-tested directly.
 */
import type { NextEditChange } from "../../common/protocol";

type Position = { readonly line: number; readonly character: number };

/** Where a position after `applied` ends up once `applied` is in the document. */
function moved(p: Position, applied: NextEditChange): Position {
  const { start, end } = applied.range;
  const lines = applied.newText.split("\n");
  const newEnd: Position = lines.length === 1
    ? { line: start.line, character: start.character + applied.newText.length }
    : { line: start.line + lines.length - 1, character: lines[lines.length - 1]!.length };
  if (p.line === end.line) return { line: newEnd.line, character: newEnd.character + (p.character - end.character) };
  return { line: p.line + (newEnd.line - end.line), character: p.character };
}

/** The edits that come after `applied` (document order), moved to where they are once it is applied. */
export function shiftAfter(rest: readonly NextEditChange[], applied: NextEditChange): NextEditChange[] {
  return rest.map((e) => ({ range: { start: moved(e.range.start, applied), end: moved(e.range.end, applied) }, newText: e.newText }));
}

/** True when the edit only inserts text at `at` (VS Code can then show it as ghost text there). */
export function insertsAt(edit: NextEditChange, at: Position): boolean {
  const { start, end } = edit.range;
  return start.line === end.line && start.character === end.character && start.line === at.line && start.character === at.character && !edit.newText.includes("\n");
}
