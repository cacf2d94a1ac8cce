/**
 * What chat and Shield need from the inline edit (src/edit/): run an edit from an instruction
 * (mode "merge" for smart Apply, "fix" for a diagnostic) and review a ready proposal, both in
 * place in the editor. Declared here, as the shape this side relies on, so that Apply, Fix and
 * the chat's /fix all go through the one in-place review.
 */
import type * as vscode from "vscode";
import type { ProposedEdit, ShieldFinding } from "../../common/protocol";

export type EditOutcome = "accepted" | "rejected" | "cancelled" | "failed";

export interface InlineEditRequest {
  readonly range?: vscode.Range;
  readonly instruction: string;
  readonly mode?: "rewrite" | "merge" | "fix";
}

export interface InlineEdits {
  edit(editor: vscode.TextEditor, request: InlineEditRequest): Promise<EditOutcome>;
  review(editor: vscode.TextEditor, proposal: ProposedEdit, findings?: readonly ShieldFinding[]): Promise<EditOutcome>;
}
