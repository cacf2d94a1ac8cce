/**
 * Inline edit over real LSP with real inference: `dist/server.js` as a child process, the
 * scripted fixture model for exact answers (test/fixtures/gguf/scriptedScripts.ts) and the tiny
 * random model for long generations to cancel.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification } from "vscode-languageserver-protocol/node";
import {
  EditCancelRequest, EditDeltaNotification, EditLocateRequest, EditRegionRequest, EditStartRequest, MetricsRequest,
  type EditDeltaParams, type EditStartParams,
} from "../../common/protocol";
import { ensureModels, SCRIPTED_EDIT_MARKER, SCRIPTED_EDIT_REWRITE, SCRIPTED_MODEL_SCRIPTS } from "../fixtures/gguf";
import { startServer, type RunningServer } from "./harness";

const source = [
  "import os",
  "import shlex",
  "import subprocess",
  "",
  "",
  "def run(cmd):",
  "    return subprocess.run(shlex.split(cmd)).returncode",
  "",
  "",
  "def main():",
  "    run(\"ls\")",
  "",
].join("\n");
const uri = pathToFileURL("/tmp/enclave-edit-test/tool.py").href;
let nextId = 0;

async function open(server: RunningServer, text = source, at = uri, languageId = "python"): Promise<void> {
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: at, languageId, version: 1, text } });
}

/** Starts an edit and gathers its deltas, counting any that arrive after the answer. */
async function edit(
  server: RunningServer, params: Omit<EditStartParams, "editId" | "uri" | "version"> & { uri?: string; version?: number },
  onStart?: (editId: string) => void, onDelta?: (delta: EditDeltaParams) => void,
) {
  const editId = `e${++nextId}`;
  const deltas: EditDeltaParams[] = [];
  let answered = false;
  let late = 0;
  const subscription = server.connection.onNotification(EditDeltaNotification.type, (delta) => {
    if (delta.editId !== editId) return;
    if (answered) late++;
    deltas.push(delta);
    onDelta?.(delta);
  });
  try {
    const pending = server.connection.sendRequest(EditStartRequest.type, { uri, version: 1, ...params, editId });
    onStart?.(editId);
    const result = await pending;
    answered = true;
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { result, deltas, late, editId };
  } finally {
    subscription.dispose();
  }
}

test("an edit streams the rewritten region as numbered deltas and ends with the proposal and Shield's findings in it", async () => {
  const { scripted } = await ensureModels();
  const server = await startServer({ model: scripted });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    await open(server);
    // The region at the cursor is the function around it, whole lines.
    const region = await server.connection.sendRequest(EditRegionRequest.type, { uri, position: { line: 6, character: 10 } });
    assert.deepEqual(region, { range: { start: { line: 5, character: 0 }, end: { line: 6, character: 54 } }, kind: "function", symbol: "run" });

    const { result, deltas, late } = await edit(server, { position: { line: 6, character: 10 }, instruction: `Let the shell run it${SCRIPTED_EDIT_MARKER.marker}` });
    assert.equal(late, 0, "no delta after the answer");
    assert.deepEqual(deltas.map((d) => d.seq), [0, 1, 2], "one delta per code line, numbered in order");
    assert.deepEqual(deltas.map((d) => d.text), SCRIPTED_EDIT_REWRITE.split(/(?<=\n)/), "prose and fences never reach the client");
    assert.equal(result.deltas, 3);
    assert.equal(result.cancelled, false);
    assert.equal(result.symbol, "run");
    const proposal = result.proposal!;
    assert.equal(proposal.newText, deltas.map((d) => d.text).join(""), "the deltas add up to the proposal");
    assert.equal(proposal.newText, SCRIPTED_EDIT_REWRITE);
    assert.deepEqual(proposal.range, { start: { line: 5, character: 0 }, end: { line: 7, character: 0 } });
    assert.equal(proposal.originalText, "def run(cmd):\n    return subprocess.run(shlex.split(cmd)).returncode\n");
    assert.deepEqual([proposal.uri, proposal.version], [uri, 1]);
    // os.system(cmd) is on the rewrite's second line, line 6 of the document as it would be.
    const finding = result.findings.find((f) => f.ruleId === "python-os-system");
    assert.ok(finding, JSON.stringify(result.findings));
    assert.deepEqual([finding.severity, finding.cwe, finding.line], ["error", "CWE-78", 6]);
    assert.equal(result.timings?.generatedTokens, SCRIPTED_EDIT_MARKER.pieces.length);
    assert.ok(result.timings!.promptTokens > 50 && result.timings!.totalMs > 0, JSON.stringify(result.timings));
  } finally {
    await server.stop();
  }
});

test("an answer with prose and two code blocks gives the first block; a follow-up refines it and reuses the first round's prompt", async () => {
  const { scripted } = await ensureModels();
  const server = await startServer({ model: scripted });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    await open(server);
    const range = { start: { line: 9, character: 0 }, end: { line: 11, character: 0 } };
    const first = await edit(server, { range, instruction: "List the files instead." });
    // The chat script's answer: prose, a clean python block, prose, an insecure block. Only the first block counts.
    const firstBlock = /```python\n([\s\S]*?)```/.exec(SCRIPTED_MODEL_SCRIPTS.chat.text)![1]!;
    assert.equal(first.result.proposal?.newText, firstBlock);
    assert.deepEqual(first.result.proposal?.range, range, "a selection ending at a line start covers the lines before it");
    assert.deepEqual(first.result.findings, [], "the first block is clean");

    const followUp = await edit(server, { range, instruction: "Also print them.", previous: [{ instruction: "List the files instead.", text: firstBlock }] });
    assert.equal(followUp.result.proposal?.newText, firstBlock);
    const recent = (await server.connection.sendRequest(MetricsRequest.type)).engine.recent;
    const [a, b] = recent.slice(-2);
    assert.ok(b!.promptTokensReused >= a!.promptTokens - 2, `the follow-up reused ${b!.promptTokensReused} of the first round's ${a!.promptTokens} prompt tokens`);
    assert.ok(b!.promptTokensEvaluated < b!.promptTokens / 2, `${b!.promptTokensEvaluated} of ${b!.promptTokens} evaluated`);
  } finally {
    await server.stop();
  }
});

test("fix rewrites the statement around a diagnostic, re-indented; merge takes the range it is given", async () => {
  const { scripted } = await ensureModels();
  const server = await startServer({ model: scripted });
  const fixUri = pathToFileURL("/tmp/enclave-edit-test/fix.py").href;
  const text = "import subprocess\n\ndef main(name):\n    result = subprocess.run(\n        name,\n        shell=True,\n    )\n    return result\n";
  try {
    await server.waitForStatus((s) => s.state === "ready");
    await open(server, text, fixUri);
    const diagnostic = { start: { line: 5, character: 8 }, end: { line: 5, character: 18 } };
    // The client asks first which lines the fix will rewrite, and shows its review over those.
    const region = await server.connection.sendRequest(EditRegionRequest.type, { uri: fixUri, position: diagnostic.start, fix: diagnostic });
    assert.deepEqual(region, { range: { start: { line: 3, character: 0 }, end: { line: 6, character: region.range.end.character } }, kind: "statement" });
    // Then starts the edit with the same problem range: the proposal covers exactly those lines.
    const fix = await edit(server, { uri: fixUri, mode: "fix", range: diagnostic, instruction: "subprocess call with shell=True (CWE-78)" });
    assert.deepEqual(fix.result.proposal?.range, { start: { line: 3, character: 0 }, end: { line: 7, character: 0 } }, "the whole assignment, not the one line");
    // The scripted answer's first block is unindented; the statement's indentation is put back.
    const block = /```python\n([\s\S]*?)```/.exec(SCRIPTED_MODEL_SCRIPTS.chat.text)![1]!;
    assert.equal(fix.result.proposal?.newText, block.replace(/^(?=.)/gm, "    "));

    const merge = await edit(server, { uri: fixUri, mode: "merge", range: { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } }, instruction: "def helper():\n    return 1\n" });
    assert.deepEqual(merge.result.proposal?.range, { start: { line: 0, character: 0 }, end: { line: 8, character: 0 } });
    assert.equal(merge.result.proposal?.originalText, text);
  } finally {
    await server.stop();
  }
});

test("typing while an edit streams: the proposal is still about the text and version it was asked for", async () => {
  const { scripted } = await ensureModels();
  const server = await startServer({ model: scripted });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    await open(server);
    let changed = false;
    // The user types a line at the top while the rewrite streams (one handler per method: edit() passes deltas on).
    const { result } = await edit(server, { position: { line: 6, character: 4 }, instruction: `Let the shell run it${SCRIPTED_EDIT_MARKER.marker}` }, undefined, (delta) => {
      if (delta.seq !== 0 || changed) return;
      changed = true;
      void server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "# typed\n" }],
      });
    });
    assert.ok(changed);
    assert.equal(result.proposal?.version, 1, "the version the edit was asked for; the client sees it is stale now");
    assert.deepEqual(result.proposal?.range, { start: { line: 5, character: 0 }, end: { line: 7, character: 0 } });
    assert.equal(result.proposal?.originalText, "def run(cmd):\n    return subprocess.run(shlex.split(cmd)).returncode\n");
    assert.equal(result.findings.find((f) => f.ruleId === "python-os-system")?.line, 6, "findings are positioned in the text the edit was about");
  } finally {
    await server.stop();
  }
});

/** A long document whose every line is a selection-worthy statement, for generations that take seconds. */
const longSource = Array.from({ length: 120 }, (_, i) => `value_${i} = compute(${i}, "item ${i}")`).join("\n") + "\n";
const longRange = { start: { line: 0, character: 0 }, end: { line: 120, character: 0 } };

test("cancel stops a running edit fast, and it answers cancelled without an error", async () => {
  const { tiny } = await ensureModels();
  const server = await startServer({ model: tiny, contextSize: 16384 });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    await open(server, longSource);
    let cancelledAt = 0;
    let cancelAnswer: Promise<{ cancelled: boolean }> | undefined;
    const { result } = await edit(server, { range: longRange, instruction: "Rename every value." }, (editId) => {
      setTimeout(() => {
        cancelledAt = performance.now();
        cancelAnswer = server.connection.sendRequest(EditCancelRequest.type, { editId });
      }, 2500); // Past the prompt's evaluation (about 2 s on a loaded machine), into generation.
    });
    const latency = performance.now() - cancelledAt;
    assert.ok(cancelledAt > 0, "the cancel was sent while the edit ran");
    assert.deepEqual(await cancelAnswer, { cancelled: true });
    assert.equal(result.cancelled, true);
    assert.equal(result.proposal, undefined);
    assert.equal(result.reason, undefined, "a cancel is no failure");
    // Generous: several helpers share two cores; an idle machine answers in tens of milliseconds.
    assert.ok(latency < 3000, `answered ${latency.toFixed(0)} ms after the cancel`);
    console.log(`      edit cancel → answer in ${latency.toFixed(0)} ms, after ${result.timings?.generatedTokens ?? 0} generated tokens`);
    assert.deepEqual(await server.connection.sendRequest(EditCancelRequest.type, { editId: "nothing-runs" }), { cancelled: false });
  } finally {
    await server.stop();
  }
});

test("a newer edit stops an older one that is still running; the newer one completes", async () => {
  const { tiny } = await ensureModels();
  const server = await startServer({ model: tiny, contextSize: 16384 });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    await open(server, longSource);
    const older = edit(server, { range: longRange, instruction: "Rename every value." });
    await new Promise((resolve) => setTimeout(resolve, 600));
    const started = performance.now();
    const newer = await edit(server, { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } }, instruction: "Use a constant." });
    const olderResult = (await older).result;
    assert.equal(olderResult.cancelled, true, JSON.stringify({ ...olderResult, proposal: undefined }));
    assert.equal(newer.result.cancelled, false);
    assert.ok(newer.result.proposal ?? newer.result.reason, "the newer edit ran to its end");
    assert.deepEqual(newer.result.proposal?.range.start ?? { line: 3, character: 0 }, { line: 3, character: 0 });
    console.log(`      newer edit answered ${(performance.now() - started).toFixed(0)} ms after it started`);
  } finally {
    await server.stop();
  }
});

test("bad input answers with a clear reason: a document not open, a stale version, an empty instruction", async () => {
  const { scripted } = await ensureModels();
  const server = await startServer({ model: scripted });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    await open(server);
    const position = { line: 6, character: 4 };
    const unknown = await edit(server, { uri: "file:///nowhere/x.py", position, instruction: "Tidy up." });
    assert.match(unknown.result.reason ?? "", /file:\/\/\/nowhere\/x\.py is not open in the server/);
    assert.deepEqual([unknown.result.cancelled, unknown.result.proposal, unknown.deltas.length], [false, undefined, 0]);
    const stale = await edit(server, { version: 7, position, instruction: "Tidy up." });
    assert.match(stale.result.reason ?? "", /changed since the edit was asked for \(version 7, now 1\)/);
    const empty = await edit(server, { position, instruction: "   " });
    assert.match(empty.result.reason ?? "", /instruction is empty/);
    const outside = await edit(server, { range: { start: { line: 40, character: 0 }, end: { line: 42, character: 0 } }, instruction: "Tidy up." });
    assert.match(outside.result.reason ?? "", /outside the document, which has 12 lines/);
    const region = await server.connection.sendRequest(EditRegionRequest.type, { uri: "file:///nowhere/x.py", position }).catch((e: Error) => e);
    assert.match((region as Error).message, /not open in the server/);
  } finally {
    await server.stop();
  }
});

test("locate finds where a chat block belongs: the same-named definition, or nothing", async () => {
  const { scripted } = await ensureModels();
  const server = await startServer({ model: scripted });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    await open(server);
    const found = await server.connection.sendRequest(EditLocateRequest.type, { uri, code: "def run(cmd):\n    return 0\n", languageId: "py" });
    assert.deepEqual(found, { range: { start: { line: 5, character: 0 }, end: { line: 6, character: 54 } }, symbol: "run", kind: "function" });
    assert.equal(await server.connection.sendRequest(EditLocateRequest.type, { uri, code: "def other():\n    pass\n" }), null);
    assert.equal(await server.connection.sendRequest(EditLocateRequest.type, { uri, code: "def run(cmd):\n    pass\n", languageId: "go" }), null, "a block in another language");
  } finally {
    await server.stop();
  }
});
