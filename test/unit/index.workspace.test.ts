/**
 * The workspace index service's own behaviour: watcher updates (change, delete, rename) without
 * a walk, resuming from the saved index, definitions, recency, and vectors kept in step with the
 * chunks (with a fake embedder: the real one is covered by test/server/cli.index.test.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Embedder } from "../../server/index/embedder";
import { WorkspaceIndex } from "../../server/index/workspaceIndex";

function workspace(): { root: string; indexDir: string; write(name: string, text: string): void; done(): void } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-ws-"));
  const root = path.join(base, "repo");
  fs.mkdirSync(root);
  let tick = 0;
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
    // Each write gets a later mtime, as an editor's save would.
    const at = new Date(Date.now() + 10_000 * ++tick);
    fs.utimesSync(path.join(root, name), at, at);
  };
  return { root, indexDir: path.join(base, "storage", "index"), write, done: () => fs.rmSync(base, { recursive: true, force: true }) };
}

/** Embeds a text as counts of a few words: similar texts get similar vectors, deterministically. */
function fakeEmbedder(calls: string[]): Embedder {
  const words = ["user", "invoice", "retry", "parse", "cache"];
  return {
    name: "fake", stamp: "fake-1", dimensions: words.length + 1,
    async embed(text) {
      calls.push(text);
      const v = Float32Array.from([...words.map((w) => text.toLowerCase().split(w).length - 1), 0.1]);
      const n = Math.hypot(...v);
      return v.map((x) => x / n);
    },
    dispose: async () => undefined,
  };
}

test("watcher changes: a changed file is re-chunked, a deleted one dropped, a renamed one moves; nothing else is read", { timeout: 30_000 }, async () => {
  const ws = workspace();
  try {
    ws.write("users.py", "def load_user(user_id):\n    return db.get(user_id)\n");
    ws.write("billing/invoice.py", "def invoice_total(items):\n    return sum(items)\n");
    ws.write("old.py", "def obsolete_helper():\n    pass\n");
    const index = await WorkspaceIndex.open(ws.root, ws.indexDir);
    const first = await index.refresh();
    assert.equal(first.chunked, 3);

    ws.write("users.py", "def fetch_account(account_id):\n    return db.get(account_id)\n");
    assert.deepEqual(await index.applyChanges([path.join(ws.root, "users.py")]), { chunked: 1, removed: 0 });
    assert.equal((await index.search("fetch account", 1))[0]?.symbol, "fetch_account");
    assert.deepEqual((await index.search("load user", 5)).filter((h) => h.symbol === "load_user"), []);

    fs.rmSync(path.join(ws.root, "old.py"));
    assert.deepEqual(await index.applyChanges(["old.py"]), { chunked: 0, removed: 1 });
    assert.deepEqual(await index.search("obsolete helper", 5), []);

    fs.renameSync(path.join(ws.root, "billing/invoice.py"), path.join(ws.root, "billing/totals.py"));
    // A rename reaches the watcher as a deletion and a creation.
    assert.deepEqual(await index.applyChanges([path.join(ws.root, "billing/invoice.py"), path.join(ws.root, "billing/totals.py")]), { chunked: 1, removed: 1 });
    const moved = await index.search("invoice total", 1);
    assert.deepEqual(moved.map((h) => [h.path, h.startLine, h.endLine, h.symbol, h.kind, h.text]), [["billing/totals.py", 1, 2, "invoice_total", "function", "def invoice_total(items):\n    return sum(items)"]]);
    assert.deepEqual(await index.applyChanges(["users.py"]), { chunked: 0, removed: 0 }, "an unchanged file is not chunked again");
    assert.deepEqual(index.counts(), { files: 2, chunks: 2, embedded: 0 });

    // Saved, then opened as a restarted server would: the walk finds nothing to chunk.
    index.save();
    const reopened = await WorkspaceIndex.open(ws.root, ws.indexDir);
    const resumed = await reopened.refresh();
    assert.deepEqual([resumed.chunked, resumed.removed, resumed.files], [0, 0, 2]);
    assert.equal(fs.existsSync(path.join(ws.root, ".enclave")), false, "the server's index stays out of the workspace");
  } finally {
    ws.done();
  }
});

test("a cancelled walk saves what it chunked and drops nothing; the next walk resumes", { timeout: 30_000 }, async () => {
  const ws = workspace();
  try {
    for (let i = 0; i < 40; i++) ws.write(`m${String(i).padStart(2, "0")}.py`, `def handler_${i}():\n    return ${i}\n`);
    const index = await WorkspaceIndex.open(ws.root, ws.indexDir);
    const abort = new AbortController();
    const cut = await index.refresh({ signal: abort.signal, onProgress: (done) => done >= 16 && abort.abort() });
    assert.equal(cut.cancelled, true);
    assert.ok(cut.chunked > 0 && cut.chunked < 40, String(cut.chunked));
    const again = await (await WorkspaceIndex.open(ws.root, ws.indexDir)).refresh();
    assert.equal(again.chunked, 40 - cut.chunked, "only the files the cancelled walk did not reach");
    assert.equal(again.files, 40);
  } finally {
    ws.done();
  }
});

test("definitions by name, recency among candidates, vectors kept in step with the chunks", { timeout: 30_000 }, async () => {
  const ws = workspace();
  try {
    ws.write("a/cache.py", "class Cache:\n    def get(self, key):\n        return self.store[key]\n");
    ws.write("b/cache.py", "def cache_get(key):\n    return store[key]\n");
    ws.write("retry.py", "def retry_parse(text):\n    return parse(text)\n");
    const index = await WorkspaceIndex.open(ws.root, ws.indexDir);
    await index.refresh();
    assert.deepEqual(index.definitions(["get", "nothing"]).map((h) => [h.path, h.symbol, h.startLine]), [["a/cache.py", "Cache.get", 2]]);

    const before = (await index.search("cache get", 2)).map((h) => h.path);
    index.noteEdit(path.join(ws.root, before[1]!));
    assert.equal((await index.search("cache get", 2))[0]!.path, before[1], "the recently edited file's chunk moves up");

    const calls: string[] = [];
    index.useEmbedder(fakeEmbedder(calls));
    // The class header and its method are two chunks.
    assert.equal((await index.embedPending()).embedded, 4);
    assert.deepEqual(index.counts(), { files: 3, chunks: 4, embedded: 4 });
    assert.equal((await index.search("retry", 1, undefined, "vectors"))[0]?.symbol, "retry_parse");
    ws.write("retry.py", "def retry_parse(text, times):\n    return parse(text)\n");
    await index.applyChanges(["retry.py"]);
    assert.equal(index.counts().embedded, 3, "the changed chunk's vector is dropped");
    calls.length = 0;
    assert.equal((await index.embedPending()).embedded, 1);
    assert.match(calls[0]!, /^retry\.py retry_parse\ndef retry_parse\(text, times\)/, "only the new chunk is embedded, with its path and symbol");
    index.save();
    const reopened = await WorkspaceIndex.open(ws.root, ws.indexDir);
    reopened.useEmbedder(fakeEmbedder([]));
    assert.equal(reopened.counts().embedded, 4, "vectors survive a restart");
  } finally {
    ws.done();
  }
});
