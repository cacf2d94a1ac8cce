// Settings a user (or a broken client) can get wrong: a malformed didChangeConfiguration used to
// reset every setting and unload the model; enclave.threads 256 on 2 cores made one completion
// take 142 s; the CLI took any --threads and --context; debounceMinMs > debounceMaxMs passed.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  DidChangeConfigurationNotification, DidOpenTextDocumentNotification, InlineCompletionRequest, InlineCompletionTriggerKind, type InlineCompletionList,
} from "vscode-languageserver-protocol/node";
import { ensureModels } from "../fixtures/gguf";
import { currentStatus, repoRoot, startServer, type RunningServer } from "../server/harness";

const cli = join(repoRoot, "dist", "cli.js");
const runCli = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", timeout: 60_000 });

async function completeIn(server: RunningServer, name: string, languageId: string, text: string): Promise<InlineCompletionList> {
  const uri = pathToFileURL(`/tmp/enclave-reliability/${name}`).href;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  const lines = text.split("\n");
  const list = await server.connection.sendRequest(InlineCompletionRequest.type, {
    textDocument: { uri }, position: { line: lines.length - 1, character: lines[lines.length - 1]!.length },
    context: { triggerKind: InlineCompletionTriggerKind.Invoked },
  });
  return (list ?? { items: [] }) as InlineCompletionList;
}

test("a malformed didChangeConfiguration from a push-only client is ignored with a warning: the model stays loaded, settings unchanged, completions answered", async () => {
  const { tiny } = await ensureModels();
  // Python is switched off by these settings: were they reset to the defaults, Python would complete again.
  const server = await startServer({ model: tiny, completion: { maxTokens: 8, disabledLanguages: ["python"] } }, { pull: false });
  try {
    const ready = await server.waitForStatus((s) => s.state === "ready");
    const statusesBefore = server.statuses.length;
    // Written as raw JSON-RPC: the client library refuses to send most of these.
    const malformed: unknown[] = [{ settings: { enclave: "x" } }, { settings: null }, { settings: { enclave: null } }, { settings: { enclave: [1, 2] } }, { settings: "x" }, null];
    for (const params of malformed) {
      const body = JSON.stringify({ jsonrpc: "2.0", method: DidChangeConfigurationNotification.method, params });
      server.process.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    }

    const ts = await completeIn(server, "a.ts", "typescript", "export function add(a: number, b: number): number {\n  return ");
    assert.ok(ts.items.length >= 1, `a completion is still answered: ${JSON.stringify(ts)}`);
    const py = await completeIn(server, "a.py", "python", "def add(a, b):\n    return ");
    assert.deepEqual(py.items, [], "enclave.completion.disabledLanguages still holds python");

    const status = await currentStatus(server);
    assert.equal(status.state, "ready");
    assert.equal(status.model?.path, ready.model?.path);
    assert.deepEqual(server.statuses.slice(statusesBefore), [], "no reload, no unload");
    const warnings = server.logs.filter((l) => l.includes("Ignored a workspace/didChangeConfiguration without an \"enclave\" settings object"));
    assert.equal(warnings.length, malformed.length, server.logs.join("\n"));
    assert.ok(warnings.some((w) => w.includes('(got {"enclave":"x"})')), warnings.join("\n"));

    // A well-formed change still applies.
    server.setSettings({ model: tiny, completion: { maxTokens: 8, disabledLanguages: [] } });
    const deadline = Date.now() + 10_000;
    let again: InlineCompletionList = { items: [] };
    while (again.items.length === 0 && Date.now() < deadline) again = await completeIn(server, `b${Date.now()}.py`, "python", "def add(a, b):\n    return ");
    assert.ok(again.items.length >= 1, "python completes once the setting allows it");
  } finally {
    await server.stop();
  }
});

test("enclave.threads 256 is clamped to the machine with a warning, and debounceMinMs > debounceMaxMs is clamped too", async () => {
  const { tiny } = await ensureModels();
  const cpus = availableParallelism();
  const server = await startServer({ model: tiny, threads: 256, completion: { maxTokens: 8, debounceMinMs: 900, debounceMaxMs: 100 } });
  try {
    const ready = await server.waitForStatus((s) => s.state === "ready");
    assert.equal(ready.backend?.threads, cpus, `backend threads ${ready.backend?.threads}`);
    const logs = server.logs.join("\n");
    assert.match(logs, new RegExp(`enclave\\.threads: 256 is more than the ${cpus} CPU threads? this machine runs at once.*; using ${cpus}\\.`));
    assert.match(logs, /enclave\.completion\.debounceMinMs: 900 is more than enclave\.completion\.debounceMaxMs \(100\); using 100\./);
    const ts = await completeIn(server, "c.ts", "typescript", "export function add(a: number, b: number): number {\n  return ");
    assert.ok(ts.items.length >= 1, JSON.stringify(ts));
  } finally {
    await server.stop();
  }
});

test("the CLI and enclave serve check --threads, --context and --gpu with the schema's limits and clamp threads to the machine", async () => {
  const { tiny } = await ensureModels();
  const cpus = availableParallelism();
  const refused: Array<[string[], RegExp]> = [
    [["status", "--model", tiny, "--threads", "9999"], /enclave: --threads: 9999 is outside 0\.\.256\./],
    [["status", "--model", tiny, "--context", "-5"], /enclave: --context: -5 is outside 256\.\.131072\./],
    [["status", "--model", tiny, "--threads", "two"], /enclave: --threads takes a number, not "two"\./],
    [["status", "--model", tiny, "--gpu", "quantum"], /enclave: --gpu: "quantum" is not one of "auto", "cuda", "vulkan", "metal", "off"\./],
    [["complete", "--model", tiny, "--file", "x.py", "--line", "1", "--column", "1", "--max-tokens", "0"], /--max-tokens: 0 is outside 1\.\.1024\./],
    [["serve", "--model", tiny, "--threads", "9999", "--port", "0"], /enclave: --threads: 9999 is outside 0\.\.256\./],
    [["serve", "--model", tiny, "--context", "-5", "--port", "0"], /enclave: --context: -5 is outside 256\.\.131072\./],
  ];
  for (const [args, message] of refused) {
    const run = runCli(args);
    assert.equal(run.status, 2, `${args.join(" ")}: exit ${run.status}; ${run.stderr}`);
    assert.match(run.stderr, message);
  }
  const clamped = runCli(["status", "--model", tiny, "--threads", "64"]);
  assert.equal(clamped.status, 0, clamped.stderr);
  assert.match(clamped.stderr, new RegExp(`enclave: warning: --threads: 64 is more than the ${cpus} CPU threads? this machine runs at once.*; using ${cpus}\\.`));
  assert.match(clamped.stdout, new RegExp(`threads: +${cpus}\\n`));
});
