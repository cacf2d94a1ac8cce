import * as vscode from "vscode";
import { registerCommands } from "./commands";
import { EnclaveContext } from "./ctx";
import { createLog } from "./log";
import { ModelView } from "./modelView";

let ctx: EnclaveContext | undefined;

/** The API the extension returns from activate(); integration tests read it. */
export interface EnclaveApi {
  readonly context: EnclaveContext;
}

export function activate(extension: vscode.ExtensionContext): EnclaveApi {
  const log = createLog();
  ctx = new EnclaveContext(extension, log);
  extension.subscriptions.push(log, ctx);
  registerCommands(ctx);
  const modelView = new ModelView();
  ctx.push(modelView, vscode.window.registerTreeDataProvider("enclave.model", modelView), ctx.onStatus((s) => modelView.update(s)));
  // The server starts after activation returns, so VS Code's start-up is never held up by it.
  setTimeout(() => void ctx?.ensureClient().catch(() => undefined), 0);
  return { context: ctx };
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
