/**
 * Prompts longer than the context (issue 14): the cursor's own line is held to the prompt
 * budget (a 9,000-character line gets a completion, not "raise enclave.contextSize"), a prompt
 * of 150k tokens no longer overflows the stack, and `enclave serve` answers a 1 MB prompt by
 * cutting it to fit instead of with HTTP 400. Real LSP, real CLI, real inference.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CompletionStatsNotification, type CompletionStatsParams } from "../../common/protocol";
import { ModelManager } from "../../server/engine/modelManager";
import { silentLogger } from "../../server/logger";
import { defaultSettings } from "../../common/settings";
import { ensureModels } from "../fixtures/gguf";
import { startServer } from "../server/harness";
import { runCli, startServe } from "../server/serveHarness";
import { completeAt, measured, memoryOf, openDocument, until, writeInput } from "./inputs";

/** A Python line of `length` characters: a long list literal, the kind generated code has. */
function longLine(length: number): string {
  let line = "values = [";
  for (let i = 0; line.length < length; i++) line += `${i * 7919 % 10007}, `;
  return line.slice(0, length);
}

test("a 9,000-character line gets a completion within the context, over LSP and through the CLI", { timeout: 90_000 }, async () => {
  const { tiny } = await ensureModels();
  const line = longLine(9000);
  const server = await startServer({ model: tiny, completion: { maxTokens: 8, candidates: 1 } });
  const stats: CompletionStatsParams[] = [];
  server.connection.onNotification(CompletionStatsNotification.type, (p) => { stats.push(p); });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const uri = await openDocument(server, "long_line.py", "python", `import os\n\n${line}\nprint(values)\n`);
    const atEnd = await completeAt(server, uri, 2, line.length);
    const inside = await completeAt(server, uri, 2, 4000);
    for (const answer of [atEnd, inside]) assert.ok(Array.isArray(answer.list?.items));
    await until(() => stats.length >= 2, 5000).catch(() => assert.fail(`no completion stats; log: ${server.logs.filter((l) => /fail/i.test(l)).join("\n")}`));
    assert.ok(stats.every((s) => !s.problem && s.timings?.source === "model"), JSON.stringify(stats));
    assert.ok(stats.every((s) => s.timings!.promptTokens < 4096), JSON.stringify(stats.map((s) => s.timings!.promptTokens)));
    assert.ok(!server.logs.some((l) => /Inline completion failed|raise enclave\.contextSize/.test(l)), server.logs.join("\n"));

    const file = writeInput("long_line.py", `import os\n\n${line}\n`);
    const run = await runCli(["complete", "--model", tiny, "--file", file, "--line", "3", "--column", String(line.length + 1), "--max-tokens", "8"]);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /raise enclave\.contextSize|Maximum call stack/);
    const promptTokens = Number(/\[(\d+) prompt tokens/.exec(run.stderr)?.[1]);
    assert.ok(promptTokens > 0 && promptTokens < 4096, run.stderr);
    measured("9000-char-line", { lspEndMs: atEnd.ms, lspInsideMs: inside.ms, lspPromptTokens: stats[0]!.timings!.promptTokens, cliPromptTokens: promptTokens });
  } finally {
    await server.stop();
  }
});

test("when no prompt can fit, the message names the settings that share the context", { timeout: 60_000 }, async () => {
  const { tiny } = await ensureModels();
  const server = await startServer({ model: tiny, contextSize: 256, completion: { maxTokens: 1024, candidates: 1 } });
  const stats: CompletionStatsParams[] = [];
  server.connection.onNotification(CompletionStatsNotification.type, (p) => { stats.push(p); });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const uri = await openDocument(server, "short.py", "python", "import os\n\nx = \n");
    const answer = await completeAt(server, uri, 2, 4);
    assert.deepEqual(answer.list?.items, []);
    await until(() => stats.length >= 1, 5000);
    assert.match(stats[0]!.problem ?? "", /enclave\.completion\.maxTokens \(1024\) leaves no room .* 256 tokens; lower enclave\.completion\.maxTokens or raise enclave\.contextSize/);
  } finally {
    await server.stop();
  }
});

test("a prompt of 150k tokens gets the context's clear error, not a stack overflow", { timeout: 90_000 }, async () => {
  const { tiny } = await ensureModels();
  const manager = new ModelManager({ log: silentLogger, storageDirectory: mkdtempSync(join(tmpdir(), "enclave-models-")) });
  try {
    await manager.configure({ ...defaultSettings(), model: tiny });
    const engine = await manager.engine();
    assert.ok(engine);
    const text = longLine(200_000);
    const tokens = engine.countTokens(text);
    assert.ok(tokens >= 150_000, `${tokens} tokens`);
    const started = performance.now();
    await assert.rejects(
      engine.generate({ sequence: "completion", prompt: [{ token: "fimPrefix" }, text, { token: "fimSuffix" }, "", { token: "fimMiddle" }], maxTokens: 4 }),
      (error: Error) => /The prompt has \d+ tokens but the context holds 4096/.test(error.message) && !(error instanceof RangeError),
    );
    measured("150k-tokens", { tokens, ms: performance.now() - started });
  } finally {
    await manager.dispose();
  }
});

test("`enclave serve` answers a 1 MB prompt, cut to fit the context, instead of HTTP 400", { timeout: 90_000 }, async () => {
  const { tiny } = await ensureModels();
  const serve = await startServe(tiny, { slots: 1 });
  try {
    const big = longLine(1_000_000);
    const post = async (body: object): Promise<{ status: number; json: Record<string, any>; ms: number }> => {
      const started = performance.now();
      const res = await fetch(`${serve.url}/v1/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as Record<string, any>, ms: performance.now() - started };
    };
    const plain = await post({ prompt: big, max_tokens: 4 });
    assert.equal(plain.status, 200, JSON.stringify(plain.json));
    assert.equal(typeof plain.json.choices[0].text, "string");
    assert.equal(plain.json.enclave.promptTruncated, true);
    assert.ok(plain.json.usage.prompt_tokens < 4096, JSON.stringify(plain.json.usage));
    const fim = await post({ enclave_prompt: [{ token: "fimPrefix" }, big, { token: "fimSuffix" }, big, { token: "fimMiddle" }, "x = "], max_tokens: 4 });
    assert.equal(fim.status, 200, JSON.stringify(fim.json));
    assert.equal(fim.json.enclave.promptTruncated, true);
    const small = await post({ prompt: "def add(a, b):\n    return", max_tokens: 4 });
    assert.equal(small.status, 200);
    assert.equal(small.json.enclave.promptTruncated, undefined, "a prompt that fits is not touched");
    measured("1MB-serve", { plainMs: plain.ms, fimMs: fim.ms, promptTokens: plain.json.usage.prompt_tokens, rssMb: memoryOf(serve.process.pid!).rssMb });
  } finally {
    await serve.stop();
  }
});
