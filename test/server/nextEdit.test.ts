import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification } from "vscode-languageserver-protocol/node";
import { NextEditPredictRequest, type NextEditPredictResult } from "../../common/protocol";
import { ensureModels, SCRIPTED_NEXT_EDIT_BEFORE, SCRIPTED_PARAM_RENAME } from "../fixtures/gguf";
import { startServer, type RunningServer } from "./harness";
import { serveModelSlowly } from "./slowModelHost";

/**
 * Next edit over real LSP with real inference: the user renames fetch_user to load_user at its
 * definition, typing the new name a key at a time; the scripted model (generic format, on the
 * completion model) answers with the window where both call sites are renamed, and the server
 * turns that into two edits at exactly the old names.
 */
const uri = pathToFileURL("/tmp/enclave-next-edit-test/users.py").href;

/** Renames the `fetch` of fetch_user starting at (line, character): deleted, then "load" typed a key at a time. */
async function renameAt(server: RunningServer, line: number, character: number): Promise<number> {
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "python", version: 1, text: SCRIPTED_NEXT_EDIT_BEFORE } });
  let version = 1;
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 5 } }, text: "" }],
  });
  for (const [i, ch] of [..."load"].entries()) {
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: ++version }, contentChanges: [{ range: { start: { line, character: character + i }, end: { line, character: character + i } }, text: ch }],
    });
  }
  return version;
}

/** The definition's name starts at line 4, character 4. */
const renameAtDefinition = (server: RunningServer) => renameAt(server, 4, 4);

/** A server on the scripted model with `settings`, ready, for `run`; stopped afterwards. */
async function withReadyServer(settings: (scripted: string) => Record<string, unknown>, run: (server: RunningServer) => Promise<void>): Promise<void> {
  const { scripted } = await ensureModels();
  const server = await startServer(settings(scripted));
  try {
    await server.waitForStatus((s) => s.state === "ready");
    await run(server);
  } finally {
    await server.stop();
  }
}

test("after a rename at the definition, the call sites' edits are suggested at the right ranges", async () => {
  await withReadyServer((scripted) => ({ model: scripted, nextEdit: { enable: true } }), async (server) => {
    const version = await renameAtDefinition(server);
    const result = (await server.connection.sendRequest(NextEditPredictRequest.type, { uri, version, position: { line: 4, character: 8 } })) as NextEditPredictResult;
    assert.ok(result.suggestion, JSON.stringify(result));
    assert.deepEqual(result.suggestion.edits, [
      { range: { start: { line: 9, character: 10 }, end: { line: 9, character: 15 } }, newText: "load" },
      { range: { start: { line: 13, character: 8 }, end: { line: 13, character: 13 } }, newText: "load" },
    ]);
    assert.equal(result.suggestion.atCursor, false, "the next edit is away from the cursor: a jump");
    assert.equal(result.timings?.format, "instruct");
    assert.ok((result.timings?.promptTokensEvaluated ?? 0) > 0);
  });
});

test("after a rename at one call site, the next call site's edit (and the definition's) is suggested at the right range", async () => {
  await withReadyServer((scripted) => ({ model: scripted, nextEdit: { enable: true } }), async (server) => {
    // The call in show() (line 9, `    print(fetch_user(uid))`): "fetch" starts at character 10.
    const version = await renameAt(server, 9, 10);
    const result = (await server.connection.sendRequest(NextEditPredictRequest.type, { uri, version, position: { line: 9, character: 14 } })) as NextEditPredictResult;
    assert.ok(result.suggestion, JSON.stringify(result));
    assert.deepEqual(result.suggestion.edits, [
      { range: { start: { line: 4, character: 4 }, end: { line: 4, character: 9 } }, newText: "load" },
      { range: { start: { line: 13, character: 8 }, end: { line: 13, character: 13 } }, newText: "load" },
    ], "the call site already renamed is not touched again; the other call site and the definition are");
    assert.equal(result.suggestion.atCursor, false);
  });
});

test("off by default, and a stale version or an unknown file is a normal empty answer", async () => {
  await withReadyServer((scripted) => ({ model: scripted }), async (server) => {
    const version = await renameAtDefinition(server);
    const off = (await server.connection.sendRequest(NextEditPredictRequest.type, { uri, version, position: { line: 4, character: 8 } })) as NextEditPredictResult;
    assert.equal(off.suggestion, undefined);
    assert.match(off.reason ?? "", /nextEdit\.enable/);
    const stale = (await server.connection.sendRequest(NextEditPredictRequest.type, { uri, version: version - 1, position: { line: 4, character: 8 } })) as NextEditPredictResult;
    assert.match(stale.reason ?? "", /changed/);
    const unknown = (await server.connection.sendRequest(NextEditPredictRequest.type, { uri: "file:///nope.py", version: 1, position: { line: 0, character: 0 } })) as NextEditPredictResult;
    assert.match(unknown.reason ?? "", /not open/);
  });
});

test("after a parameter is renamed in its def line, its use below is the suggested edit (the UI suite's case)", async () => {
  await withReadyServer((scripted) => ({ model: scripted, nextEdit: { enable: true } }), async (server) => {
    const paramUri = pathToFileURL("/tmp/enclave-next-edit-test/totals.py").href;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: paramUri, languageId: "python", version: 1, text: SCRIPTED_PARAM_RENAME.before } });
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: paramUri, version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 18 }, end: { line: 1, character: 22 } }, text: "tax" }],
    });
    const result = (await server.connection.sendRequest(NextEditPredictRequest.type, { uri: paramUri, version: 2, position: { line: 1, character: 21 } })) as NextEditPredictResult;
    assert.deepEqual(result.suggestion?.edits, [{ range: { start: { line: 3, character: 27 }, end: { line: 3, character: 31 } }, newText: "tax" }], JSON.stringify(result));
  });
});

/**
 * The recommended next-edit model is an hf: URI that is downloaded only because the user set it
 * (the "Use the Recommended Next-Edit Model" command asks first): served here by a Hugging
 * Face-shaped endpoint on 127.0.0.1. While it downloads and loads, a prediction answers at once
 * with what is happening; then the model predicts in its own (Sweep) format.
 */
test("an hf: next-edit model is downloaded in the background, then predicts in its format", { timeout: 120_000 }, async () => {
  const { scripted } = await ensureModels();
  // Slowly, so that the first prediction sees the download under way.
  const host = await serveModelSlowly(readFileSync(scripted), { slice: 262_144, pauseMs: 40 });
  const models = mkdtempSync(join(tmpdir(), "enclave-next-edit-dl-"));
  const server = await startServer({
    model: scripted, modelsDirectory: models, huggingFaceEndpoint: host.url,
    nextEdit: { enable: true, model: "hf:enclave-test/sweep-next-edit-GGUF/sweep-next-edit-test.gguf", maxTokens: 8 },
  });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const version = await renameAtDefinition(server);
    const ask = async () => (await server.connection.sendRequest(NextEditPredictRequest.type, { uri, version, position: { line: 4, character: 8 } })) as NextEditPredictResult;
    const started = Date.now();
    // Answered with the download's progress: a prediction that waited for the model would carry a suggestion.
    const first = await ask();
    assert.match(first.reason ?? "", /Downloading|Loading/, JSON.stringify(first));
    let result = first;
    while (/Downloading|Loading/.test(result.reason ?? "") && Date.now() - started < 100_000) {
      await new Promise((r) => setTimeout(r, 250));
      result = await ask();
    }
    assert.equal(result.timings?.format, "sweep", JSON.stringify(result));
    assert.deepEqual(host.requests, ["/enclave-test/sweep-next-edit-GGUF/resolve/main/sweep-next-edit-test.gguf"], "downloaded once");
    assert.ok(existsSync(join(models, "enclave-test", "sweep-next-edit-GGUF", "sweep-next-edit-test.gguf")));
  } finally {
    await server.stop();
    await host.close();
  }
});

/**
 * A hostile file: a 1 MB minified line two lines below the cursor. The prediction answers with the
 * reason instead of tokenizing a megabyte at every pause, and the server keeps answering.
 */
test("a megabyte-long line near the cursor is refused with a reason before any model call, and the server goes on", async () => {
  await withReadyServer((scripted) => ({ model: scripted, nextEdit: { enable: true } }), async (server) => {
    const bigUri = pathToFileURL("/tmp/enclave-next-edit-test/bundle.py").href;
    const text = `import db\n\ndef fetch_user(user_id):\n    return db.get(user_id)\nDATA = "${"x".repeat(1_000_000)}"\n`;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: bigUri, languageId: "python", version: 1, text } });
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: bigUri, version: 2 }, contentChanges: [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } }, text: "load" }],
    });
    const big = (await server.connection.sendRequest(NextEditPredictRequest.type, { uri: bigUri, version: 2, position: { line: 2, character: 8 } })) as NextEditPredictResult;
    assert.match(big.reason ?? "", /^The lines around the cursor are too long for a next-edit prediction \(\d+ characters; at most 32768\)\.$/, JSON.stringify(big).slice(0, 300));
    assert.equal(big.timings, undefined, "no model call was made");
    // The usual case still works on the same server.
    const version = await renameAtDefinition(server);
    const result = (await server.connection.sendRequest(NextEditPredictRequest.type, { uri, version, position: { line: 4, character: 8 } })) as NextEditPredictResult;
    assert.equal(result.suggestion?.edits.length, 2, JSON.stringify(result));
  });
});
