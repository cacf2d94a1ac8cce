/**
 * The line above an inline edit's region: "Accept (Ctrl+Enter) · Reject (Esc) · Follow-up" once
 * the rewrite is complete, "Enclave is editing… · Cancel (Esc)" while it streams. The same
 * actions have keybindings (bound only while an edit is pending) and palette commands, so an
 * editor with CodeLens turned off still has them.
 */
import * as vscode from "vscode";
import { InlineEditCommands } from "./inlineEditCommands";

export interface LensState {
  readonly uri: vscode.Uri;
  readonly line: number;
  readonly phase: "streaming" | "review";
  /** Error-severity Shield findings in the rewrite (Accept asks first when there are any). */
  readonly errors: number;
}

const mac = process.platform === "darwin";

export class EditCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private state: LensState | undefined;
  private readonly registration = vscode.languages.registerCodeLensProvider({ pattern: "**" }, this);

  update(state: LensState | undefined): void {
    this.state = state;
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const state = this.state;
    if (!state || document.uri.toString() !== state.uri.toString()) return [];
    const range = new vscode.Range(state.line, 0, state.line, 0);
    if (state.phase === "streaming") {
      return [
        new vscode.CodeLens(range, { title: "$(loading~spin) Enclave is editing…", command: "" }),
        new vscode.CodeLens(range, { title: "Cancel (Esc)", command: InlineEditCommands.reject }),
      ];
    }
    const lenses = [
      new vscode.CodeLens(range, { title: `$(check) Accept (${mac ? "Cmd" : "Ctrl"}+Enter)`, command: InlineEditCommands.accept }),
      new vscode.CodeLens(range, { title: "$(close) Reject (Esc)", command: InlineEditCommands.reject }),
      new vscode.CodeLens(range, { title: "$(comment) Follow-up", command: InlineEditCommands.followUp }),
    ];
    if (state.errors > 0) lenses.push(new vscode.CodeLens(range, { title: `$(shield) Shield: ${state.errors} error${state.errors === 1 ? "" : "s"} in the rewrite`, command: "" }));
    return lenses;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
