/**
 * @workspace over the real LSP with real inference: the server indexes a copy of the fixture
 * repository (its workspace folder), a question searches it, and the scripted model answers with
 * its @workspace script only when the RetryWithBackoff chunk (which holds the workspace marker)
 * is in the prompt. The answer's citation and the sources carry that chunk's real lines.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { ChatSendRequest } from "../../common/protocol";
import { findCitations } from "../../media/chat/citations";
import { ensureModels, SCRIPTED_MODEL_SCRIPTS, SCRIPTED_WORKSPACE_MARKER } from "../fixtures/gguf";
import { repoRoot, startServer } from "./harness";

let nextId = 0;

test("@workspace sends the right chunk, the answer cites its lines, and the word itself never reaches the model", async () => {
  const { scripted } = await ensureModels();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-ws-chat-"));
  fs.cpSync(path.join(repoRoot, "test", "fixtures", "index-repo"), root, { recursive: true });
  const server = await startServer({ model: scripted, chat: { maxTokens: 128 }, shield: { chatRepair: false } }, { workspace: root });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const send = (text: string, extra: { searchWorkspace?: boolean; conversationId?: string } = {}) =>
      server.connection.sendRequest(ChatSendRequest.type, { requestId: `w${++nextId}`, text, ...extra });

    const asked = await send("@workspace where is RetryWithBackoff defined?");
    assert.equal(asked.assistant?.text, SCRIPTED_WORKSPACE_MARKER.text, "the RetryWithBackoff chunk (with the marker) was in the prompt");
    assert.equal(asked.user?.text, "where is RetryWithBackoff defined?", "@workspace is not part of the question");

    const sources = asked.user?.sources ?? [];
    const lines = fs.readFileSync(path.join(root, "app", "retry.go"), "utf8").split("\n");
    const retry = sources.find((s) => s.symbol === "RetryWithBackoff");
    assert.ok(retry, `sources: ${JSON.stringify(sources.map((s) => [s.path, s.symbol]))}`);
    assert.equal(sources[0], retry, "the defining chunk ranks first");
    assert.deepEqual([retry.path, retry.startLine, retry.endLine, retry.uri], ["app/retry.go", 17, 31, pathToFileURL(path.join(root, "app", "retry.go")).href]);
    assert.equal(retry.text.replace(/\n$/, ""), lines.slice(16, 31).join("\n"), "the source's text is exactly its lines");

    const citations = findCitations(asked.assistant!.text);
    assert.deepEqual(citations.map((c) => [c.path, c.startLine, c.endLine]), [["app/retry.go", 17, 31]]);
    assert.match(lines[citations[0]!.startLine]!, /^func RetryWithBackoff\(/, "the cited range holds the definition");

    // The question alone, in a new conversation, does not search: the usual answer, no sources.
    const plain = await send("where is RetryWithBackoff defined?");
    assert.equal(plain.assistant?.text, SCRIPTED_MODEL_SCRIPTS.chat.text);
    assert.equal(plain.user?.sources, undefined);

    // The context bar's toggle searches as @workspace does.
    const toggled = await send("where is RetryWithBackoff defined?", { searchWorkspace: true });
    assert.equal(toggled.assistant?.text, SCRIPTED_WORKSPACE_MARKER.text);
    assert.equal(toggled.user?.sources?.[0]?.symbol, "RetryWithBackoff");

    // A question the index has nothing for sends nothing and says so.
    const nothing = await send("@workspace zzqxv");
    assert.equal(nothing.user?.sources, undefined);
    assert.match(nothing.notices.join(" "), /found no code/);
  } finally {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
