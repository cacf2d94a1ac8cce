/**
 * What the user sees of the pending inline edit besides the text: the diff's decorations, the
 * CodeLens with Accept · Reject · Follow-up, and the context keys that bind Ctrl+Enter and Escape
 * only while an edit is pending in the active editor.
 */
import * as vscode from "vscode";
import type { ShieldFinding } from "../../common/protocol";
import { EditCodeLens } from "./editCodeLens";
import { EditDecorations } from "./editDecorations";
import type { EditSurface } from "./editSurface";
import { InlineEditContext } from "./inlineEditCommands";

export interface ViewState {
  readonly surface: EditSurface;
  readonly phase: "streaming" | "review";
  readonly findings: readonly ShieldFinding[];
}

export class InlineEditView implements vscode.Disposable {
  private readonly decorations = new EditDecorations();
  private readonly lens = new EditCodeLens();

  /** Shows `state` (or nothing) and sets the context keys for the active editor. */
  update(state: ViewState | undefined): void {
    const here = !!state && vscode.window.activeTextEditor?.document === state.surface.previewDocument;
    void vscode.commands.executeCommand("setContext", InlineEditContext.pending, here);
    void vscode.commands.executeCommand("setContext", InlineEditContext.review, here && state?.phase === "review");
    this.lens.update(state
      ? { uri: (state.surface.previewDocument ?? state.surface.document).uri, line: state.surface.startLine, phase: state.phase, errors: state.findings.filter((f) => f.severity === "error").length }
      : undefined);
    if (state) this.paint(state);
  }

  /** Redraws the decorations (after the preview changed or its editor became visible). */
  paint(state: ViewState): void {
    if (state.surface.waiting) void state.surface.refresh();
    this.decorations.show(state.surface, state.findings);
  }

  clear(document: vscode.TextDocument | undefined): void {
    this.decorations.clear(document);
  }

  dispose(): void {
    this.decorations.dispose();
    this.lens.dispose();
  }
}
