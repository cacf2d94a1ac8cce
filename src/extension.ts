import * as vscode from "vscode";
import { registerChat, type ChatApi } from "./chat/registerChat";
import { registerCommands } from "./commands";
import { registerCompletion } from "./completion/registerCompletion";
import { EnclaveContext } from "./ctx";
import { registerEdit, type EditApi } from "./edit/registerEdit";
import { createLog } from "./log";
import { ModelView } from "./modelView";
import { registerNetwork } from "./network/registerNetwork";
import { registerShield } from "./shield/registerShield";
import { NextEditController } from "./nextEdit/nextEditController";
import { registerStatusMenu } from "./statusMenu";

let ctx: EnclaveContext | undefined;

/** The API the extension returns from activate(); integration tests read it. */
export interface EnclaveApi {
  readonly context: EnclaveContext;
  readonly chat: ChatApi;
  /** Inline edit (Ctrl+I) and the in-place review that Apply and Fix reuse. */
  readonly edit: EditApi;
  /** Next-edit suggestions (tests read the pending one). */
  readonly nextEdit: NextEditController;
}

export function activate(extension: vscode.ExtensionContext): EnclaveApi {
  const log = createLog();
  ctx = new EnclaveContext(extension, log);
  extension.subscriptions.push(log, ctx);
  registerCommands(ctx);
  registerNetwork(ctx);
  const completions = registerCompletion(ctx);
  registerStatusMenu(ctx, completions);
  // Inline edit first: chat's Apply and /fix, and every Fix with Enclave, review through it.
  const edit = registerEdit(ctx);
  const chat = registerChat(ctx, edit.controller);
  registerShield(ctx, edit.controller);
  const nextEdit = new NextEditController(ctx);
  ctx.push(nextEdit);
  const modelView = new ModelView();
  ctx.push(modelView, vscode.window.registerTreeDataProvider("enclave.model", modelView), ctx.onStatus((s) => modelView.update(s)));
  // The server starts after activation returns, so VS Code's start-up is never held up by it.
  setTimeout(() => void ctx?.ensureClient().catch(() => undefined), 0);
  return { context: ctx, chat, edit, nextEdit };
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
