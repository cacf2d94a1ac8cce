/**
 * "Enclave: Show Network Audit" as a read-only document: a TextDocumentContentProvider on its
 * own scheme, so the audit opens without a dirty marker and never asks to be saved. Each time
 * the command runs, the document is fetched again from the server.
 */
import * as vscode from "vscode";

export const AUDIT_SCHEME = "enclave-audit";
const AUDIT_URI = vscode.Uri.from({ scheme: AUDIT_SCHEME, path: "/Enclave Network Audit.log" });

export class AuditDocument implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly fetch: () => Promise<string>) {}

  provideTextDocumentContent(): Promise<string> {
    return this.fetch();
  }

  /** Opens (or refreshes) the audit document. */
  async show(): Promise<vscode.TextEditor> {
    this.changed.fire(AUDIT_URI);
    const document = await vscode.workspace.openTextDocument(AUDIT_URI);
    if (document.languageId !== "log") await vscode.languages.setTextDocumentLanguage(document, "log").then(undefined, () => undefined);
    return vscode.window.showTextDocument(document, { preview: true });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
