/**
 * How the in-place diff looks: new lines on the diff editor's inserted-line background, dropped
 * lines on its removed-line background (struck through, so they read as going away), lines the
 * rewrite has not reached yet dimmed, and Shield's error findings outlined with the finding as the
 * hover. Theme colours, so it follows the user's theme like VS Code's own diff.
 */
import * as vscode from "vscode";
import type { ShieldFinding } from "../../common/protocol";
import type { EditSurface } from "./editSurface";

export class EditDecorations implements vscode.Disposable {
  private readonly added = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor("diffEditor.insertedLineBackground"),
    overviewRulerColor: new vscode.ThemeColor("editorOverviewRuler.addedForeground"),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  private readonly removed = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor("diffEditor.removedLineBackground"),
    textDecoration: "line-through",
    opacity: "0.75",
    overviewRulerColor: new vscode.ThemeColor("editorOverviewRuler.deletedForeground"),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  private readonly pending = vscode.window.createTextEditorDecorationType({ isWholeLine: true, opacity: "0.5" });
  private readonly finding = vscode.window.createTextEditorDecorationType({
    border: "1px solid",
    borderColor: new vscode.ThemeColor("editorError.foreground"),
    overviewRulerColor: new vscode.ThemeColor("editorOverviewRuler.errorForeground"),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });

  /** Paints the session's preview (and error findings on its new lines) in every editor of its document. */
  show(session: EditSurface, findings: readonly ShieldFinding[]): void {
    const byKind = { added: [] as vscode.Range[], removed: [] as vscode.Range[], pending: [] as vscode.Range[] };
    session.preview.lines.forEach((line, index) => {
      if (line.kind === "same") return;
      const at = session.startLine + index;
      byKind[line.kind].push(new vscode.Range(at, 0, at, 0));
    });
    const marks: vscode.DecorationOptions[] = [];
    for (const f of findings) {
      if (f.severity !== "error") continue;
      const index = session.preview.newLineAt[f.line - session.startLine];
      if (index === undefined) continue;
      const at = session.startLine + index;
      const text = session.preview.lines[index]!.text;
      const endColumn = f.endLine === f.line ? f.endColumn : text.length;
      marks.push({
        range: new vscode.Range(at, Math.min(f.column, text.length), at, Math.max(Math.min(endColumn, text.length), Math.min(f.column, text.length) + 1)),
        hoverMessage: new vscode.MarkdownString(`**Enclave Shield** (${f.cwe || f.ruleId}): ${f.message}\n\nAccept asks before applying code with this finding.`),
      });
    }
    for (const editor of vscode.window.visibleTextEditors.filter((e) => e.document === session.previewDocument)) {
      editor.setDecorations(this.added, byKind.added);
      editor.setDecorations(this.removed, byKind.removed);
      editor.setDecorations(this.pending, byKind.pending);
      editor.setDecorations(this.finding, marks);
    }
  }

  /** Removes the preview's decorations from every editor of the document. */
  clear(document: vscode.TextDocument | undefined): void {
    for (const editor of vscode.window.visibleTextEditors.filter((e) => e.document === document)) {
      for (const type of [this.added, this.removed, this.pending, this.finding]) editor.setDecorations(type, []);
    }
  }

  dispose(): void {
    for (const type of [this.added, this.removed, this.pending, this.finding]) type.dispose();
  }
}
