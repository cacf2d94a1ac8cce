/**
 * The in-document surface of an inline edit (see EditSurface): writes the in-place diff (kept, removed, new and
 * pending lines) into the document while the rewrite streams and while it is reviewed, then
 * either writes the new text (Accept) or the original text (Reject, cancel, failure) back.
 *
 * Why the diff lives in the document: an extension cannot add lines to an editor any other way
 * (view zones are not API), and the new lines must show in place. Why this is still one undo
 * step: every write goes through `TextEditor.edit` with no undo stop after it, and only the first
 * puts a stop before it, so VS Code keeps appending them to one open undo element; the final write
 * (new text or original) closes it. One Ctrl+Z after Accept therefore goes from the new text
 * straight back to the original, and the preview lines never appear in the undo history.
 * That holds only while nobody else edits the document, which is why any foreign change ends the
 * edit here (a foreign edit would land inside the edit's undo step), and why a file VS Code would
 * auto-save gets the VirtualSurface instead (a save closes the undo step and writes the preview).
 */
import * as vscode from "vscode";
import { layoutPreview, splitLines, type EditPreview } from "./editPreview";
import type { EditSurface } from "./editSurface";
import { mapSpan, type Span } from "./mapSpan";

export class DocumentSurface implements EditSurface {
  readonly startLine: number;
  /** The region's exact original text (the document's own line breaks), restored byte for byte. */
  readonly original: string;
  private readonly originalLines: string[];
  private readonly eol: string;
  /** Whether the region ends with a line break (false only when it reaches a last line without one). */
  private readonly endsWithEol: boolean;
  private readonly prefix: string;
  private readonly suffix: string;
  /** What the region holds now: the original until the first write, then the latest preview. */
  private rendered: string;
  private wroteOnce = false;
  private writes: Promise<unknown> = Promise.resolve();
  /** True while one of our writes is in flight: document changes then are ours. */
  writing = false;
  preview: EditPreview;
  /** Set when the document stopped holding what we wrote (a foreign edit, an undo). */
  broken = false;
  /** Where the region is after foreign edits (set once `broken`), so the original goes back there. */
  private foreignSpan: Span | undefined;
  /** A preview is waiting for an editor of the document to become visible again. */
  waiting = false;

  constructor(readonly document: vscode.TextDocument, range: vscode.Range, private editor: vscode.TextEditor | undefined) {
    this.startLine = range.start.line;
    const text = document.getText();
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    this.original = text.slice(start, end);
    this.prefix = text.slice(0, start);
    this.suffix = text.slice(end);
    this.rendered = this.original;
    this.eol = document.eol === vscode.EndOfLine.CRLF ? "\r\n" : "\n";
    this.originalLines = splitLines(this.original);
    this.endsWithEol = this.original.endsWith("\n") || (this.original === "" && this.suffix !== "");
    this.preview = layoutPreview(this.originalLines, this.originalLines, true);
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  /** The region's current range in the document. */
  get range(): vscode.Range {
    const start = new vscode.Position(this.startLine, 0);
    return new vscode.Range(start, this.document.positionAt(this.prefix.length + this.rendered.length));
  }

  /** Whether the document still is prefix + what we wrote + suffix. */
  intact(): boolean {
    return !this.broken && this.document.getText() === this.prefix + this.rendered + this.suffix;
  }

  /** Whether the document holds exactly its original text again (the user undid our writes). */
  isOriginal(): boolean {
    return this.document.getText() === this.prefix + this.original + this.suffix;
  }

  /** Shows `next` (the rewrite's lines so far) against the original lines, in place. */
  show(next: readonly string[], done: boolean): Promise<boolean> {
    this.preview = layoutPreview(this.originalLines, next, done);
    return this.write(this.textOf(this.preview.lines.map((l) => l.text)), false);
  }

  /** Writes the new text and closes the undo element: Accept. */
  accept(newText: string): Promise<boolean> {
    return this.write(this.textOf(splitLines(newText)), true);
  }

  /**
   * Writes the original text back and closes the undo element: Reject, cancel, failure. After a
   * foreign edit the original goes where the region now is (edits inside the preview are dropped
   * with it), as an undo step of its own.
   */
  async restore(): Promise<boolean> {
    if (!this.broken) return this.write(this.original, true);
    if (this.isOriginal()) return true;
    const span = this.foreignSpan ?? this.locate();
    if (!span) return false;
    const range = new vscode.Range(this.document.positionAt(span.start), this.document.positionAt(span.start + span.length));
    if (this.document.getText(range) === this.original) return true;
    const editor = this.visibleEditor();
    if (editor) return editor.edit((b) => b.replace(range, this.original), { undoStopBefore: true, undoStopAfter: true });
    const edit = new vscode.WorkspaceEdit();
    edit.replace(this.document.uri, range, this.original);
    return vscode.workspace.applyEdit(edit);
  }

  /** The edit that puts the original back, for a save to apply before it writes the file. */
  restoreEdit(): vscode.TextEdit {
    const range = new vscode.Range(this.document.positionAt(this.prefix.length), this.document.positionAt(this.prefix.length + this.rendered.length));
    return vscode.TextEdit.replace(range, this.original);
  }

  /** Writes the original back but keeps the undo element open (a follow-up streams next). */
  reset(): Promise<boolean> {
    this.preview = layoutPreview(this.originalLines, this.originalLines, true);
    return this.write(this.original, false);
  }

  /** Any foreign edit ends the edit here: it would land inside the edit's undo step. */
  onForeignChange(changes: readonly vscode.TextDocumentContentChangeEvent[]): "cancel" {
    this.broken = true;
    this.foreignSpan = mapSpan(this.foreignSpan ?? this.span, changes);
    return "cancel";
  }

  /**
   * Where the region is when a change slipped in during one of our writes (so no foreign span was
   * tracked; VS Code then refuses our write, so the region still holds what we wrote before):
   * between the unchanged text around it, else the occurrence of that text nearest its old place.
   */
  private locate(): Span | undefined {
    const text = this.document.getText();
    if (text.startsWith(this.prefix) && text.endsWith(this.suffix) && text.length >= this.prefix.length + this.suffix.length) {
      return { start: this.prefix.length, length: text.length - this.prefix.length - this.suffix.length };
    }
    let best: number | undefined;
    for (let at = text.indexOf(this.rendered); at >= 0 && this.rendered; at = text.indexOf(this.rendered, at + 1)) {
      if (best === undefined || Math.abs(at - this.prefix.length) < Math.abs(best - this.prefix.length)) best = at;
    }
    return best === undefined ? undefined : { start: best, length: this.rendered.length };
  }

  /** The file's own editor never "goes": closing it is closing the document (the controller hears that). */
  readonly gone = false;

  get previewDocument(): vscode.TextDocument {
    return this.document;
  }

  /** The region's current offsets, for tracking foreign edits. */
  get span(): Span {
    return { start: this.prefix.length, length: this.rendered.length };
  }

  /** The editor showing this document, preferring the one the edit started in. */
  visibleEditor(): vscode.TextEditor | undefined {
    if (this.editor && vscode.window.visibleTextEditors.includes(this.editor)) return this.editor;
    this.editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    return this.editor;
  }

  private textOf(lines: readonly string[]): string {
    if (lines.length === 0) return "";
    return lines.join(this.eol) + (this.endsWithEol ? this.eol : "");
  }

  /** Serialises writes; `close` puts the undo stop after this write. */
  private write(text: string, close: boolean): Promise<boolean> {
    const run = async (): Promise<boolean> => {
      if (this.broken) return false;
      if (text === this.rendered && (!close || !this.wroteOnce)) return true;
      if (!this.intact()) {
        this.broken = true;
        return false;
      }
      const editor = this.visibleEditor();
      // Without a visible editor a preview waits for one (refresh); a final write cannot wait.
      if (!editor) {
        this.waiting = !close;
        return close ? this.writeWithoutEditor(text) : true;
      }
      this.waiting = false;
      const range = this.range;
      this.writing = true;
      try {
        // Writing the same text again only closes the undo element (an empty edit with a stop after it).
        const same = text === this.rendered;
        const ok = await editor.edit((b) => {
          if (!same) b.replace(range, text);
        }, { undoStopBefore: !this.wroteOnce, undoStopAfter: close });
        if (ok) {
          this.rendered = text;
          this.wroteOnce = true;
        }
        if (!ok || !this.intact()) this.broken = true;
        return ok && !this.broken;
      } finally {
        this.writing = false;
      }
    };
    const result = this.writes.then(run, run);
    this.writes = result;
    return result;
  }

  /** The editor went away (tab closed or switched): one workspace edit, an undo step of its own. */
  private async writeWithoutEditor(text: string): Promise<boolean> {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(this.document.uri, this.range, text);
    this.writing = true;
    try {
      const ok = await vscode.workspace.applyEdit(edit);
      if (ok) this.rendered = text;
      return ok && this.intact();
    } finally {
      this.writing = false;
    }
  }

  /** Re-renders the latest preview once an editor for the document is visible again. */
  refresh(): Promise<boolean> {
    return this.write(this.textOf(this.preview.lines.map((l) => l.text)), false);
  }
}
