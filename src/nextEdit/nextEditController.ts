/**
 * Next-edit suggestions in the editor. After a pause in the user's typing the server is asked
 * for the next edit; typing again cancels the request. One suggestion is pending at most: its
 * first edit at the cursor is shown in place (ghost text for an insertion, struck-through and
 * ghost text for a replacement), an edit elsewhere as a gutter arrow and a "Tab to jump" hint.
 * Tab jumps, Tab again accepts (the rest of a multi-edit suggestion then waits for its own
 * jump), Esc dismisses. The cursor never moves without a key press.
 */
import * as vscode from "vscode";
import { NextEditPredictRequest, type NextEditChange } from "../../common/protocol";
import { SECTION } from "../config";
import type { EnclaveContext } from "../ctx";
import { insertsAt, shiftAfter } from "./shiftEdits";
import { NextEditView } from "./nextEditView";

/** How long typing must pause before a prediction is asked for. */
const PAUSE_MS = 600;

interface Pending {
  readonly uri: string;
  version: number;
  edits: NextEditChange[];
  /** True once the user jumped to the first edit (or it was at the cursor to begin with). */
  atTarget: boolean;
}

const toRange = (r: NextEditChange["range"]) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export class NextEditController implements vscode.Disposable {
  private pending?: Pending;
  private timer?: NodeJS.Timeout;
  private request?: vscode.CancellationTokenSource;
  private applying = false;
  private readonly view: NextEditView;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: EnclaveContext) {
    this.view = new NextEditView(ctx.extension.extensionUri);
    this.disposables.push(
      this.view,
      vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)),
      vscode.window.onDidChangeActiveTextEditor(() => this.dismiss()),
      vscode.commands.registerCommand("enclave.nextEdit.jump", () => this.jump()),
      vscode.commands.registerCommand("enclave.nextEdit.accept", () => this.accept()),
      vscode.commands.registerCommand("enclave.nextEdit.dismiss", () => this.dismiss()),
    );
    // An insertion at the cursor is shown as ordinary ghost text through the inline completion
    // provider, so Tab accepts it the way every other suggestion is accepted.
    ctx.setInlineCompletionOverride((document, position) => this.inlineItem(document, position));
  }

  /** The pending suggestion (integration tests read it). */
  get current(): { readonly uri: string; readonly edits: readonly NextEditChange[]; readonly atTarget: boolean } | undefined {
    return this.pending;
  }

  private enabled(document: vscode.TextDocument): boolean {
    return vscode.workspace.getConfiguration(SECTION, document.uri).get<boolean>("nextEdit.enable", false);
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (this.applying || !e.contentChanges.length) return;
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== e.document) return;
    // Tab on the ghost text of an insertion: the suggestion's own edit, not the user's typing.
    if (this.isFirstEdit(e)) {
      void this.advance(editor);
      return;
    }
    // The user typed: whatever was pending is about the text as it was.
    this.dismiss();
    if (!this.enabled(e.document)) return;
    this.timer = setTimeout(() => void this.predict(editor), PAUSE_MS);
  }

  private async predict(editor: vscode.TextEditor): Promise<void> {
    const document = editor.document;
    const version = document.version;
    const position = editor.selection.active;
    this.request = new vscode.CancellationTokenSource();
    const token = this.request.token;
    try {
      const client = await this.ctx.ensureClient();
      const result = await client.sendRequest(NextEditPredictRequest.type, { uri: document.uri.toString(), version, position: { line: position.line, character: position.character } }, token);
      if (token.isCancellationRequested || document.version !== version || vscode.window.activeTextEditor !== editor) return;
      if (!result.suggestion) {
        if (result.reason && result.reason !== "cancelled") this.ctx.log.debug(`No next edit: ${result.reason}`);
        return;
      }
      const first = result.suggestion.edits[0]!;
      this.pending = { uri: document.uri.toString(), version, edits: [...result.suggestion.edits], atTarget: first.range.start.line === position.line };
      await this.show(editor);
    } catch (error) {
      if (!token.isCancellationRequested) this.ctx.log.debug(`Next-edit request failed: ${(error as Error).message}`);
    }
  }

  private async show(editor: vscode.TextEditor): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    const edit = pending.edits[0]!;
    if (pending.atTarget && insertsAt(edit, editor.selection.active)) {
      this.view.clear(editor);
      await this.setContext(false, true);
      await vscode.commands.executeCommand("editor.action.inlineSuggest.trigger");
      return;
    }
    if (pending.atTarget) this.view.showEdit(editor, edit);
    else this.view.showJump(editor, edit);
    await this.setContext(!pending.atTarget, pending.atTarget);
  }

  /** Tab on a jump hint: the cursor goes to the edit and the edit is shown there. */
  private async jump(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const pending = this.pending;
    if (!editor || !pending || editor.document.uri.toString() !== pending.uri) return;
    const start = toRange(pending.edits[0]!.range).start;
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    pending.atTarget = true;
    await this.show(editor);
  }

  /** Tab at the edit: apply it (one undo step); the suggestion's next edit then waits for a jump. */
  private async accept(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const pending = this.pending;
    if (!editor || !pending || editor.document.uri.toString() !== pending.uri || editor.document.version !== pending.version) return this.dismiss();
    const edit = pending.edits[0];
    this.applying = true;
    let applied = false;
    try {
      applied = await editor.edit((builder) => builder.replace(toRange(edit!.range), edit!.newText));
    } finally {
      this.applying = false;
    }
    if (!applied) return this.dismiss();
    await this.advance(editor);
  }

  /** The first edit is in the document: the rest (moved into place) waits for its jump. */
  private async advance(editor: vscode.TextEditor): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    const [edit, ...rest] = pending.edits;
    if (!rest.length) return this.dismiss();
    pending.edits = shiftAfter(rest, edit!);
    pending.version = editor.document.version;
    pending.atTarget = pending.edits[0]!.range.start.line === editor.selection.active.line;
    await this.show(editor);
  }

  private isFirstEdit(e: vscode.TextDocumentChangeEvent): boolean {
    const pending = this.pending;
    if (!pending || !pending.atTarget || e.document.uri.toString() !== pending.uri || e.contentChanges.length !== 1) return false;
    const change = e.contentChanges[0]!;
    const edit = pending.edits[0]!;
    return change.text === edit.newText && change.range.isEqual(toRange(edit.range));
  }

  private inlineItem(document: vscode.TextDocument, position: vscode.Position): vscode.InlineCompletionItem[] | undefined {
    const pending = this.pending;
    if (!pending || !pending.atTarget || document.uri.toString() !== pending.uri) return undefined;
    const edit = pending.edits[0]!;
    if (!insertsAt(edit, position)) return undefined;
    return [new vscode.InlineCompletionItem(edit.newText, new vscode.Range(position, position))];
  }

  /** Drops whatever is pending or asked for; nothing in the document changes. */
  dismiss(): void {
    clearTimeout(this.timer);
    this.request?.cancel();
    this.request = undefined;
    if (!this.pending) return;
    const wasInline = this.pending.atTarget;
    this.pending = undefined;
    for (const editor of vscode.window.visibleTextEditors) this.view.clear(editor);
    if (wasInline) void vscode.commands.executeCommand("editor.action.inlineSuggest.hide");
    void this.setContext(false, false);
  }

  private async setContext(jump: boolean, atTarget: boolean): Promise<void> {
    await vscode.commands.executeCommand("setContext", "enclave.nextEdit.jumpPending", jump);
    await vscode.commands.executeCommand("setContext", "enclave.nextEdit.atTarget", atTarget);
  }

  dispose(): void {
    this.dismiss();
    for (const d of this.disposables) d.dispose();
  }
}
