/**
 * What chat and Shield need from the inline edit (src/edit/): run an edit from an instruction
 * (mode "merge" for smart Apply, "fix" for a diagnostic) and review a ready proposal, both in
 * place in the editor. InlineEditController implements it; chat depends on this narrow shape
 * only, so Apply, Fix and the chat's /fix all go through the one in-place review.
 */
import type * as vscode from "vscode";
import type { ProposedEdit, ShieldFinding } from "../../common/protocol";
import type { InlineEditOptions, InlineEditOutcome } from "../edit/inlineEditTypes";

export type EditOutcome = InlineEditOutcome;

export interface InlineEdits {
  edit(editor: vscode.TextEditor, request: InlineEditOptions): Promise<EditOutcome>;
  review(editor: vscode.TextEditor, proposal: ProposedEdit, findings?: readonly ShieldFinding[]): Promise<EditOutcome>;
}
