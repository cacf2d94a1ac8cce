import * as vscode from "vscode";
import type { ProposedEdit } from "../../common/protocol";

/**
 * Reviews a proposed rewrite before it touches the document: the document and the document as
 * it would be are shown side by side in VS Code's diff editor, and Accept applies the proposal as
 * one edit (one undo step) while Reject drops it. Fix with Enclave uses it; inline edit can hand
 * it any ProposedEdit too.
 */
export const proposalScheme = "enclave-proposal";

export type ReviewOutcome = "accepted" | "rejected" | "stale";

interface OpenReview {
  readonly proposal: ProposedEdit;
  readonly uri: vscode.Uri;
  readonly settle: (outcome: ReviewOutcome) => void;
}

export class ProposalReview implements vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private current: OpenReview | undefined;
  private counter = 0;
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(proposalScheme, {
        onDidChange: this.changed.event,
        provideTextDocumentContent: (uri) => this.texts.get(uri.toString()) ?? "",
      }),
      vscode.commands.registerCommand("enclave.review.accept", () => this.finish("accepted")),
      vscode.commands.registerCommand("enclave.review.reject", () => this.finish("rejected")),
    ];
  }

  /** True while a proposal waits for Accept or Reject (tests and the context key read it). */
  get pending(): ProposedEdit | undefined {
    return this.current?.proposal;
  }

  /**
   * Opens the diff and resolves when the user accepts or rejects; `message` adds a line to the
   * Accept/Reject prompt (what Shield thinks of the rewrite, say).
   */
  async review(proposal: ProposedEdit, title: string, message: string): Promise<ReviewOutcome> {
    this.current?.settle("rejected");
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(proposal.uri));
    const start = document.offsetAt(new vscode.Position(proposal.range.start.line, proposal.range.start.character));
    const end = document.offsetAt(new vscode.Position(proposal.range.end.line, proposal.range.end.character));
    const text = document.getText();
    const proposed = text.slice(0, start) + proposal.newText + text.slice(end);
    const uri = vscode.Uri.from({ scheme: proposalScheme, path: `/${++this.counter}${document.uri.path}` });
    this.texts.set(uri.toString(), proposed);
    await vscode.commands.executeCommand("setContext", "enclave.reviewPending", true);
    await vscode.commands.executeCommand("vscode.diff", document.uri, uri, title, { preview: true });
    // Pending only once the diff is on screen, so Accept never applies something unseen.
    const outcome = new Promise<ReviewOutcome>((resolve) => {
      this.current = { proposal, uri, settle: resolve };
    });
    // The buttons are a convenience; the diff editor's title bar has the same two commands.
    void vscode.window.showInformationMessage(message, "Accept", "Reject").then((choice) => {
      if (choice && this.current?.uri.toString() === uri.toString()) void this.finish(choice === "Accept" ? "accepted" : "rejected");
    });
    return outcome;
  }

  private async finish(choice: "accepted" | "rejected"): Promise<void> {
    const review = this.current;
    if (!review) return;
    this.current = undefined;
    await vscode.commands.executeCommand("setContext", "enclave.reviewPending", false);
    let outcome: ReviewOutcome = choice;
    if (choice === "accepted") outcome = (await this.apply(review.proposal)) ? "accepted" : "stale";
    await this.closeDiff(review.uri);
    this.texts.delete(review.uri.toString());
    if (outcome === "stale") void vscode.window.showWarningMessage("Enclave: the file changed while the fix was under review, so it was not applied. Ask for the fix again.");
    review.settle(outcome);
  }

  /** Applies the proposal as one edit, unless the document moved on since it was made. */
  private async apply(proposal: ProposedEdit): Promise<boolean> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(proposal.uri));
    if (document.version !== proposal.version) return false;
    const edit = new vscode.WorkspaceEdit();
    const range = new vscode.Range(proposal.range.start.line, proposal.range.start.character, proposal.range.end.line, proposal.range.end.character);
    edit.replace(document.uri, range, proposal.newText);
    return vscode.workspace.applyEdit(edit);
  }

  private async closeDiff(uri: vscode.Uri): Promise<void> {
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        const input = tab.input;
        if (input instanceof vscode.TabInputTextDiff && input.modified.toString() === uri.toString()) await vscode.window.tabGroups.close(tab);
      }
    }
  }

  dispose(): void {
    this.current?.settle("rejected");
    for (const d of this.disposables) d.dispose();
  }
}
