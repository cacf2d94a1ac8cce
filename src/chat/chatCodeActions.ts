/**
 * "Enclave: Fix" on every diagnostic (Shield's findings are diagnostics too) and "Enclave:
 * Explain" on a selection or a diagnostic, in the light bulb and the Quick Fix menu. They open
 * the chat with /fix or /explain about the code around the problem. These live in the extension
 * rather than the server because they open VS Code's chat view, which other editors do not have.
 */
import * as vscode from "vscode";

/** Lines of code around a problem that a fix may need to see (and may replace). */
const AROUND = 2;

export class ChatCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const target = linesAround(document, diagnostic.range);
      const short = diagnostic.message.length > 60 ? `${diagnostic.message.slice(0, 59)}…` : diagnostic.message;
      const fix = new vscode.CodeAction(`Enclave: Fix "${short}"`, vscode.CodeActionKind.QuickFix);
      fix.diagnostics = [diagnostic];
      fix.command = { command: "enclave.chat.fix", title: "Enclave: Fix", arguments: [{ uri: document.uri, range: target }] };
      actions.push(fix);
    }
    if (!range.isEmpty || context.diagnostics.length) {
      const explain = new vscode.CodeAction("Enclave: Explain", vscode.CodeActionKind.QuickFix);
      const about = range.isEmpty ? linesAround(document, context.diagnostics[0]!.range) : range;
      explain.command = { command: "enclave.chat.explain", title: "Enclave: Explain", arguments: [{ uri: document.uri, range: about }] };
      actions.push(explain);
    }
    return actions;
  }
}

/** Whole lines from AROUND before the range to AROUND after it. */
export function linesAround(document: vscode.TextDocument, range: vscode.Range): vscode.Range {
  const start = Math.max(0, range.start.line - AROUND);
  const end = Math.min(document.lineCount - 1, range.end.line + AROUND);
  return new vscode.Range(start, 0, end, document.lineAt(end).range.end.character);
}
