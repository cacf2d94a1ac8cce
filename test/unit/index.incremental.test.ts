/** An update of the saved index re-chunks only changed and added files and drops deleted ones. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CodeIndex } from "../../server/index/codeIndex";

test("changing one file re-chunks only it; added files are indexed, deleted ones dropped, binaries skipped", { timeout: 30_000 }, async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-incr-"));
  const write = (name: string, text: string | Buffer) => fs.writeFileSync(path.join(root, name), text);
  try {
    write("users.py", "def load_user(user_id):\n    return db.get(user_id)\n");
    write("orders.py", "def place_order(cart):\n    return cart.total()\n");
    write("gone.py", "def obsolete_helper():\n    pass\n");
    write("logo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x61, 0x62]));
    const first = await CodeIndex.update(root);
    assert.equal(first.stats.chunked, 3);
    assert.equal(first.stats.files, 3);
    const ordersBefore = first.index.chunksOf("orders.py");

    write("users.py", "def fetch_account(account_id):\n    return db.get(account_id)\n");
    // Same size and same second are possible in a fast test; a later mtime is what an editor's save gives.
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(root, "users.py"), later, later);
    const second = await CodeIndex.update(root);
    assert.equal(second.stats.chunked, 1, "only the changed file is chunked again");
    assert.equal(second.stats.removed, 0);
    assert.deepEqual(second.index.chunksOf("orders.py"), ordersBefore, "an unchanged file keeps its chunks");
    assert.equal(second.index.search("fetch account", 5)[0]?.symbol, "fetch_account");
    assert.ok(!second.index.search("load_user", 5).some((h) => h.symbol === "load_user"), "the old content is gone from the index");

    fs.rmSync(path.join(root, "gone.py"));
    write("billing.py", "def charge_card(card, cents):\n    return gateway.charge(card, cents)\n");
    const third = await CodeIndex.update(root);
    assert.equal(third.stats.chunked, 1);
    assert.equal(third.stats.removed, 1);
    assert.deepEqual(third.index.search("obsolete helper", 5), []);
    assert.equal(third.index.keywordDocumentCount(), third.stats.chunks, "no chunk of a deleted or changed file is left in the keyword index");
    // What was saved is what a fresh process loads.
    const loaded = CodeIndex.load(root);
    assert.equal(loaded?.search("charge card", 1)[0]?.path, "billing.py");
    assert.deepEqual(loaded?.chunksOf("logo.png"), [], "a binary file has no chunks");
    assert.equal(third.stats.files, 3);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
