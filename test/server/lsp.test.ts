import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  CancellationTokenSource, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, InlineCompletionRequest,
  InlineCompletionTriggerKind, type InlineCompletionList,
} from "vscode-languageserver-protocol/node";
import { MetricsRequest, type EngineMetrics } from "../../common/protocol";
import { ensureModels, SCRIPTED_MODEL_SCRIPTS } from "../fixtures/gguf";
import { expectCancelledAnswer } from "./cancelledAnswer";
import { currentStatus, repoRoot, startServer, type RunningServer } from "./harness";

const uri = pathToFileURL("/tmp/enclave-lsp-test/example.py").href;
const source = `import os\n\n\ndef load(path):\n    with open(path) as f:\n        return f.read()\n\n\ndef main():\n    data = load("config.ini")\n    `.repeat(8);

function complete(server: RunningServer, line: number, character: number, token?: CancellationTokenSource): Promise<InlineCompletionList | null> {
  return server.connection.sendRequest(InlineCompletionRequest.type, {
    textDocument: { uri }, position: { line, character },
    context: { triggerKind: InlineCompletionTriggerKind.Automatic },
  }, token?.token) as Promise<InlineCompletionList | null>;
}

async function engineMetrics(server: RunningServer): Promise<EngineMetrics> {
  return (await server.connection.sendRequest(MetricsRequest.type)).engine;
}

test("the server speaks LSP, loads the model, completes inline with KV reuse, and shuts down cleanly", async () => {
  // The scripted model writes real code ("return a + b" on an indented line), so the suggestion
  // passes every filter, the parse check included, as a real model's would.
  const { scripted } = await ensureModels();
  const server = await startServer({ model: scripted, completion: { maxTokens: 16 } });
  try {
    assert.ok(server.initializeResult.capabilities.inlineCompletionProvider);
    assert.equal(server.initializeResult.serverInfo?.name, "enclave");
    // The version is package.json's, written into the bundle at build time.
    assert.equal(server.initializeResult.serverInfo?.version, JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).version);
    const ready = await server.waitForStatus((s) => s.state === "ready");
    assert.equal(ready.backend?.gpu, "cpu");
    assert.equal(ready.backend?.threads, 1);
    assert.equal(ready.model?.demo, true, "the scripted model carries enclave.demo = true");
    assert.deepEqual(await currentStatus(server), ready);

    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "python", version: 1, text: source } });
    const lines = source.split("\n");
    const last = lines.length - 1;
    const first = await complete(server, last, lines[last]!.length);
    assert.ok(first && first.items.length === 1, `one inline completion item, got ${JSON.stringify(first)}`);
    assert.equal(first.items[0]!.insertText, SCRIPTED_MODEL_SCRIPTS.default.text);
    const afterFirst = await engineMetrics(server);
    assert.equal(afterFirst.requests, 1);
    assert.ok(afterFirst.promptTokensEvaluated > 300);

    // The user types five characters at the cursor: only those are evaluated.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: last, character: 4 }, end: { line: last, character: 4 } }, text: "print" }],
    });
    await complete(server, last, 9);
    const afterSecond = await engineMetrics(server);
    const evaluated = afterSecond.promptTokensEvaluated - afterFirst.promptTokensEvaluated;
    const reused = afterSecond.promptTokensReused - afterFirst.promptTokensReused;
    assert.ok(evaluated <= 4, `${evaluated} prompt tokens evaluated for 5 typed characters`);
    assert.ok(reused > 300, `${reused} prompt tokens reused`);
    assert.equal(afterSecond.recent.length, 2);
  } finally {
    assert.equal(await server.stop(), 0, "exit code after shutdown + exit");
  }
});

test("a cancelled completion answers an empty result quickly and a newer request aborts the older", async () => {
  const { tiny } = await ensureModels();
  // No debounce and room for 100 lines: the older request is surely generating when the newer arrives.
  const server = await startServer({ model: tiny, completion: { maxTokens: 1000, maxLines: 100, debounceMinMs: 0 }, contextSize: 8192 });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    // The older request writes a long block at (1, 4); the newer asks inside a comment, where the
    // random-weight model's text passes the parse check, so it has something to show.
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "python", version: 1, text: "def f():\n    \n    # note: \n" } });
    const source1 = new CancellationTokenSource();
    const started = performance.now();
    const pending = complete(server, 1, 4, source1);
    setTimeout(() => source1.cancel(), 20);
    // The protocol lets a client see either an empty list or a RequestCancelled error; nothing else passes.
    await expectCancelledAnswer(pending);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2000, `cancelled after ${elapsed.toFixed(0)} ms`);

    const older = complete(server, 1, 4);
    await new Promise((r) => setTimeout(r, 300));
    const newer = complete(server, 2, 12);
    const [a, b] = await Promise.all([older, newer]);
    assert.deepEqual(a, { items: [] }, "the older request was aborted by the newer");
    assert.ok(b && b.items.length === 1, JSON.stringify(b));
    const metrics = await engineMetrics(server);
    assert.ok(metrics.aborted >= 1, JSON.stringify(metrics));
  } finally {
    await server.stop();
  }
});

test("bad settings and bad model files become a clear status, and the server stays up", async () => {
  const { tiny } = await ensureModels();
  const server = await startServer({ model: "/nonexistent/model.gguf", gpu: "quantum" });
  try {
    const error = await server.waitForStatus((s) => s.state === "error");
    assert.match(error.message ?? "", /\/nonexistent\/model\.gguf cannot be used: the file does not exist/);
    assert.ok(server.logs.some((l) => /enclave\.gpu: "quantum" is not one of/.test(l)), server.logs.join("\n"));
    server.setSettings({ model: tiny });
    const ready = await server.waitForStatus((s) => s.state === "ready");
    assert.equal(ready.model?.path, tiny);
  } finally {
    assert.equal(await server.stop(), 0);
  }
});

test("with no model configured the server says so and recommends one, without any download", async () => {
  const server = await startServer({ model: "", modelsDirectory: "/tmp/enclave-empty-models-dir" });
  try {
    const status = await server.waitForStatus((s) => s.state === "noModel");
    assert.match(status.message ?? "", /No model is configured\. Recommended here: Qwen2\.5-Coder .* Run "Enclave: Select Model"/);
  } finally {
    await server.stop();
  }
});
