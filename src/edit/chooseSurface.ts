/**
 * Picks where an inline edit's diff is drawn (see EditSurface): in the file itself unless VS Code
 * would auto-save the file while the edit is pending — then the half-done diff would reach the
 * disk and the save would cut the edit's undo step in two — in which case a read-only copy.
 */
import * as vscode from "vscode";
import { DocumentSurface } from "./documentSurface";
import type { EditSurface } from "./editSurface";
import { VirtualSurface, type VirtualPreviews } from "./virtualSurface";

export function chooseSurface(previews: VirtualPreviews, editor: vscode.TextEditor, range: vscode.Range, log: vscode.LogOutputChannel): EditSurface {
  const document = editor.document;
  const autoSave = vscode.workspace.getConfiguration("files", document.uri).get<string>("autoSave", "off");
  if (document.isUntitled || autoSave === "off") return new DocumentSurface(document, range, editor);
  log.debug(`Inline edit of ${document.uri.path.split("/").pop()}: files.autoSave is ${autoSave}, so the diff is shown in a read-only copy`);
  return new VirtualSurface(previews, document, range, editor);
}
