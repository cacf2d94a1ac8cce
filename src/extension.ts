import * as vscode from "vscode";
import { registerChat, type ChatApi } from "./chat/registerChat";
import { registerCommands } from "./commands";
import { registerCompletion } from "./completion/registerCompletion";
import { EnclaveContext } from "./ctx";
import { createLog } from "./log";
import { ModelView } from "./modelView";
import { registerNetwork } from "./network/registerNetwork";
import { NextEditController } from "./nextEdit/nextEditController";
import { registerShield, type ShieldApi } from "./shield/registerShield";
import { registerStatusMenu } from "./statusMenu";

let ctx: EnclaveContext | undefined;

/** The API the extension returns from activate(); integration tests read it. */
export interface EnclaveApi {
  readonly context: EnclaveContext;
  readonly chat: ChatApi;
  readonly shield: ShieldApi;
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
  const chat = registerChat(ctx);
  const shield = registerShield(ctx);
  const nextEdit = new NextEditController(ctx);
  ctx.push(nextEdit);
  const modelView = new ModelView();
  ctx.push(modelView, vscode.window.registerTreeDataProvider("enclave.model", modelView), ctx.onStatus((s) => modelView.update(s)));
  // The server starts after activation returns, so VS Code's start-up is never held up by it.
  setTimeout(() => void ctx?.ensureClient().catch(() => undefined), 0);
  return { context: ctx, chat, shield, nextEdit };
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
