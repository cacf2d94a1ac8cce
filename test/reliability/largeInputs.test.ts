/**
 * Inputs that used to break the server (issue 14): a 45 MB file, binary content and a 5 MB
 * minified line, over a real LSP connection to dist/server.js and through the CLI, with real
 * inference on the generated tiny model. Each test prints `# measured ...` lines (time, memory).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { CompletionStatsNotification, type CompletionStatsParams } from "../../common/protocol";
import { ensureModels } from "../fixtures/gguf";
import { startServer } from "../server/harness";
import { runCli } from "../server/serveHarness";
import {
  binaryBytes, closeDocument, completeAt, manyFunctions, measured, memoryOf, minifiedLine, openDocument, riskyPython, scanText, until, writeInput,
} from "./inputs";

const BIG_BYTES = 45e6;
/** What the issue asks of the other files while the big one is open. */
const OTHER_FILES_MS = 1000;
const settings = { completion: { maxTokens: 8, candidates: 1 } };

test("a 45 MB file: its completions are bounded, and other files' completions and Shield scans keep answering in < 1 s", { timeout: 180_000 }, async () => {
  const { tiny } = await ensureModels();
  const big = manyFunctions(BIG_BYTES);
  const server = await startServer({ model: tiny, ...settings });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const small = await openDocument(server, "small.py", "python", riskyPython);
    await server.waitForDiagnostics(small, (d) => d.length > 0);
    const before = memoryOf(server.process.pid!);

    // Sending 45 MB over stdio takes the client and the server seconds of JSON; that is the
    // protocol's cost (full text on open), not Enclave's. The server has taken it in once
    // Shield says, once, that it does not scan the file.
    const bigUri = await openDocument(server, "big.py", "python", big);
    const openedStarted = performance.now();
    await until(() => server.logs.some((l) => /Shield does not scan .*big\.py: \d+ characters is over the \d+ limit/.test(l)), 60_000);
    const takenInMs = performance.now() - openedStarted;
    const first = await completeAt(server, bigUri, 5, 5);
    assert.ok(Array.isArray(first.list?.items), "the big file gets an answer, not an error");

    // While completions run in the big file, the other file's completions and scans answer quickly.
    const lastLine = big.split("\n").length - 2;
    const deep = completeAt(server, bigUri, lastLine, 4);
    const scanWhile = await scanText(server, riskyPython, "python");
    const otherWhile = await completeAt(server, small, 4, 15);
    const deepAnswer = await deep;
    assert.ok(Array.isArray(deepAnswer.list?.items));
    const other = await completeAt(server, small, 4, 15);
    const scan = await scanText(server, riskyPython, "python");
    for (const s of [scan, scanWhile]) assert.ok(s.findings.some((f) => f.ruleId === "python-eval-exec"), JSON.stringify(s.findings));
    for (const [what, ms] of [["completion", other.ms], ["Shield scan", scan.ms], ["Shield scan beside the big file's completion", scanWhile.ms]] as const) {
      assert.ok(ms < OTHER_FILES_MS, `another file's ${what} took ${ms.toFixed(0)} ms`);
    }
    // A completion asked for in another file while one in the big file is being built waits for
    // that one's prompt (the model runs one completion at a time): bounded, not instant.
    assert.ok(otherWhile.ms < 5000, `another file's completion beside the big file's took ${otherWhile.ms.toFixed(0)} ms`);
    assert.ok(first.ms < 20_000 && deepAnswer.ms < 20_000, `completions in the big file took ${first.ms.toFixed(0)} and ${deepAnswer.ms.toFixed(0)} ms`);
    const open = memoryOf(server.process.pid!);

    await closeDocument(server, bigUri);
    // A file opened afterwards still gets its Shield diagnostics: the diagnostics path is alive.
    const later = await openDocument(server, "later.py", "python", riskyPython);
    const diagnosticsStarted = performance.now();
    await server.waitForDiagnostics(later, (d) => d.some((x) => /\[python-eval-exec[;\]]/.test(String(x.message))));
    const diagnosticsMs = performance.now() - diagnosticsStarted;
    assert.ok(diagnosticsMs < OTHER_FILES_MS, `diagnostics of a new file took ${diagnosticsMs.toFixed(0)} ms`);
    const afterOther = await completeAt(server, small, 4, 15);
    assert.ok(afterOther.ms < OTHER_FILES_MS, `after closing, another file's completion took ${afterOther.ms.toFixed(0)} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const closed = memoryOf(server.process.pid!);
    // Without windows the parse alone grew the wasm heap past 1.5 GB, which is never given back.
    assert.ok(open.peakMb < 1200, `peak RSS ${open.peakMb} MB`);
    assert.ok(closed.rssMb < 800, `RSS after close ${closed.rssMb} MB`);
    measured("45MB-lsp", {
      takenInMs, completeBigFirstMs: first.ms, completeBigLastLineMs: deepAnswer.ms, otherCompleteMs: other.ms, otherCompleteBesideMs: otherWhile.ms,
      scanMs: scan.ms, scanBesideMs: scanWhile.ms, diagnosticsMs,
      rssBeforeMb: before.rssMb, rssOpenMb: open.rssMb, peakMb: open.peakMb, rssAfterCloseMb: closed.rssMb,
    });
  } finally {
    await server.stop();
  }
});

test("the 45 MB file through the CLI: `enclave complete` answers in bounded time", { timeout: 120_000 }, async () => {
  const { tiny } = await ensureModels();
  const file = writeInput("big.py", manyFunctions(BIG_BYTES));
  const started = performance.now();
  const run = await runCli(["complete", "--model", tiny, "--file", file, "--line", "5", "--column", "5", "--max-tokens", "8"]);
  const ms = performance.now() - started;
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /prompt tokens/);
  // Most of this is loading the model and reading 45 MB; before windows, one parse alone took over a minute.
  assert.ok(ms < 45_000, `took ${ms.toFixed(0)} ms`);
  measured("45MB-cli", { ms });
});

test("binary content gets no completion and no scan, with one clear log line", { timeout: 60_000 }, async () => {
  const { tiny } = await ensureModels();
  const bytes = binaryBytes(200_000);
  const server = await startServer({ model: tiny, ...settings });
  const stats: CompletionStatsParams[] = [];
  server.connection.onNotification(CompletionStatsNotification.type, (p) => { stats.push(p); });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const uri = await openDocument(server, "compiled.py", "python", bytes.toString("latin1"));
    const first = await completeAt(server, uri, 3, 2);
    const second = await completeAt(server, uri, 10, 0);
    assert.deepEqual(first.list?.items, []);
    assert.deepEqual(second.list?.items, []);
    assert.equal(stats.filter((s) => s.timings?.source === "model").length, 0, "the model was not asked");
    assert.equal(server.logs.filter((l) => /No inline completions in .*compiled\.py: it looks binary/.test(l)).length, 1, server.logs.join("\n"));
    await until(() => server.logs.some((l) => /Shield does not scan .*compiled\.py: it looks binary/.test(l)), 10_000);
    measured("binary-lsp", { firstMs: first.ms, secondMs: second.ms });

    const file = writeInput("compiled.py", bytes);
    const run = await runCli(["complete", "--model", tiny, "--file", file, "--line", "1", "--column", "1"]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.trim(), "");
    assert.match(run.stderr, /No completion: the file looks binary/);
  } finally {
    await server.stop();
  }
});

test("a 5 MB minified line: completions in it answer, without a stack overflow, in bounded time", { timeout: 120_000 }, async () => {
  const { tiny } = await ensureModels();
  const line = minifiedLine(5e6);
  const server = await startServer({ model: tiny, ...settings });
  const stats: CompletionStatsParams[] = [];
  server.connection.onNotification(CompletionStatsNotification.type, (p) => { stats.push(p); });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const uri = await openDocument(server, "bundle.min.js", "javascript", line + "\n");
    const atEnd = await completeAt(server, uri, 0, line.length);
    const inMiddle = await completeAt(server, uri, 0, Math.floor(line.length / 2));
    const below = await completeAt(server, uri, 1, 0);
    for (const answer of [atEnd, inMiddle, below]) {
      assert.ok(Array.isArray(answer.list?.items));
      assert.ok(answer.ms < 10_000, `took ${answer.ms.toFixed(0)} ms`);
    }
    assert.ok(!server.logs.some((l) => /Maximum call stack|Inline completion failed/.test(l)), server.logs.filter((l) => /failed/.test(l)).join("\n"));
    const runs = stats.filter((s) => s.timings?.source === "model");
    assert.equal(runs.length, 3, "each request ran the model");
    assert.ok(runs.every((s) => s.timings!.promptTokens < 4096), JSON.stringify(runs.map((s) => s.timings!.promptTokens)));

    const file = writeInput("bundle.min.js", line);
    const started = performance.now();
    const run = await runCli(["complete", "--model", tiny, "--file", file, "--line", "1", "--column", String(line.length + 1), "--max-tokens", "8"]);
    const cliMs = performance.now() - started;
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /Maximum call stack/);
    measured("5MB-line", { atEndMs: atEnd.ms, middleMs: inMiddle.ms, belowMs: below.ms, cliMs, promptTokens: runs[0]!.timings!.promptTokens, rssMb: memoryOf(server.process.pid!).rssMb });
  } finally {
    await server.stop();
  }
});
