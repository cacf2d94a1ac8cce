/**
 * The codebase index in the real language server (dist/server.js over stdio): built in the
 * workspace storage the client names, with work-done progress; updated from watched-file
 * changes (change, delete); searched through enclave/index/search with the chunk's text; and
 * resumed after a restart without chunking anything again.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { DidChangeWatchedFilesNotification, DidChangeWorkspaceFoldersNotification, FileChangeType } from "vscode-languageserver-protocol";
import { IndexSearchRequest, IndexStatusRequest, type IndexHit, type IndexStatusParams } from "../../common/protocol";
import { repoRoot, startServer, type RunningServer } from "./harness";

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ready = (server: RunningServer) => until("the index to be ready", async () => {
  const status = await server.connection.sendRequest(IndexStatusRequest.type);
  return status.state === "ready" ? status : undefined;
});
const search = (server: RunningServer, query: string, top = 3) => server.connection.sendRequest(IndexSearchRequest.type, { query, top }) as Promise<IndexHit[]>;

test("the server indexes the workspace into its storage, follows file changes, and resumes after a restart", { timeout: 240_000 }, async () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-index-server-"));
  const workspace = path.join(base, "repo");
  const storage = path.join(base, "storage");
  fs.cpSync(path.join(repoRoot, "test", "fixtures", "index-repo"), workspace, { recursive: true });
  const options = { workspace, init: { workspaceStorageDirectory: storage } };
  let server = await startServer({}, options);
  try {
    const status: IndexStatusParams = await ready(server);
    assert.equal(status.files, 6);
    assert.match(status.message, /Codebase index: 6 files, \d+ chunks\. Keyword search only: run "Enclave: Use the Recommended Embedding Model" or set enclave\.embeddingModel/);
    assert.ok(server.progress.some((p) => p.kind === "begin" && p.title === "Enclave: indexing codebase"), JSON.stringify(server.progress));
    assert.equal(server.progress.at(-1)?.kind, "end");

    const [hit] = await search(server, "get user by id", 1);
    assert.deepEqual([hit?.path, hit?.startLine, hit?.endLine, hit?.symbol, hit?.kind], ["app/users.py", 16, 18, "UserStore.get_user_by_id", "method"]);
    assert.match(hit!.text, /^ {4}def get_user_by_id\(self, user_id\)/);

    const invoice = path.join(workspace, "billing", "invoice.js");
    fs.appendFileSync(invoice, "\nfunction refundPartialPayment(payment, cents) {\n  return payment.amount - cents;\n}\n");
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(invoice).href, type: FileChangeType.Changed }] });
    const added = await until("the changed file to be searchable", async () => (await search(server, "refund partial payment", 1)).find((h) => h.symbol === "refundPartialPayment"));
    assert.equal(added.path, "billing/invoice.js");

    const ledger = path.join(workspace, "billing", "ledger.c");
    fs.rmSync(ledger);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(ledger).href, type: FileChangeType.Deleted }] });
    await until("the deleted file to leave the index", async () => ((await search(server, "ledger balance", 10)).some((h) => h.path === "billing/ledger.c") ? undefined : true));

    assert.equal(await server.stop(), 0);
    assert.ok(fs.existsSync(path.join(storage, "index", "chunks.json")), "kept in the workspace storage");
    assert.ok(!fs.existsSync(path.join(workspace, ".enclave")), "nothing written into the workspace");

    server = await startServer({}, options);
    const resumed = await ready(server);
    assert.equal(resumed.files, 5);
    assert.ok(server.logs.some((l) => /Codebase index: 0 files chunked, 0 removed/.test(l)), server.logs.join("\n"));
    assert.equal((await search(server, "refund partial payment", 1))[0]?.symbol, "refundPartialPayment");
  } finally {
    await server.stop();
    fs.rmSync(base, { recursive: true, force: true });
  }
});

test("without a workspace storage folder the index stays off and says why", { timeout: 60_000 }, async () => {
  const server = await startServer({}, { workspace: path.join(repoRoot, "test", "fixtures", "index-repo") });
  try {
    const status = await until("the index status", async () => {
      const s = await server.connection.sendRequest(IndexStatusRequest.type);
      return /workspace storage/.test(s.message) ? s : undefined;
    });
    assert.equal(status.state, "off");
    assert.match(status.message, /^The codebase index is off: the client gave no workspace storage folder/);
    assert.deepEqual(await search(server, "get user by id"), []);
  } finally {
    await server.stop();
  }
});

test("a multi-root workspace: each folder indexed in its own directory, searched together, folders added and removed followed", { timeout: 240_000 }, async () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-index-roots-"));
  const first = path.join(base, "repo");
  const second = path.join(base, "tools");
  const third = path.join(base, "later");
  const storage = path.join(base, "storage");
  fs.cpSync(path.join(repoRoot, "test", "fixtures", "index-repo"), first, { recursive: true });
  fs.mkdirSync(second);
  fs.writeFileSync(path.join(second, "rotate.py"), "def rotate_log_files(directory, keep):\n    \"\"\"Keeps the newest files.\"\"\"\n    return sorted(directory)[-keep:]\n");
  fs.mkdirSync(third);
  fs.writeFileSync(path.join(third, "throttle.go"), "package later\n\nfunc ThrottleRequests(limit int) int {\n\treturn limit / 2\n}\n");
  const server = await startServer({}, { workspace: first, moreFolders: [second], init: { workspaceStorageDirectory: storage } });
  try {
    const status = await ready(server);
    assert.equal(status.files, 7, "six files of the first folder and one of the second");
    assert.match(status.message, /^Codebase index: 7 files in 2 folders, \d+ chunks\./);
    const [fromFirst] = await search(server, "get user by id", 1);
    assert.deepEqual([fromFirst?.path, fromFirst?.uri], ["app/users.py", pathToFileURL(path.join(first, "app", "users.py")).href]);
    const [fromSecond] = await search(server, "rotate log files", 1);
    assert.deepEqual([fromSecond?.path, fromSecond?.label, fromSecond?.symbol, fromSecond?.uri], ["rotate.py", "tools/rotate.py", "rotate_log_files", pathToFileURL(path.join(second, "rotate.py")).href]);
    const dirs = fs.readdirSync(path.join(storage, "index-folders"));
    assert.equal(dirs.length, 2, `one index directory per folder: ${dirs.join(", ")}`);

    // A watcher's change goes to the folder that holds the file.
    fs.appendFileSync(path.join(second, "rotate.py"), "\ndef compress_old_archives(paths):\n    return [p + '.gz' for p in paths]\n");
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path.join(second, "rotate.py")).href, type: FileChangeType.Changed }] });
    await until("the second folder's change to be searchable", async () => (await search(server, "compress old archives", 1)).find((h) => h.symbol === "compress_old_archives"));

    await server.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: pathToFileURL(third).href, name: "later" }], removed: [{ uri: pathToFileURL(second).href, name: "ws1" }] },
    });
    const added = await until("the added folder to be searchable", async () => (await search(server, "throttle requests", 1)).find((h) => h.symbol === "ThrottleRequests"));
    assert.equal(added.uri, pathToFileURL(path.join(third, "throttle.go")).href);
    await until("the removed folder to leave the search", async () => ((await search(server, "rotate log files", 10)).some((h) => h.uri.includes("/tools/")) ? undefined : true));
    const after = await ready(server);
    assert.equal(after.files, 7, "six files of the first folder and one of the added one");
  } finally {
    await server.stop();
    fs.rmSync(base, { recursive: true, force: true });
  }
});

test("a folder removed while its first walk runs: the walk stops instead of finishing, the folders that stay are indexed", { timeout: 240_000 }, async () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-index-removed-"));
  const small = path.join(base, "small");
  const big = path.join(base, "big");
  const storage = path.join(base, "storage");
  fs.mkdirSync(small);
  fs.writeFileSync(path.join(small, "rotate.py"), "def rotate_log_files(directory, keep):\n    return sorted(directory)[-keep:]\n");
  // Enough files that the walk is still running when the removal arrives.
  for (let d = 0; d < 30; d++) {
    fs.mkdirSync(path.join(big, `pkg${d}`), { recursive: true });
    for (let f = 0; f < 100; f++) fs.writeFileSync(path.join(big, `pkg${d}`, `mod${f}.py`), `def handler_${d}_${f}(request):\n    return request.json()\n\n\nclass Model${d}x${f}:\n    pass\n`);
  }
  const server = await startServer({}, { workspace: small, moreFolders: [big], init: { workspaceStorageDirectory: storage } });
  try {
    await until("the walk to be under way", async () => {
      const status = await server.connection.sendRequest(IndexStatusRequest.type);
      return status.state === "indexing" && status.files > 0 ? status : undefined;
    });
    await server.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: [{ uri: pathToFileURL(big).href, name: "ws1" }] } });
    const status = await ready(server);
    assert.ok(server.logs.some((l) => /Codebase index: \d+ files chunked, \d+ removed in [\d.]+ s \(cancelled\)/.test(l)), `the walk was stopped:\n${server.logs.join("\n")}`);
    assert.equal(status.files, 1, "only the folder that stays");
    assert.deepEqual((await search(server, "handler request json", 5)).filter((h) => h.uri.includes("/big/")), []);
    assert.equal((await search(server, "rotate log files", 1))[0]?.label, "rotate.py", "one folder again: paths as they are");
    assert.equal(fs.readdirSync(path.join(storage, "index-folders")).length, 2, "what the removed folder's walk had done is saved for its return");
  } finally {
    await server.stop();
    fs.rmSync(base, { recursive: true, force: true });
  }
});
