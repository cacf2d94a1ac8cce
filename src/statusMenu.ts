/**
 * The Enclave menu the status item opens (like Copilot's status menu): what runs where, then
 * the everyday actions — completions on/off, snooze, statistics, model, log, network audit,
 * restart. Each entry runs an existing command, so the menu adds no behaviour of its own.
 */
import * as vscode from "vscode";
import { describeBackend } from "../common/describeBackend";
import { SECTION } from "./config";
import type { EnclaveContext } from "./ctx";
import { MENU_COMMAND } from "./status";

/** What the menu needs to know about completions (owned by registerCompletion). */
export interface CompletionState {
  readonly snoozedUntil: () => number | null;
}

type Entry = vscode.QuickPickItem & { readonly command?: string; readonly args?: unknown[] };

/** The menu's entries for the current state; exported for tests. */
export function menuEntries(ctx: EnclaveContext, completions: CompletionState): Entry[] {
  const s = ctx.modelStatus;
  const config = vscode.workspace.getConfiguration(SECTION);
  const enabled = config.get<boolean>("completion.enable", true);
  const snoozed = completions.snoozedUntil();
  const separator = (label: string): Entry => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const model: Entry = s.state === "ready" && s.model
    ? { label: `$(${s.backend?.remote ? "cloud" : "shield"}) ${s.model.name}${s.model.demo ? " (demo model)" : ""}`, description: describeBackend(s.backend), detail: s.backend?.remote ? `Prompts go to ${s.backend.remote.url} only.` : "Runs on this machine: no code leaves it.", command: "enclave.showStatus" }
    : { label: `$(${s.state === "error" ? "error" : "loading~spin"}) Model: ${s.state}`, detail: s.message, command: "enclave.showLog" };
  const entries: Entry[] = [separator("Model"), model];
  if (s.state === "error" && s.retryable) entries.push({ label: "$(refresh) Retry Download", description: "try the download again now", command: "enclave.reloadModel" });
  entries.push({ label: "$(gear) Select Model…", command: "enclave.selectModel" });
  entries.push(separator("Inline completions"));
  entries.push(enabled
    ? { label: "$(circle-slash) Turn Completions Off", command: "enclave.completion.toggle" }
    : { label: "$(check) Turn Completions On", command: "enclave.completion.toggle" });
  if (snoozed) {
    const at = new Date(snoozed).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    entries.push({ label: "$(bell) Resume Completions", description: `snoozed until ${at}`, command: "enclave.completion.snooze", args: [0] });
  } else if (enabled) {
    for (const minutes of [5, 15, 60]) entries.push({ label: `$(bell-slash) Snooze for ${minutes} Minutes`, command: "enclave.completion.snooze", args: [minutes] });
  }
  entries.push({ label: "$(graph) Show Completion Stats", command: "enclave.completion.showStats" });
  entries.push(separator("Enclave"));
  entries.push({ label: "$(output) Show Log", command: "enclave.showLog" });
  entries.push({ label: "$(globe) Show Network Audit", description: "every connection the server made or was refused", command: "enclave.showNetworkAudit" });
  if (config.get<string>("engine") === "remote") entries.push({ label: "$(key) Set Remote API Key…", command: "enclave.setRemoteApiKey" });
  entries.push({ label: "$(debug-restart) Restart Server", command: "enclave.restartServer" });
  return entries;
}

export function registerStatusMenu(ctx: EnclaveContext, completions: CompletionState): void {
  ctx.push(vscode.commands.registerCommand(MENU_COMMAND, async () => {
    const picked = await vscode.window.showQuickPick(menuEntries(ctx, completions), { title: "Enclave", placeHolder: "Choose an action" });
    if (picked?.command) await vscode.commands.executeCommand(picked.command, ...(picked.args ?? []));
  }));
}
