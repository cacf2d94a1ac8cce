import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { DidOpenTextDocumentNotification, InlineCompletionRequest, InlineCompletionTriggerKind, type InlineCompletionList } from "vscode-languageserver-protocol/node";
import { randomUUID } from "node:crypto";
import { ChatSendRequest, CompletionStatsNotification, MetricsRequest, type CompletionMetrics, type CompletionStatsParams } from "../../common/protocol";
import { codeBlocksOf } from "../../media/chat/codeBlocks";
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

/**
 * The same loop in chat (enclave.shield.chatRepair): the scripted chat answer's second block is
 * `os.system(user_input)`; the server asks again with that finding as feedback, and the scripted
 * answer to the feedback turn opens with a clean block, which replaces the insecure one.
 */
test("a chat answer's insecure code block is repaired once with Shield's feedback", async () => {
  const { scripted } = await ensureModels();
  const original = codeBlocksOf(SCRIPTED_MODEL_SCRIPTS.chat.text);
  assert.match(original[1]!.code, /os\.system\(user_input\)/);
  const server = await startServer({ model: scripted, chat: { maxTokens: 512 }, shield: { chatRepair: true } });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const result = await server.connection.sendRequest(ChatSendRequest.type, { requestId: randomUUID(), text: "Show me how to list files." });
    assert.deepEqual(result.repaired, { block: 2, line: 2, ruleId: "python-os-system", cwe: "CWE-78", message: "Command injection (CWE-78): os.system/os.popen run their argument through the shell" });
    const blocks = codeBlocksOf(result.assistant!.text);
    assert.equal(blocks.length, 2);
    assert.equal(blocks[0]!.code, original[0]!.code, "the clean block is untouched");
    assert.doesNotMatch(blocks[1]!.code, /os\.system/);
    assert.equal(blocks[1]!.code, original[0]!.code, "the scripted model's rewrite is its clean block");
    assert.ok(result.notices.some((n) => /Shield found CWE-78 in code block 2/.test(n)), JSON.stringify(result.notices));
  } finally {
    await server.stop();
  }
});
