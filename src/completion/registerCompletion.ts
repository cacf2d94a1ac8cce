/**
 * The extension's part of inline completion, which is only what VS Code needs beyond the
 * language client: the ghost text itself comes from vscode-languageclient's inline completion
 * feature talking to the server's `textDocument/inlineCompletion`, and the accepted-suggestion
 * command is forwarded to the server by the client's execute-command feature. Here: the
 * status bar item, and the toggle, snooze and statistics commands.
 */
import * as vscode from "vscode";
import { CompletionSnoozeRequest, CompletionStatsNotification, MetricsRequest, type CompletionMetrics } from "../../common/protocol";
import { SECTION } from "../config";
import type { EnclaveContext } from "../ctx";
import type { CompletionState } from "../statusMenu";
import { formatCompletionMetrics, viewOfSnooze, viewOfStats } from "./completionView";

const SNOOZE_CHOICES = [5, 15, 60] as const;

export function registerCompletion(ctx: EnclaveContext): CompletionState {
  let snoozedUntil: number | null = null;
  let resumeTimer: NodeJS.Timeout | undefined;
  const enabled = (): boolean => vscode.workspace.getConfiguration(SECTION).get<boolean>("completion.enable", true);
  const showState = (): void => ctx.status.showCompletion(viewOfSnooze(snoozedUntil, enabled()));

  const snooze = async (minutes: number): Promise<void> => {
    const client = await ctx.ensureClient();
    snoozedUntil = (await client.sendRequest(CompletionSnoozeRequest.type, { minutes })).until;
    clearTimeout(resumeTimer);
    if (snoozedUntil) resumeTimer = setTimeout(() => { snoozedUntil = null; showState(); }, snoozedUntil - Date.now());
    showState();
  };

  // Attached to every client the context creates, so a restart by the user after a failed
  // start still brings the completion status back.
  ctx.onClient((client) => client.onNotification(CompletionStatsNotification.type, (stats) => {
    const view = viewOfStats(stats);
    if (view && !snoozedUntil && enabled()) ctx.status.showCompletion(view);
    if (stats.problem) ctx.log.warn(stats.problem);
  }));

  ctx.push(
    { dispose: () => clearTimeout(resumeTimer) },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.completion.enable`)) showState();
    }),
    vscode.commands.registerCommand("enclave.completion.toggle", async () => {
      const config = vscode.workspace.getConfiguration(SECTION);
      const inspect = config.inspect<boolean>("completion.enable");
      const target = inspect?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await config.update("completion.enable", !enabled(), target);
    }),
    vscode.commands.registerCommand("enclave.completion.snooze", async (minutes?: number) => {
      if (typeof minutes === "number") return snooze(minutes);
      const items = [...SNOOZE_CHOICES.map((m) => ({ label: `${m} minutes`, minutes: m as number })), ...(snoozedUntil ? [{ label: "Resume now", minutes: 0 }] : [])];
      const picked = await vscode.window.showQuickPick(items, { placeHolder: "Pause automatic inline completions for…" });
      if (picked) await snooze(picked.minutes);
    }),
    vscode.commands.registerCommand("enclave.completion.showStats", async () => {
      const client = await ctx.ensureClient();
      const metrics = (await client.sendRequest(MetricsRequest.type)).completion as CompletionMetrics | undefined;
      if (!metrics) return void vscode.window.showInformationMessage("Enclave: no inline completion statistics yet.");
      ctx.log.info(`\n${formatCompletionMetrics(metrics)}`);
      ctx.log.show(true);
      const p50 = Math.round(metrics.stages.totalMs?.p50 ?? 0);
      void vscode.window.showInformationMessage(`Enclave: ${metrics.requests} completion requests, p50 ${p50} ms, cache hit rate ${(metrics.cacheHitRate * 100).toFixed(0)}%. Details are in the Enclave output.`);
    }),
  );
  showState();
  return { snoozedUntil: () => (snoozedUntil && snoozedUntil > Date.now() ? snoozedUntil : null) };
}
