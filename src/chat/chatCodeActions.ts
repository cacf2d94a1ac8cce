/**
 * "Fix with Enclave" (an inline edit in place, fixWithEnclave.ts) on every diagnostic that has
 * none from the server (Shield's own findings get theirs from the server), "Enclave: Fix in Chat"
 * (the chat's /fix) on every diagnostic, and "Enclave: Explain" on a selection or a diagnostic, in the
 * light bulb and the Quick Fix menu. These live in the extension rather than the server because
 * they drive VS Code's editor and chat view, which other editors do not have.
 */
import * as vscode from "vscode";
import { shieldDiagnosticSource } from "../../common/protocol";
import { diagnosticFixTarget, FIX_WITH_ENCLAVE_COMMAND } from "./fixWithEnclave";

/** Lines of code around a problem that a fix may need to see (and may replace). */
const AROUND = 2;

export class ChatCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== shieldDiagnosticSource) {
        const inline = new vscode.CodeAction(`Fix with Enclave: ${shorten(diagnostic.message)}`, vscode.CodeActionKind.QuickFix);
        inline.diagnostics = [diagnostic];
        inline.command = { command: FIX_WITH_ENCLAVE_COMMAND, title: "Fix with Enclave", arguments: [diagnosticFixTarget(document.uri, diagnostic)] };
        actions.push(inline);
      }
      const target = linesAround(document, diagnostic.range);
      const fix = new vscode.CodeAction(`Enclave: Fix in Chat "${shorten(diagnostic.message)}"`, vscode.CodeActionKind.QuickFix);
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

/** A diagnostic's message cut to fit a menu entry. */
function shorten(message: string): string {
  const first = message.split("\n")[0]!;
  return first.length > 60 ? `${first.slice(0, 59)}…` : first;
}
