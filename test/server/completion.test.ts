import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import {
  CancellationTokenSource, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExecuteCommandRequest, InlineCompletionRequest,
  InlineCompletionTriggerKind, type InlineCompletionList,
} from "vscode-languageserver-protocol/node";
import {
  CompletionAcceptedCommand, CompletionSnoozeRequest, CompletionStatsNotification, MetricsRequest, type CompletionMetrics,
  type CompletionStatsParams, type EngineMetrics,
} from "../../common/protocol";
import { ensureModels, SCRIPTED_MODEL_SCRIPTS } from "../fixtures/gguf";
import { expectCancelledAnswer } from "./cancelledAnswer";
import { startServer, type RunningServer } from "./harness";

const CURSOR = "<CURSOR>";

/** Opens a document whose text marks the cursor with <CURSOR>; returns its uri and the cursor position. */
async function open(server: RunningServer, name: string, languageId: string, marked: string): Promise<{ uri: string; line: number; character: number; text: string }> {
  const uri = pathToFileURL(`/tmp/enclave-completion-test/${name}`).href;
  const offset = marked.indexOf(CURSOR);
  const text = marked.replace(CURSOR, "");
  const before = text.slice(0, offset).split("\n");
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  return { uri, line: before.length - 1, character: before[before.length - 1]!.length, text };
}

function complete(server: RunningServer, uri: string, line: number, character: number, explicit = false, token?: CancellationTokenSource): Promise<InlineCompletionList | null> {
  return server.connection.sendRequest(InlineCompletionRequest.type, {
    textDocument: { uri }, position: { line, character },
    context: { triggerKind: explicit ? InlineCompletionTriggerKind.Invoked : InlineCompletionTriggerKind.Automatic },
  }, token?.token) as Promise<InlineCompletionList | null>;
}

async function metrics(server: RunningServer): Promise<{ engine: EngineMetrics; completion: CompletionMetrics }> {
  return (await server.connection.sendRequest(MetricsRequest.type)) as unknown as { engine: EngineMetrics; completion: CompletionMetrics };
}

const documents: Array<[string, string, string]> = [
  ["example.py", "python", "import os\n\n\ndef main():\n    # read the settings and <CURSOR>\n    return 0\n"],
  ["example.ts", "typescript", "export function main(): number {\n  // read the settings and <CURSOR>\n  return 0;\n}\n"],
  ["example.c", "c", "#include <stdio.h>\n\nint main(void) {\n    // read the settings and <CURSOR>\n    return 0;\n}\n"],
  ["example.go", "go", "package main\n\nimport \"fmt\"\n\nfunc main() {\n\t// read the settings and <CURSOR>\n\tfmt.Println(\"done\")\n}\n"],
];

test("ghost text comes back for Python, TypeScript, C and Go, with stages reported to the client", async () => {
  const { tiny } = await ensureModels();
  const server = await startServer({ model: tiny, completion: { maxTokens: 16 } });
  const stats: CompletionStatsParams[] = [];
  server.connection.onNotification(CompletionStatsNotification.type, (p) => { stats.push(p); });
  try {
    assert.deepEqual(server.initializeResult.capabilities.executeCommandProvider?.commands, [CompletionAcceptedCommand.command]);
    await server.waitForStatus((s) => s.state === "ready");
    for (const [name, languageId, marked] of documents) {
      const at = await open(server, name, languageId, marked);
      const list = await complete(server, at.uri, at.line, at.character);
      assert.ok(list && list.items.length === 1, `${languageId}: one item, got ${JSON.stringify(list)}`);
      const item = list.items[0]!;
      assert.equal(typeof item.insertText, "string");
      assert.ok((item.insertText as string).trim().length >= 2, `${languageId}: ${JSON.stringify(item.insertText)}`);
      assert.ok(!(item.insertText as string).includes("\n"), `${languageId}: a comment is completed one line at a time`);
      assert.deepEqual(item.range, { start: { line: at.line, character: at.character }, end: { line: at.line, character: at.character } });
      assert.equal(item.command?.command, CompletionAcceptedCommand.command);
    }
    const m = await metrics(server);
    assert.equal(m.completion.served.model, 4);
    assert.ok(m.completion.stages.totalMs!.p95 >= m.completion.stages.totalMs!.p50);
    assert.ok(m.completion.last && m.completion.last.promptTokens > 0);
    assert.ok(stats.some((s) => s.timings?.source === "model" && s.timings.generatedTokens > 0), JSON.stringify(stats));
  } finally {
    await server.stop();
  }
});

test("a block position returns a multi-line suggestion that still parses, through the whole filter chain", async () => {
  // The scripted model writes a real block after a def line; rejectParseBreaking keeps it only because it parses.
  const { scripted } = await ensureModels();
  const script = SCRIPTED_MODEL_SCRIPTS.multiLine;
  const server = await startServer({ model: scripted, completion: { maxTokens: 48, candidates: 3 } });
  try {
    const ready = await server.waitForStatus((s) => s.state === "ready");
    assert.equal(ready.model?.demo, true, "the scripted model is the demo model, and goes through the same filters");
    const at = await open(server, "block.py", "python", `import os\n\n\n${script.linesAbove}${script.linePrefix}<CURSOR>\n`);
    const list = await complete(server, at.uri, at.line, at.character, true);
    assert.ok(list && list.items.length >= 1, JSON.stringify(list));
    assert.equal(list.items[0]!.insertText, script.text, "the whole block is shown");
  } finally {
    await server.stop();
  }
});

test("the demo model's suggestions pass the parse check: shown where they fit, dropped where they would break the file", async () => {
  // The scripted model writes "return a + b" after any indentation. In a function body that
  // parses; inside a dict literal it would break a file that parsed, so rejectParseBreaking
  // must drop it. A filter that is skipped (for the demo model or for anyone) shows it there.
  const { scripted } = await ensureModels();
  const server = await startServer({ model: scripted, completion: { maxTokens: 16 } });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const fits = await open(server, "fits.py", "python", "def add(a, b):\n    <CURSOR>\n");
    const shown = await complete(server, fits.uri, fits.line, fits.character);
    assert.deepEqual(shown?.items.map((i) => i.insertText), [SCRIPTED_MODEL_SCRIPTS.default.text]);
    const before = await metrics(server);
    const breaks = await open(server, "breaks.py", "python", "config = {\n    <CURSOR>\n}\n");
    const dropped = await complete(server, breaks.uri, breaks.line, breaks.character);
    assert.deepEqual(dropped, { items: [] }, `a suggestion that breaks the file is not shown: ${JSON.stringify(dropped)}`);
    const after = await metrics(server);
    assert.equal(after.completion.modelCalls, before.completion.modelCalls + 1, "the model was asked, and its answer dropped");
  } finally {
    await server.stop();
  }
});

test("asked explicitly (Alt+]), several distinct candidates come back", async () => {
  // Random-weight text passes the parse check inside a comment, the one place where anything parses.
  const { tiny } = await ensureModels();
  const server = await startServer({ model: tiny, completion: { maxTokens: 16, candidates: 3 } });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const at = await open(server, "candidates.py", "python", "import os\n\n\ndef main():\n    # the plan: <CURSOR>\n    return 0\n");
    const list = await complete(server, at.uri, at.line, at.character, true);
    assert.ok(list && list.items.length >= 2, JSON.stringify(list));
    assert.equal(new Set(list.items.map((i) => i.insertText)).size, list.items.length, "candidates are distinct");
  } finally {
    await server.stop();
  }
});

test("cancelled requests return empty results fast, while waiting for typing to pause and while generating", async () => {
  const { tiny } = await ensureModels();
  const settings = { model: tiny, completion: { maxTokens: 1000, maxLines: 100, debounceMinMs: 200 }, contextSize: 8192 };
  const server = await startServer(settings);
  try {
    await server.waitForStatus((s) => s.state === "ready");
    // One uncancelled request first loads the grammar and picks the template, so the timed requests below only generate.
    const warm = await open(server, "warm.py", "python", "def g():\n    # <CURSOR>\n");
    await complete(server, warm.uri, warm.line, warm.character);
    const at = await open(server, "cancel.py", "python", "def f():\n    return 1\n\n\n<CURSOR>\n");
    const cancelled = async (cancelAfter: number): Promise<void> => {
      const source = new CancellationTokenSource();
      const started = performance.now();
      const pending = complete(server, at.uri, at.line, at.character, false, source);
      setTimeout(() => source.cancel(), cancelAfter);
      await expectCancelledAnswer(pending);
      const elapsed = performance.now() - started;
      assert.ok(elapsed < cancelAfter + 1000, `cancelled after ${cancelAfter} ms, answered after ${elapsed.toFixed(0)} ms`);
    };
    // Cancelled during the debounce (200 ms): the model is never asked.
    const before = await metrics(server);
    await cancelled(5);
    assert.equal((await metrics(server)).engine.requests, before.engine.requests);
    // Cancelled while the model writes a long block (1,000 tokens take the tiny model over half a second).
    server.setSettings({ ...settings, completion: { ...settings.completion, debounceMinMs: 0 } });
    await new Promise((r) => setTimeout(r, 100));
    await cancelled(200);
    const m = await metrics(server);
    assert.ok(m.completion.aborted >= 2, JSON.stringify(m.completion));
    assert.equal(m.engine.requests, before.engine.requests + 1, "the model was asked once");
    assert.equal(m.engine.aborted, before.engine.aborted + 1, "and its generation was stopped by the abort");
  } finally {
    await server.stop();
  }
});

test("typing the start of a shown suggestion is served from the cache without a model call", async () => {
  const { tiny } = await ensureModels();
  const server = await startServer({ model: tiny, completion: { maxTokens: 16 } });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const at = await open(server, "typed.py", "python", "def main():\n    # the plan: <CURSOR>\n    return 0\n");
    const first = await complete(server, at.uri, at.line, at.character);
    const shown = first!.items[0]!.insertText as string;
    assert.ok(shown.length >= 3, JSON.stringify(shown));
    const before = await metrics(server);
    const typed = shown.slice(0, 2);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: at.uri, version: 2 },
      contentChanges: [{ range: { start: { line: at.line, character: at.character }, end: { line: at.line, character: at.character } }, text: typed }],
    });
    const second = await complete(server, at.uri, at.line, at.character + 2);
    assert.equal(second!.items[0]!.insertText, shown.slice(2));
    const after = await metrics(server);
    assert.equal(after.completion.served.typedAhead, before.completion.served.typedAhead + 1);
    assert.equal(after.completion.modelCalls, before.completion.modelCalls, "no model call for the typed-ahead request");
    assert.equal(after.engine.requests, before.engine.requests, "the engine was not asked");
    assert.equal(after.completion.last?.source, "typedAhead");
  } finally {
    await server.stop();
  }
});

test("snooze pauses automatic completions over LSP, and accepting a suggestion is counted", async () => {
  const { tiny } = await ensureModels();
  const server = await startServer({ model: tiny, completion: { maxTokens: 8 } });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const at = await open(server, "snooze.py", "python", "def main():\n    # <CURSOR>\n");
    const { until } = await server.connection.sendRequest(CompletionSnoozeRequest.type, { minutes: 5 });
    assert.ok(until && until > Date.now() + 4 * 60_000);
    const calls = (await metrics(server)).engine.requests;
    assert.deepEqual(await complete(server, at.uri, at.line, at.character), { items: [] });
    assert.equal((await metrics(server)).engine.requests, calls);
    assert.deepEqual(await server.connection.sendRequest(CompletionSnoozeRequest.type, { minutes: 0 }), { until: null });
    const list = await complete(server, at.uri, at.line, at.character);
    const command = list!.items[0]!.command!;
    await server.connection.sendRequest(ExecuteCommandRequest.type, { command: command.command, arguments: command.arguments });
    assert.equal((await metrics(server)).completion.accepted, 1);
  } finally {
    await server.stop();
  }
});

test("pressing Enter keeps the prefix window in the KV cache: only the suffix window and the new line are evaluated", async () => {
  const { tiny } = await ensureModels();
  const server = await startServer({ model: tiny, completion: { maxTokens: 4, prefixTokens: 512, suffixTokens: 64, contextTokens: 0 } });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const body = Array.from({ length: 120 }, (_, i) => `    value_${i} = compute(${i}, scale=${i % 7})`);
    body[80] = "    total = value_79 + value_78<CURSOR>";
    const at = await open(server, "enter.py", "python", `def main():\n${body.join("\n")}\n    return total\n`);
    await complete(server, at.uri, at.line, at.character);
    const before = (await metrics(server)).engine;
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: at.uri, version: 2 },
      contentChanges: [{ range: { start: { line: at.line, character: at.character }, end: { line: at.line, character: at.character } }, text: "\n    " }],
    });
    await complete(server, at.uri, at.line + 1, 4);
    const after = (await metrics(server)).engine;
    const last = after.recent[after.recent.length - 1]!;
    assert.equal(after.requests, before.requests + 1);
    assert.ok(last.promptTokens > 400, `${last.promptTokens} prompt tokens`);
    assert.ok(last.promptTokensEvaluated <= 64 + 40, `${last.promptTokensEvaluated} of ${last.promptTokens} prompt tokens evaluated after Enter`);
  } finally {
    await server.stop();
  }
});
