import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { DidOpenTextDocumentNotification, InlineCompletionRequest, InlineCompletionTriggerKind, type InlineCompletionList } from "vscode-languageserver-protocol/node";
import { CompletionStatsNotification, MetricsRequest, type CompletionMetrics, type CompletionStatsParams } from "../../common/protocol";
import { ensureModels, SCRIPTED_MODEL_SCRIPTS } from "../fixtures/gguf";
import { startServer } from "./harness";

/**
 * The secure generation loop over real LSP with real inference: the scripted model first writes
 * `os.system(user_input)` after "    shell"; Shield would hold that back, so the server asks again
 * with the finding as a feedback comment, and the scripted model's answer to that prompt (the
 * repairedCompletion script) is the line rewritten with subprocess.run. That answer is shown, and
 * the status notification says it was repaired.
 */
const insecure = SCRIPTED_MODEL_SCRIPTS.insecureCompletion;
const repaired = SCRIPTED_MODEL_SCRIPTS.repairedCompletion;

test("an insecure suggestion is repaired once with Shield's feedback and the rewrite is shown", async () => {
  const { scripted } = await ensureModels();
  const expected = repaired.text.replace(/^\n/, "").slice(insecure.linePrefix.length);
  assert.equal(expected, "_status = subprocess.run(shlex.split(user_input)).returncode");

  const server = await startServer({ model: scripted, shield: { completions: "block" } });
  const stats: CompletionStatsParams[] = [];
  server.connection.onNotification(CompletionStatsNotification.type, (p) => { stats.push(p); });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const uri = pathToFileURL("/tmp/enclave-repair-test/run.py").href;
    const text = `${insecure.linesAbove}${insecure.linePrefix}\n`;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "python", version: 1, text } });
    const line = insecure.linesAbove!.split("\n").length - 1;
    const started = performance.now();
    const list = (await server.connection.sendRequest(InlineCompletionRequest.type, {
      textDocument: { uri }, position: { line, character: insecure.linePrefix!.length },
      context: { triggerKind: InlineCompletionTriggerKind.Automatic },
    })) as InlineCompletionList | null;
    const elapsed = performance.now() - started;

    assert.deepEqual(list?.items.map((i) => String(i.insertText)), [expected], JSON.stringify(list));
    // The stats notification may trail the answer by a moment.
    for (let i = 0; i < 50 && !stats.some((s) => s.repaired); i++) await new Promise((r) => setTimeout(r, 20));
    const note = stats.find((s) => s.repaired);
    assert.equal(note?.repaired?.ruleId, "python-os-system", JSON.stringify(stats));
    assert.equal(note?.repaired?.cwe, "CWE-78");
    assert.equal(note?.heldBack, undefined, "nothing was held back: the repair was shown");
    // Two generations (the insecure one and the repair), within the completion's time budget.
    assert.ok((note?.timings?.generatedTokens ?? 0) >= insecure.pieces.length + repaired.pieces.length, JSON.stringify(note?.timings));
    assert.ok(elapsed < 10_000, `answered in ${elapsed.toFixed(0)} ms`);
    const metrics = (await server.connection.sendRequest(MetricsRequest.type)) as unknown as { completion: CompletionMetrics };
    assert.equal(metrics.completion.repaired, 1);
    assert.equal(metrics.completion.heldBack, 0);
  } finally {
    await server.stop();
  }
});
