/**
 * Opens a cited chunk: the file of a source the question sent, with the cited lines selected and
 * the cursor on the first of them. The webview only names a path and lines; the file comes from
 * the host's own copy of the message's sources, so an answer cannot make the editor open a file
 * the search did not send.
 */
import * as vscode from "vscode";
import { matchSource } from "../../media/chat/citations";
import type { ChatMessageRecord } from "../../common/protocol";

/** The source of `messages` that a click on message `messageId` names, or undefined. */
export function sourceFor(messages: readonly ChatMessageRecord[], messageId: string, path: string): { uri: string } | undefined {
  const at = messages.findIndex((m) => m.id === messageId);
  if (at < 0) return undefined;
  const asked = messages[at]!.role === "user" ? messages[at] : messages[at - 1];
  return matchSource(path, asked?.sources ?? []);
}

/** Shows `uri` with lines `startLine`-`endLine` (1-based, clamped to the file) selected. */
export async function openSourceAt(uri: string, startLine: number, endLine: number): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const last = Math.min(document.lineCount, Math.max(1, startLine, endLine));
  const first = Math.min(Math.max(1, startLine), last);
  const start = new vscode.Position(first - 1, 0);
  const end = document.lineAt(last - 1).range.end;
  const editor = await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.One });
  // The anchor at the end and the cursor at the start (showTextDocument's own `selection` option
  // puts the cursor at the end): the status bar then reads the first cited line.
  editor.selection = new vscode.Selection(end, start);
  editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
