import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { DidOpenTextDocumentNotification, InlineCompletionRequest, InlineCompletionTriggerKind, type InlineCompletionList } from "vscode-languageserver-protocol/node";
import { CompletionStatsNotification, MetricsRequest, type CompletionMetrics, type CompletionStatsParams } from "../../common/protocol";
import { ensureModels, SCRIPTED_MODEL_SCRIPTS } from "../fixtures/gguf";
import { startServer, type RunningServer } from "./harness";

/**
 * The scripted fixture model writes `os.system(user_input)` after a line ending in ` shell`: real
 * llama.cpp inference whose output is known, so the Shield gate is tested on a real candidate.
 */
const insecure = SCRIPTED_MODEL_SCRIPTS.insecureCompletion;

/**
 * The suggestion is asked for one block deeper than the script's example: the secure generation
 * loop's repair (test/server/shieldRepair.test.ts) then writes a line that does not continue
 * what was typed, so it cannot be shown and the gate's verdict stands.
 */
async function completeInsecure(server: RunningServer, name: string): Promise<InlineCompletionList | null> {
  const uri = pathToFileURL(`/tmp/enclave-gate-test/${name}.py`).href;
  const linesAbove = `${insecure.linesAbove}    if user_input:\n`;
  const linePrefix = `    ${insecure.linePrefix}`;
  const text = `${linesAbove}${linePrefix}\n`;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "python", version: 1, text } });
  const line = linesAbove.split("\n").length - 1;
  return server.connection.sendRequest(InlineCompletionRequest.type, {
    textDocument: { uri }, position: { line, character: linePrefix.length },
    context: { triggerKind: InlineCompletionTriggerKind.Automatic },
  }) as Promise<InlineCompletionList | null>;
}

test("a suggestion with os.system(user_input) is held back under block, and shown with a warning under warn", async () => {
  const { scripted } = await ensureModels();
  assert.match(insecure.text, /os\.system\(user_input\)/);

  const blocking = await startServer({ model: scripted, shield: { completions: "block" } });
  const stats: CompletionStatsParams[] = [];
  blocking.connection.onNotification(CompletionStatsNotification.type, (p) => { stats.push(p); });
  try {
    await blocking.waitForStatus((s) => s.state === "ready");
    const held = await completeInsecure(blocking, "block");
    assert.ok(!held?.items.some((i) => String(i.insertText).includes("os.system")), JSON.stringify(held));
    const metrics = (await blocking.connection.sendRequest(MetricsRequest.type)) as unknown as { completion: CompletionMetrics };
    assert.ok(metrics.completion.heldBack >= 1);
    assert.ok(stats.some((s) => s.heldBack?.cwe === "CWE-78"), JSON.stringify(stats));
  } finally {
    await blocking.stop();
  }

  const warning = await startServer({ model: scripted, shield: { completions: "warn" } });
  const warnStats: CompletionStatsParams[] = [];
  warning.connection.onNotification(CompletionStatsNotification.type, (p) => { warnStats.push(p); });
  try {
    await warning.waitForStatus((s) => s.state === "ready");
    const shown = await completeInsecure(warning, "warn");
    assert.ok(shown?.items.some((i) => String(i.insertText).includes("os.system(user_input)")), JSON.stringify(shown));
    assert.ok(warnStats.some((s) => s.warning?.cwe === "CWE-78"), JSON.stringify(warnStats));
  } finally {
    await warning.stop();
  }
});
