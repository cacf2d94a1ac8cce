/**
 * Apply for a chat code block, never replacing more than the block is about (see applyTarget.ts
 * for the order). A known target becomes a whole-lines proposal with the block re-indented to
 * it; no target becomes a model "merge" edit of a bounded region. Both are reviewed in place by
 * the inline edit, so nothing changes until the user accepts, and Accept is one undo step.
 */
import * as vscode from "vscode";
import type { BlockFinding } from "../../media/chat/messages";
import { languageIdOf } from "../../media/chat/languages";
import type { ChatContextItem, ChatRange, EditLocateParams, EditLocateResult, ProposedEdit, ShieldFinding } from "../../common/protocol";
import { chooseApplyTarget, mergeRegion, wholeLineReplacement, type ApplyTarget } from "./applyTarget";
import type { EditOutcome, InlineEdits } from "./inlineEdits";
import { reindentBlock, type IndentStyle } from "./reindent";

export interface SmartApplyDeps {
  readonly edits: InlineEdits;
  /** EditLocateRequest on the server; null when the document has no definition of that name. */
  readonly locate: (params: EditLocateParams) => Promise<EditLocateResult | null>;
  readonly log: (line: string) => void;
}

export interface ApplyBlock {
  readonly code: string;
  readonly lang: string;
  /** The selection the question was about. */
  readonly about?: ChatContextItem;
  /** Shield's findings in the block (1-based lines), shown on the diff. */
  readonly findings?: readonly BlockFinding[];
}

export interface SmartApplyResult {
  readonly target: ApplyTarget;
  readonly outcome: EditOutcome;
}

/** Applies `block` to the question's document when its selection is still there, else to `editor`. */
export async function smartApply(deps: SmartApplyDeps, fallback: vscode.TextEditor | undefined, block: ApplyBlock): Promise<SmartApplyResult | undefined> {
  const question = await questionEditor(block.about);
  // The selection is read before the editor is shown again: focus is in the chat view now.
  const selection = fallback?.selection;
  const editor = question?.editor ?? (fallback && (await vscode.window.showTextDocument(fallback.document, { viewColumn: fallback.viewColumn, preserveFocus: false })));
  if (!editor) return undefined;
  const document = editor.document;
  const lines = document.getText().split(/\r?\n/);
  const target = await chooseApplyTarget({
    question: () => question?.range,
    selection: () => (!selection || selection.isEmpty ? undefined : toChatRange(selection)),
    locate: () => deps.locate({ uri: document.uri.toString(), code: block.code, languageId: languageIdOf(block.lang, document.languageId) }).catch((error: unknown) => {
      deps.log(`Apply: the server could not locate the block's definition (${(error as Error).message}); merging instead.`);
      return null;
    }),
    mergeRegion: () => mergeRegion(lines, (selection ?? editor.selection).active.line),
  });
  deps.log(`Apply to ${document.uri.path.split("/").pop()}: ${target.kind}${target.symbol ? ` ${target.symbol}` : ""}, lines ${target.range.start.line + 1}-${target.range.end.line + 1}.`);
  if (target.kind === "merge") {
    const outcome = await deps.edits.edit(editor, { range: toRange(target.range), instruction: block.code, mode: "merge" });
    return { target, outcome };
  }
  const proposal = proposalFor(document, editor.options, lines, target, block.code);
  const findings = (block.findings ?? []).map((f) => documentFinding(f, proposal, lines));
  return { target, outcome: await deps.edits.review(editor, proposal, findings) };
}

/** The block in place of the target, re-indented to where it lands, as whole lines. */
function proposalFor(document: vscode.TextDocument, options: vscode.TextEditorOptions, lines: readonly string[], target: ApplyTarget, code: string): ProposedEdit {
  const style = indentStyle(document, options);
  // A located definition is replaced from its first line's start; a selection from where it starts.
  const character = target.kind === "located" ? 0 : target.range.start.character;
  const replacement = reindentBlock(code, { lineText: lines[target.range.start.line] ?? "", character }, style);
  const whole = wholeLineReplacement(lines, target.kind === "located" ? { ...target.range, start: { line: target.range.start.line, character: 0 } } : target.range, replacement, style.eol);
  return { uri: document.uri.toString(), version: document.version, range: whole.range, originalText: whole.originalText, newText: whole.newText };
}

export function indentStyle(document: vscode.TextDocument, options: vscode.TextEditorOptions): IndentStyle {
  return {
    insertSpaces: options.insertSpaces !== false,
    tabSize: typeof options.tabSize === "number" ? options.tabSize : 4,
    eol: document.eol === vscode.EndOfLine.CRLF ? "\r\n" : "\n",
  };
}

/** A block finding on the line the block's line lands on in the proposal. */
function documentFinding(finding: BlockFinding, proposal: ProposedEdit, lines: readonly string[]): ShieldFinding {
  const line = proposal.range.start.line + finding.line - 1;
  const newLines = proposal.newText.split(/\r?\n/);
  const text = newLines[finding.line - 1] ?? lines[line] ?? "";
  return { ruleId: finding.ruleId, cwe: finding.cwe, severity: finding.severity, message: finding.message, line, column: 0, endLine: line, endColumn: text.length };
}

/** The question's document, shown, and its selection when the text there is still what was asked about. */
async function questionEditor(about: ChatContextItem | undefined): Promise<{ editor: vscode.TextEditor; range: ChatRange } | undefined> {
  if (!about?.uri || !about.range) return undefined;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(about.uri)).then((d) => d, () => undefined);
  if (!document || document.getText(toRange(about.range)) !== about.text) return undefined;
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus: false });
  return { editor, range: about.range };
}

export function toChatRange(range: vscode.Range): ChatRange {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

export function toRange(range: ChatRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
