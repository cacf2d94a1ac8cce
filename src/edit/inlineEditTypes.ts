/**
 * The types of InlineEditController's API (re-exported from it), for Apply, Insert and Fix,
 * which put their own proposals through the same in-place review.
 */
import type * as vscode from "vscode";
import type { ShieldFinding } from "../../common/protocol";

export type InlineEditOutcome = "accepted" | "rejected" | "cancelled" | "failed";

export interface InlineEditOptions {
  /** The region (widened to whole lines); default the selection, else the enclosing function/block. */
  readonly range?: vscode.Range;
  readonly instruction: string;
  readonly mode?: "rewrite" | "merge" | "fix";
}

/** What is pending, for tests and for callers that show their own status. */
export interface PendingInlineEdit {
  readonly uri: vscode.Uri;
  readonly phase: "streaming" | "review";
  /** The region in the file now (for the in-file diff, the lines holding it). */
  readonly range: vscode.Range;
  readonly original: string;
  /** The complete rewrite, once streaming finished. */
  readonly newText?: string;
  readonly findings: readonly ShieldFinding[];
}
