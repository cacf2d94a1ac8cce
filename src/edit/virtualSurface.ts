/**
 * The inline edit surface for files VS Code auto-saves (see EditSurface): the diff is drawn in a
 * read-only copy of the file ("app.py (Enclave edit)", same language, same editor group) and the
 * file itself is written once, on Accept, as one workspace edit — one undo step by construction.
 * Reject just closes the copy, so the file is untouched (not even marked dirty). Edits the user
 * makes to the file meanwhile (in another editor of it) keep the edit relative: the region moves
 * with them, and only an edit inside the region cancels it.
 */
import * as vscode from "vscode";
import { layoutPreview, splitLines, type EditPreview } from "./editPreview";
import type { EditSurface } from "./editSurface";
import { mapSpan, type Span } from "./mapSpan";

export const PREVIEW_SCHEME = "enclave-edit";

/** The read-only copies' contents, served to VS Code by URI. */
export class VirtualPreviews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this);
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? "";
  }

  /** A fresh URI whose tab reads "<file> (Enclave edit)". */
  uriFor(document: vscode.TextDocument): vscode.Uri {
    return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `${document.uri.path} (Enclave edit)`, query: String(++this.counter) });
  }

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  delete(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}

export class VirtualSurface implements EditSurface {
  readonly original: string;
  preview: EditPreview;
  readonly writing = false;
  readonly waiting = false;
  private readonly originalLines: string[];
  private readonly eol: string;
  private readonly endsWithEol: boolean;
  private readonly uri: vscode.Uri;
  private readonly column: vscode.ViewColumn | undefined;
  private region: Span;
  private copy: vscode.TextDocument | undefined;
  private opened = false;
  private drawing: Promise<unknown> = Promise.resolve();

  constructor(private readonly previews: VirtualPreviews, readonly document: vscode.TextDocument, range: vscode.Range, editor: vscode.TextEditor) {
    const start = document.offsetAt(range.start);
    this.original = document.getText(range);
    this.region = { start, length: this.original.length };
    this.eol = document.eol === vscode.EndOfLine.CRLF ? "\r\n" : "\n";
    this.originalLines = splitLines(this.original);
    this.endsWithEol = this.original.endsWith("\n") || (this.original === "" && start + this.original.length < document.getText().length);
    this.preview = layoutPreview(this.originalLines, this.originalLines, true);
    this.uri = previews.uriFor(document);
    this.column = editor.viewColumn;
  }

  get previewDocument(): vscode.TextDocument | undefined {
    return this.copy;
  }

  get startLine(): number {
    return this.document.positionAt(this.region.start).line;
  }

  get span(): Span {
    return this.region;
  }

  /** True once the user closed the copy's tab (the controller then rejects the edit). */
  get gone(): boolean {
    return this.opened && !this.tabs().length;
  }

  async show(next: readonly string[], done: boolean): Promise<boolean> {
    this.preview = layoutPreview(this.originalLines, next, done);
    return this.draw();
  }

  reset(): Promise<boolean> {
    return this.show(this.originalLines, true);
  }

  refresh(): Promise<boolean> {
    return this.draw();
  }

  async accept(newText: string): Promise<boolean> {
    const ok = this.intact();
    if (ok) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(this.document.uri, this.range(), this.textOf(splitLines(newText)));
      if (!(await vscode.workspace.applyEdit(edit))) return false;
    }
    await this.close();
    return ok;
  }

  async restore(): Promise<boolean> {
    await this.close();
    return true;
  }

  onForeignChange(changes: readonly vscode.TextDocumentContentChangeEvent[]): "keep" | "cancel" {
    this.region = mapSpan(this.region, changes);
    return this.intact() ? "keep" : "cancel";
  }

  private intact(): boolean {
    return this.document.getText(this.range()) === this.original;
  }

  private range(): vscode.Range {
    return new vscode.Range(this.document.positionAt(this.region.start), this.document.positionAt(this.region.start + this.region.length));
  }

  private textOf(lines: readonly string[]): string {
    if (lines.length === 0) return "";
    return lines.join(this.eol) + (this.endsWithEol ? this.eol : "");
  }

  /** Draws one at a time, so the copy is opened once and the last draw wins. */
  private draw(): Promise<boolean> {
    const next = this.drawing.then(() => this.drawNow(), () => this.drawNow());
    this.drawing = next;
    return next;
  }

  /** Puts the file with the preview in place of the region into the copy, and waits until the copy shows it. */
  private async drawNow(): Promise<boolean> {
    const text = this.document.getText();
    const wanted = text.slice(0, this.region.start) + this.textOf(this.preview.lines.map((l) => l.text)) + text.slice(this.region.start + this.region.length);
    this.previews.set(this.uri, wanted);
    if (!this.copy) {
      const opened = await vscode.workspace.openTextDocument(this.uri);
      this.copy = await vscode.languages.setTextDocumentLanguage(opened, this.document.languageId);
      const at = new vscode.Range(this.startLine, 0, this.startLine, 0);
      await vscode.window.showTextDocument(this.copy, { viewColumn: this.column, preview: false, selection: at });
      this.opened = true;
    }
    const copy = this.copy;
    if (copy.getText() === wanted) return true;
    return new Promise<boolean>((resolve) => {
      const done = (ok: boolean): void => {
        clearTimeout(timer);
        listener.dispose();
        resolve(ok);
      };
      const listener = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === copy && copy.getText() === wanted) done(true);
      });
      // A newer draw may have replaced `wanted` already; the copy then never shows this one.
      const timer = setTimeout(() => done(true), 5_000);
    });
  }

  private tabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === this.uri.toString());
  }

  /** Closes the copy and shows the file again where the copy was. */
  private async close(): Promise<void> {
    const tabs = this.tabs();
    this.opened = false;
    if (tabs.length) await vscode.window.tabGroups.close(tabs);
    this.previews.delete(this.uri);
    await vscode.window.showTextDocument(this.document, { viewColumn: this.column, preview: false, selection: new vscode.Range(this.startLine, 0, this.startLine, 0) });
  }
}
