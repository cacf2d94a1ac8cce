/**
 * "Apply" for a chat code block: a diff between the file as it is and the file with the block in
 * place of the target range (the code the question was about, else the selection, else the
 * whole file). Nothing changes until the user accepts, from the diff's title bar or the
 * notification; rejecting just closes the diff.
 */
import * as vscode from "vscode";

export const APPLY_SCHEME = "enclave-apply";

interface Proposal {
  readonly target: vscode.Uri;
  readonly range: vscode.Range;
  readonly version: number;
  readonly code: string;
  readonly proposed: string;
}

export class ApplyReview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly proposals = new Map<string, Proposal>();
  private counter = 0;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(APPLY_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.proposals.get(uri.toString())?.proposed ?? "";
  }

  /** Opens the review; resolves once it is shown (accepting or rejecting comes later). */
  async start(document: vscode.TextDocument, range: vscode.Range, code: string): Promise<vscode.Uri> {
    const before = document.getText(new vscode.Range(new vscode.Position(0, 0), range.start));
    const after = document.getText(new vscode.Range(range.end, document.lineAt(document.lineCount - 1).range.end));
    const replaced = document.getText(range);
    // Keep the line structure: code replacing whole lines ends with a newline if they did.
    const body = replaced.endsWith("\n") && !code.endsWith("\n") ? `${code}\n` : code;
    const uri = vscode.Uri.from({ scheme: APPLY_SCHEME, path: document.uri.path, query: `proposal=${++this.counter}` });
    this.proposals.set(uri.toString(), { target: document.uri, range, version: document.version, code: body, proposed: before + body + after });
    const name = document.uri.path.split("/").pop();
    await vscode.commands.executeCommand("vscode.diff", document.uri, uri, `${name} ↔ Enclave suggestion (review)`, { preview: false });
    void vscode.commands.executeCommand("setContext", "enclave.applyPending", true);
    void vscode.window.showInformationMessage(`Review Enclave's change to ${name}.`, "Accept", "Reject").then((choice) => {
      if (choice === "Accept") void this.accept(uri);
      else if (choice === "Reject") void this.reject(uri);
    });
    return uri;
  }

  /** Writes the proposal into the file (unsaved, so undo works) and closes the diff. */
  async accept(uri = this.activeProposal()): Promise<boolean> {
    const proposal = uri && this.proposals.get(uri.toString());
    if (!uri || !proposal) return false;
    const document = await vscode.workspace.openTextDocument(proposal.target);
    if (document.version !== proposal.version) {
      void vscode.window.showWarningMessage(`${document.uri.path.split("/").pop()} changed since the suggestion was made; apply it again from the chat.`);
      await this.reject(uri);
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(proposal.target, proposal.range, proposal.code);
    const applied = await vscode.workspace.applyEdit(edit);
    await this.close(uri);
    if (applied) await vscode.window.showTextDocument(document, { selection: new vscode.Range(proposal.range.start, proposal.range.start), preview: false });
    return applied;
  }

  async reject(uri = this.activeProposal()): Promise<boolean> {
    if (!uri || !this.proposals.has(uri.toString())) return false;
    await this.close(uri);
    return true;
  }

  /** The proposal shown in the active diff editor, if any. */
  private activeProposal(): vscode.Uri | undefined {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    if (input instanceof vscode.TabInputTextDiff && input.modified.scheme === APPLY_SCHEME) return input.modified;
    return [...this.proposals.keys()].map((k) => vscode.Uri.parse(k)).pop();
  }

  private async close(uri: vscode.Uri): Promise<void> {
    this.proposals.delete(uri.toString());
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === uri.toString());
    await vscode.window.tabGroups.close(tabs);
    void vscode.commands.executeCommand("setContext", "enclave.applyPending", this.proposals.size > 0);
  }

  dispose(): void {
    this.registration.dispose();
    this.proposals.clear();
  }
}
