/** The `@` file picker: workspace files, most recently opened first, searchable by path. */
import * as vscode from "vscode";

const MAX_FILES = 5000;
const EXCLUDE = "{**/node_modules/**,**/.git/**,**/dist/**,**/out/**,**/.venv/**,**/__pycache__/**}";

export async function pickFileToAttach(): Promise<vscode.Uri | undefined> {
  const open = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === "file").map((d) => d.uri);
  const found = vscode.workspace.workspaceFolders?.length ? await vscode.workspace.findFiles("**/*", EXCLUDE, MAX_FILES) : [];
  const seen = new Set<string>();
  const items = [...open, ...found].filter((uri) => !seen.has(uri.toString()) && seen.add(uri.toString()))
    .map((uri) => ({ label: uri.path.split("/").pop() ?? uri.path, description: vscode.workspace.asRelativePath(uri, false), uri }));
  const picked = await vscode.window.showQuickPick(items, { title: "Attach a file to the chat", placeHolder: "Type to search files", matchOnDescription: true });
  return picked?.uri;
}
