import { test } from "node:test";
import assert from "node:assert/strict";
import { ChatHistory, type ChatStorage } from "../../src/chat/chatHistory";
import type { ChatConversation } from "../../common/protocol";

/** Storage in a Map, standing in for the workspace storage folder. */
function memoryStorage(): ChatStorage & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return {
    files,
    ids: async () => [...files.keys()],
    read: async (id) => { const f = files.get(id); if (f === undefined) throw new Error("ENOENT"); return JSON.parse(f); },
    write: async (id, value) => { files.set(id, JSON.stringify(value)); },
    delete: async (id) => { files.delete(id); },
  };
}

const conversation = (id: string, updatedAt: number, title = `chat ${id}`): ChatConversation => ({
  id, title, createdAt: 1, updatedAt, messageCount: 0, firstInContext: 0,
  messages: [{ id: `${id}-u`, role: "user", text: "hi", createdAt: 1 }, { id: `${id}-a`, role: "assistant", text: "hello", createdAt: 2 }],
});

test("saved conversations are listed newest first and read back whole by a fresh reader", async () => {
  const storage = memoryStorage();
  const history = new ChatHistory(storage);
  let changes = 0;
  history.onDidChange(() => changes++);
  await history.save(conversation("a", 10));
  await history.save(conversation("b", 20));
  assert.deepEqual((await history.list()).map((s) => [s.id, s.messageCount]), [["b", 2], ["a", 2]]);
  assert.equal(changes, 2);
  // A window reload builds a new ChatHistory over the same storage.
  const reloaded = new ChatHistory(storage);
  assert.deepEqual((await reloaded.list()).map((s) => s.id), ["b", "a"]);
  assert.deepEqual(await reloaded.get("a"), { ...conversation("a", 10), messageCount: 2 });
});

test("rename and delete change the storage; bad input is refused", async () => {
  const storage = memoryStorage();
  const history = new ChatHistory(storage);
  await history.save(conversation("a", 10));
  assert.equal(await history.rename("a", "  Regex   questions "), true);
  assert.equal((await new ChatHistory(storage).get("a"))?.title, "Regex questions");
  assert.equal(await history.rename("a", "   "), false);
  assert.equal(await history.rename("missing", "x"), false);
  assert.equal(await history.delete("a"), true);
  assert.equal(storage.files.size, 0);
  assert.deepEqual(await history.list(), []);
});

test("damaged or newer-format files are skipped, not misread", async () => {
  const storage = memoryStorage();
  storage.files.set("bad", "{\"format\":1}");
  storage.files.set("future", JSON.stringify({ format: 99, conversation: conversation("future", 5) }));
  storage.files.set("ok", JSON.stringify({ format: 1, conversation: conversation("ok", 5) }));
  assert.deepEqual((await new ChatHistory(storage).list()).map((s) => s.id), ["ok"]);
});
