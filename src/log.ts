import * as vscode from "vscode";

/** The one output channel Enclave writes to; the server's log lines arrive here too. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel("Enclave", { log: true });
}
