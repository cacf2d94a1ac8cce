/**
 * Where an inline edit's in-place diff is drawn. Two surfaces, chosen per document by whether
 * VS Code would auto-save it while the edit is pending:
 * - DocumentSurface (files.autoSave "off", the desktop default; untitled files): the diff is
 *   written into the document itself, as one open undo step that Accept or Reject closes.
 * - VirtualSurface (any auto-save, the default of VS Code for the Web and code-server): an
 *   auto-save would write the half-done diff to disk and close the undo step, so the diff is drawn
 *   in a read-only copy of the file opened in the same editor group, and the file is written once,
 *   on Accept.
 * The controller drives both the same way.
 */
import type * as vscode from "vscode";
import type { EditPreview } from "./editPreview";
import type { Span } from "./mapSpan";

export interface EditSurface {
  /** The file being edited. */
  readonly document: vscode.TextDocument;
  /** The document the preview is drawn in (the file itself, or its read-only copy). */
  readonly previewDocument: vscode.TextDocument | undefined;
  /** The region's first line in the preview document. */
  readonly startLine: number;
  /** The region's exact original text (the file's own line breaks). */
  readonly original: string;
  readonly preview: EditPreview;
  /** The region in the file now. */
  readonly span: Span;
  /** True while the surface itself is writing to the file (those changes are not foreign). */
  readonly writing: boolean;
  /** A preview waits for an editor of the file to be visible again (refresh draws it). */
  readonly waiting: boolean;
  /** The user closed the preview (its tab): the edit is rejected. */
  readonly gone: boolean;
  /** Draws `next` (the rewrite's lines so far, or all of them when `done`) against the original. */
  show(next: readonly string[], done: boolean): Promise<boolean>;
  /** Puts the original back in the preview while keeping the edit open (a follow-up streams next). */
  reset(): Promise<boolean>;
  /** Writes the new text into the file as one undo step and ends the preview. */
  accept(newText: string): Promise<boolean>;
  /** Leaves (or puts back) the file's original text and ends the preview. */
  restore(): Promise<boolean>;
  /**
   * Someone else changed the file: "keep" when the edit can go on (the region moved), "cancel"
   * when it must stop (restore() then puts the original back where the region now is).
   */
  onForeignChange(changes: readonly vscode.TextDocumentContentChangeEvent[]): "keep" | "cancel";
  /** Redraws after the preview's editor became visible again. */
  refresh(): Promise<boolean>;
}
