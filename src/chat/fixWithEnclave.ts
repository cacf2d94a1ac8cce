/**
 * "Fix with Enclave" for a problem from any source (Shield, a compiler, a linter): an inline edit
 * in mode "fix" with the problem as the instruction, over the statement around it (the server
 * names its lines from the problem's own range, even when it spans several), streamed and
 * reviewed in place like every other edit. Shield's own quick
 * fix command and the client's code action for other sources both end here: one path.
 */
import * as vscode from "vscode";
import type { ChatRange, ShieldFixWithModelArgs } from "../../common/protocol";
import type { EditOutcome, InlineEdits } from "./inlineEdits";

/** What the client's "Fix with Enclave" code action passes to its command. */
export interface FixTarget {
  readonly uri: string;
  readonly range: ChatRange;
  /** The problem in words, as the model gets it. */
  readonly instruction: string;
}

export const FIX_WITH_ENCLAVE_COMMAND = "enclave.fixWithEnclave";

export async function fixWithEnclave(edits: InlineEdits, target: FixTarget): Promise<EditOutcome> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus: false });
  const range = new vscode.Range(target.range.start.line, target.range.start.character, target.range.end.line, target.range.end.character);
  return edits.edit(editor, { range, instruction: target.instruction, mode: "fix" });
}

/** Shield's finding as an instruction: the weakness, the rule and its title. */
export function shieldFixTarget(args: ShieldFixWithModelArgs): FixTarget {
  return { uri: args.uri, range: args.range, instruction: `Shield found ${args.cwe || "a weakness"} (${args.ruleId}): ${args.message}` };
}

/** Any diagnostic as an instruction: who reported it, its code and its message. */
export function diagnosticFixTarget(uri: vscode.Uri, diagnostic: vscode.Diagnostic): FixTarget {
  const code = typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
  const who = [diagnostic.source, code === undefined ? undefined : `(${code})`].filter(Boolean).join(" ");
  const range = { start: { line: diagnostic.range.start.line, character: diagnostic.range.start.character }, end: { line: diagnostic.range.end.line, character: diagnostic.range.end.character } };
  return { uri: uri.toString(), range, instruction: `${who ? `${who}: ` : ""}${diagnostic.message}` };
}
