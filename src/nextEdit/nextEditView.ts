/**
 * How a pending next edit looks: an arrow in the gutter and a short hint at the end of its line
 * while it waits for a jump; once the cursor is there, the text it replaces is struck through
 * and the new text is shown after it in ghost colours. Decorations only: nothing is written to
 * the document until the user accepts.
 */
import * as vscode from "vscode";
import type { NextEditChange } from "../../common/protocol";

const MAX_PREVIEW = 80;

export class NextEditView implements vscode.Disposable {
  private readonly arrow: vscode.TextEditorDecorationType;
  private readonly hint = vscode.window.createTextEditorDecorationType({
    after: { margin: "0 0 0 2em", color: new vscode.ThemeColor("editorGhostText.foreground"), fontStyle: "italic" },
    isWholeLine: true,
  });
  private readonly removed = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor("diffEditor.removedTextBackground"),
    textDecoration: "line-through",
  });
  private readonly added = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor("editorGhostText.foreground"), backgroundColor: new vscode.ThemeColor("diffEditor.insertedTextBackground") },
  });

  constructor(extensionUri: vscode.Uri) {
    this.arrow = vscode.window.createTextEditorDecorationType({
      gutterIconPath: vscode.Uri.joinPath(extensionUri, "media", "next-edit-arrow.svg"),
      gutterIconSize: "contain",
    });
  }

  /** The edit waits elsewhere: arrow and "Tab to jump" on its line. */
  showJump(editor: vscode.TextEditor, edit: NextEditChange): void {
    this.clear(editor);
    const line = editor.document.lineAt(Math.min(edit.range.start.line, editor.document.lineCount - 1)).range;
    editor.setDecorations(this.arrow, [new vscode.Range(line.start, line.start)]);
    editor.setDecorations(this.hint, [{ range: line, renderOptions: { after: { contentText: "⇥ Tab to jump to Enclave's next edit" } } }]);
  }

  /** The cursor is at the edit: what goes and what comes, with the keys in the hover. */
  showEdit(editor: vscode.TextEditor, edit: NextEditChange): void {
    this.clear(editor);
    const range = new vscode.Range(edit.range.start.line, edit.range.start.character, edit.range.end.line, edit.range.end.character);
    const preview = edit.newText.replace(/\n/g, "⏎");
    const text = preview.length > MAX_PREVIEW ? `${preview.slice(0, MAX_PREVIEW)}…` : preview;
    const hover = new vscode.MarkdownString("Enclave's next edit: **Tab** to accept, **Esc** to dismiss.");
    if (!range.isEmpty) editor.setDecorations(this.removed, [{ range, hoverMessage: hover }]);
    editor.setDecorations(this.added, [{ range: new vscode.Range(range.end, range.end), hoverMessage: hover, renderOptions: { after: { contentText: text || "(delete)" } } }]);
    editor.setDecorations(this.arrow, [new vscode.Range(range.start, range.start)]);
  }

  clear(editor: vscode.TextEditor | undefined): void {
    if (!editor) return;
    for (const type of [this.arrow, this.hint, this.removed, this.added]) editor.setDecorations(type, []);
  }

  dispose(): void {
    for (const type of [this.arrow, this.hint, this.removed, this.added]) type.dispose();
  }
}
