import * as vscode from "vscode";
import { WorkDoneProgress } from "vscode-languageclient/node";
import { ShieldScanWorkspaceRequest, type ShieldScanWorkspaceResult } from "../../common/protocol";
import type { EnclaveContext } from "../ctx";

/**
 * `Enclave: Scan Workspace`: the server scans every source file of the workspace folders that
 * .gitignore does not exclude and publishes the findings to the Problems panel while it goes;
 * this side shows its progress in a cancellable notification.
 */
export async function scanWorkspace(ctx: EnclaveContext): Promise<ShieldScanWorkspaceResult | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === "file").map((f) => f.uri.fsPath);
  if (folders.length === 0) {
    void vscode.window.showInformationMessage("Enclave: open a folder to scan it with Shield.");
    return undefined;
  }
  const client = await ctx.ensureClient();
  const workDoneToken = `enclave-scan-${Date.now()}`;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "Shield: scanning the workspace", cancellable: true },
    async (progress, token) => {
      let reported = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind !== "report") return;
        const percentage = value.percentage ?? reported;
        progress.report({ message: value.message, increment: Math.max(0, percentage - reported) });
        reported = percentage;
      });
      try {
        return await client.sendRequest(ShieldScanWorkspaceRequest.type, { folders, workDoneToken }, token);
      } catch {
        return undefined;
      } finally {
        listener.dispose();
      }
    },
  );
  if (!result) return undefined;
  const summary = `Shield scanned ${result.files} file${result.files === 1 ? "" : "s"}${result.cancelled ? " before it was cancelled" : ""}: ${result.findings} finding${result.findings === 1 ? "" : "s"} in ${result.filesWithFindings} file${result.filesWithFindings === 1 ? "" : "s"}.`;
  ctx.log.info(summary);
  void vscode.window.showInformationMessage(summary, ...(result.findings ? ["Show Problems"] : [])).then((choice) => {
    if (choice) void vscode.commands.executeCommand("workbench.actions.view.problems");
  });
  return result;
}
