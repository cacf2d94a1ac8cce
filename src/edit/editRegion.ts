/**
 * The region an inline edit rewrites, always whole lines: the given range or the selection,
 * widened (a selection ending at the start of a line does not take that line), or for a fix the
 * statement around the problem as the server finds it; with nothing
 * selected, the function or block around the cursor as the server finds it with tree-sitter,
 * else the cursor's line.
 */
import * as vscode from "vscode";
import type { EditServer } from "./editServer";

/** Whole lines covering `range`: from the start of its first line to the start of the line after its last. */
export function wholeLines(document: vscode.TextDocument, range: vscode.Range): vscode.Range {
  const lastLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  const end = lastLine + 1 < document.lineCount ? new vscode.Position(lastLine + 1, 0) : document.lineAt(document.lineCount - 1).range.end;
  return new vscode.Range(new vscode.Position(range.start.line, 0), end);
}

export async function editRegion(server: EditServer, editor: vscode.TextEditor, range: vscode.Range | undefined, log: vscode.LogOutputChannel, mode?: "rewrite" | "merge" | "fix"): Promise<vscode.Range> {
  const document = editor.document;
  // A fix rewrites the statement around the problem, which may span more lines than the problem
  // itself: the server names those lines (the same ones its fix will rewrite) before the review opens.
  if (range && mode === "fix") {
    try {
      const fix = { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
      const found = await server.region(document.uri.toString(), fix.start, fix);
      return wholeLines(document, new vscode.Range(found.range.start.line, found.range.start.character, found.range.end.line, found.range.end.character));
    } catch (error) {
      log.warn(`The server found no statement around the problem at line ${range.start.line + 1} (${(error as Error).message}); fixing its own lines.`);
    }
  }
  if (range) return wholeLines(document, range);
  if (!editor.selection.isEmpty) return wholeLines(document, editor.selection);
  const cursor = editor.selection.active;
  try {
    const found = await server.region(document.uri.toString(), { line: cursor.line, character: cursor.character });
    const r = new vscode.Range(found.range.start.line, found.range.start.character, found.range.end.line, found.range.end.character);
    log.debug(`Inline edit region: ${found.kind}${found.symbol ? ` ${found.symbol}` : ""}, lines ${r.start.line + 1}-${r.end.line}`);
    return wholeLines(document, r);
  } catch (error) {
    log.warn(`The server found no region at line ${cursor.line + 1} (${(error as Error).message}); editing the cursor's line.`);
    return wholeLines(document, new vscode.Range(cursor, cursor));
  }
}
