import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, InlineCompletionRequest, InlineCompletionTriggerKind } from "vscode-languageserver-protocol/node";
import {
  ChatCancelRequest, ChatDeleteRequest, ChatDeltaNotification, ChatErrors, ChatListRequest, ChatLoadRequest, ChatRenameRequest,
  ChatRestoreRequest, ChatSendRequest, MetricsRequest, type ChatDeltaParams, type ChatSendParams, type ChatSendResult,
} from "../../common/protocol";
import { ensureModels, SCRIPTED_CONTEXT_MARKER, SCRIPTED_MODEL_SCRIPTS } from "../fixtures/gguf";
import { startServer, type RunningServer } from "./harness";

const code = `import os\n\ndef read_config(path):\n    with open(path) as f:\n        return f.read()\n\n`;
let nextId = 0;

/** Sends a chat message and gathers its deltas, noting whether any arrived after the answer. */
async function chat(server: RunningServer, params: Omit<ChatSendParams, "requestId">, onDelta?: (d: ChatDeltaParams, requestId: string) => void) {
  const requestId = `r${++nextId}`;
  const deltas: ChatDeltaParams[] = [];
  let answered = false;
  let late = 0;
  const subscription = server.connection.onNotification(ChatDeltaNotification.type, (delta) => {
    if (delta.requestId !== requestId) return;
    if (answered) late++;
    deltas.push(delta);
    onDelta?.(delta, requestId);
  });
  try {
    const result = await server.connection.sendRequest(ChatSendRequest.type, { requestId, ...params });
    answered = true;
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { result, deltas, late };
  } finally {
    subscription.dispose();
  }
}

test("chat streams deltas in order, then answers with the stored messages, token counts and timings", async () => {
  const { tiny } = await ensureModels();
  const server = await startServer({ model: tiny, chat: { maxTokens: 48 } });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const { result, deltas, late } = await chat(server, {
      text: "What does this do?",
      context: [{ kind: "selection", label: "app.py:1-5", uri: "file:///ws/app.py", languageId: "python", text: code }],
    });
    assert.equal(late, 0, "no delta after the final answer");
    assert.deepEqual(deltas.map((d) => d.seq), deltas.map((_, i) => i), "deltas arrive numbered 0, 1, 2, ...");
    assert.equal(result.deltas, deltas.length);
    assert.ok(deltas.length >= 1);
    const assistant = result.assistant!;
    assert.equal(deltas.map((d) => d.text).join(""), assistant.text, "the deltas add up to the final message");
    assert.equal(assistant.stopReason, "maxTokens");
    assert.equal(assistant.usage?.generatedTokens, 48);
    assert.ok(assistant.usage!.promptTokens > 40, `prompt of ${assistant.usage?.promptTokens} tokens`);
    assert.ok(assistant.timings!.totalMs > 0 && assistant.timings!.firstTextMs! <= assistant.timings!.totalMs);
    assert.equal(result.user?.text, "What does this do?");
    assert.equal(result.user?.context?.[0]?.label, "app.py:1-5");
    assert.equal(result.title, "What does this do?");
    assert.match(result.notices.join(" "), /cut at 48 tokens/);

    // The second turn reuses the first from the chat sequence's KV cache.
    const second = await chat(server, { conversationId: result.conversationId, text: "/explain" });
    const usage = second.result.assistant!.usage!;
    assert.ok(usage.promptTokensReused >= assistant.usage!.promptTokens, `reused ${usage.promptTokensReused} of ${usage.promptTokens}`);
    assert.equal(second.result.user?.command, "explain");
  } finally {
    await server.stop();
  }
});

// These tests are about streaming and context; the repair turn that would rewrite the scripted
// answer's insecure block is tested in shieldRepair.test.ts, so it is off here.
test("an answer with code blocks streams in order and ends by itself with the final message", async () => {
  const { scripted } = await ensureModels();
  const server = await startServer({ model: scripted, chat: { maxTokens: 512 }, shield: { chatRepair: false } });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const { result, deltas, late } = await chat(server, { text: "Show me how to list files." });
    assert.equal(late, 0);
    assert.deepEqual(deltas.map((d) => d.seq), deltas.map((_, i) => i));
    assert.equal(deltas.map((d) => d.text).join(""), SCRIPTED_MODEL_SCRIPTS.chat.text);
    assert.equal(result.assistant?.text, SCRIPTED_MODEL_SCRIPTS.chat.text);
    assert.equal(result.assistant?.stopReason, "eos", "the model's end of turn ends the answer");
    assert.deepEqual(result.notices, []);
  } finally {
    await server.stop();
  }
});

test("an attached file reaches the model: the scripted model answers its marker only when the attachment carries it", async () => {
  const { scripted } = await ensureModels();
  const server = await startServer({ model: scripted, chat: { maxTokens: 512 }, shield: { chatRepair: false } });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const file = (text: string) => [{ kind: "file" as const, label: "app.py", uri: "file:///ws/app.py", languageId: "python", text }];
    const marked = await chat(server, { text: "What does this file do?", context: file(`${code}# owner:${SCRIPTED_CONTEXT_MARKER.marker}\n`) });
    assert.equal(marked.result.assistant?.text, SCRIPTED_CONTEXT_MARKER.text, "the marker in the attachment reached the model");
    const plain = await chat(server, { text: "What does this file do?", context: file(`${code}# owner: nobody\n`) });
    assert.equal(plain.result.assistant?.text, SCRIPTED_MODEL_SCRIPTS.chat.text, "without the marker the usual answer");
  } finally {
    await server.stop();
  }
});

test("cancel stops a long answer promptly and the send ends normally with what was generated", async () => {
  const { tiny } = await ensureModels();
  const server = await startServer({ model: tiny, contextSize: 8192, chat: { maxTokens: 8000 } });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    let cancelledAt = 0;
    let cancelAnswer: Promise<{ cancelled: boolean }> | undefined;
    const { result } = await chat(server, { text: "Write a long essay." }, (delta, requestId) => {
      if (delta.seq === 2 && !cancelledAt) {
        cancelledAt = performance.now();
        cancelAnswer = server.connection.sendRequest(ChatCancelRequest.type, { requestId });
      }
    });
    const latency = performance.now() - cancelledAt;
    assert.ok(cancelledAt > 0, "the answer streamed");
    assert.deepEqual(await cancelAnswer, { cancelled: true });
    assert.equal(result.assistant?.stopReason, "abort");
    assert.ok(result.assistant!.usage!.generatedTokens < 8000);
    assert.ok(latency < 1000, `answered ${latency.toFixed(0)} ms after the cancel`);
    console.log(`      cancel → answer in ${latency.toFixed(0)} ms after ${result.assistant!.usage!.generatedTokens} tokens`);
    assert.deepEqual(await server.connection.sendRequest(ChatCancelRequest.type, { requestId: "nothing-runs" }), { cancelled: false });
    const metrics = await server.connection.sendRequest(MetricsRequest.type);
    assert.equal((metrics.chat as { aborted: number }).aborted, 1);
  } finally {
    await server.stop();
  }
});

test("a long conversation stays within the context window, leaving out the oldest turns and saying so", async () => {
  const { tiny } = await ensureModels();
  const contextSize = 1024;
  const server = await startServer({ model: tiny, contextSize, chat: { maxTokens: 40 } });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    let conversationId: string | undefined;
    const results: ChatSendResult[] = [];
    const turns = 24;
    for (let turn = 0; turn < turns; turn++) {
      const { result } = await chat(server, { conversationId, text: `Question ${turn}: what does read_config do with ${"path ".repeat(turn % 3 + 1)}?` });
      conversationId = result.conversationId;
      results.push(result);
      const usage = result.assistant!.usage!;
      assert.ok(usage.promptTokens + usage.generatedTokens <= contextSize, `turn ${turn}: ${usage.promptTokens} + ${usage.generatedTokens} tokens`);
    }
    const moved = results.filter((r, i) => i > 0 && r.firstInContext > results[i - 1]!.firstInContext);
    assert.ok(moved.length >= 1, "the window start moved");
    assert.ok(moved.every((r) => r.notices.some((n) => /no longer fit the model's 1024-token context window/.test(n))), "each move is announced");
    // Between moves the conversation's prefix stays cached: most turns reuse most of their prompt.
    const reusing = results.filter((r) => r.assistant!.usage!.promptTokensReused > r.assistant!.usage!.promptTokens / 2);
    assert.ok(reusing.length >= results.length / 2, `${reusing.length} of ${results.length} turns reused most of their prompt`);
    const reuse = results.map((r) => r.assistant!.usage!).map((u) => `${u.promptTokensReused}/${u.promptTokens}`).join(" ");
    console.log(`      window start moved ${moved.length}× over ${turns} turns; reused/prompt tokens per turn: ${reuse}`);
    assert.ok(moved.length <= turns / 3, `the window moved ${moved.length} times in ${turns} turns: dropping far enough should leave room for several turns`);
    const loaded = await server.connection.sendRequest(ChatLoadRequest.type, { conversationId: conversationId! });
    assert.equal(loaded?.messages.length, turns * 2, "every message is kept, even those out of the window");
    const metrics = await server.connection.sendRequest(MetricsRequest.type);
    assert.ok((metrics.chat as { droppedTurns: number }).droppedTurns >= 1);
  } finally {
    await server.stop();
  }
});

test("a chat turn does not evict the completion sequence's cache", async () => {
  const { tiny } = await ensureModels();
  const server = await startServer({ model: tiny, completion: { maxTokens: 4 }, chat: { maxTokens: 32 } });
  const uri = pathToFileURL("/tmp/enclave-chat-test/example.py").href;
  const source = `${code}def main():\n    data = read_config("config.ini")\n    `.repeat(8);
  const lines = source.split("\n");
  const last = lines.length - 1;
  const complete = (character: number) => server.connection.sendRequest(InlineCompletionRequest.type, {
    textDocument: { uri }, position: { line: last, character }, context: { triggerKind: InlineCompletionTriggerKind.Automatic },
  });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "python", version: 1, text: source } });
    await complete(lines[last]!.length);
    await chat(server, { text: "Explain this file.", context: [{ kind: "file", label: "example.py", uri, languageId: "python", text: source }] });
    // The user types at the cursor after the chat turn: the completion prompt is the old one plus five characters.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: last, character: 4 }, end: { line: last, character: 4 } }, text: "print" }],
    });
    await complete(9);
    const recent = (await server.connection.sendRequest(MetricsRequest.type)).engine.recent;
    const chatAt = recent.findIndex((r) => r.kind === "chat");
    const after = recent.slice(chatAt + 1).filter((r) => r.kind === "completion").at(-1);
    assert.ok(chatAt > 0 && after, `requests: ${recent.map((r) => r.kind).join(", ")}`);
    assert.ok(after.promptTokens > 300, `completion prompt of ${after.promptTokens} tokens`);
    assert.ok(after.promptTokensEvaluated <= 6, `${after.promptTokensEvaluated} completion prompt tokens evaluated after the chat turn`);
    assert.ok(after.promptTokensReused >= after.promptTokens - 6, `completion reused ${after.promptTokensReused} of ${after.promptTokens} after the chat turn`);
    console.log(`      completion after a chat turn: ${after.promptTokensReused} of ${after.promptTokens} prompt tokens reused, ${after.promptTokensEvaluated} evaluated`);
  } finally {
    await server.stop();
  }
});

test("conversations can be listed, loaded, restored, renamed, cleared and deleted", async () => {
  const { tiny } = await ensureModels();
  const server = await startServer({ model: tiny, chat: { maxTokens: 8 } });
  const c = server.connection;
  try {
    await server.waitForStatus((s) => s.state === "ready");
    const { result } = await chat(server, { text: "/fix", context: [{ kind: "selection", label: "a.py:1-2", text: "eval(input())\n", languageId: "python" }] });
    assert.equal(result.title, "Fix: a.py:1-2");
    const conversation = (await c.sendRequest(ChatLoadRequest.type, { conversationId: result.conversationId }))!;
    assert.equal(conversation.messages.length, 2);
    assert.equal((await c.sendRequest(ChatListRequest.type))[0]?.id, result.conversationId);
    assert.equal(await c.sendRequest(ChatRenameRequest.type, { conversationId: result.conversationId, title: "Eval fix" }), true);
    assert.equal(await c.sendRequest(ChatDeleteRequest.type, { conversationId: result.conversationId }), true);
    assert.equal(await c.sendRequest(ChatLoadRequest.type, { conversationId: result.conversationId }), null);

    // A client that persisted the conversation hands it back after a restart, then continues it.
    const unknown = await c.sendRequest(ChatSendRequest.type, { requestId: "x", conversationId: conversation.id, text: "and now?" }).catch((e: { code: number }) => e);
    assert.equal((unknown as { code: number }).code, ChatErrors.unknownConversation);
    const summary = await c.sendRequest(ChatRestoreRequest.type, { conversation });
    assert.equal(summary.messageCount, 2);
    const next = await chat(server, { conversationId: conversation.id, text: "and now?" });
    assert.equal(next.result.conversationId, conversation.id);
    assert.equal((await c.sendRequest(ChatLoadRequest.type, { conversationId: conversation.id }))?.messages.length, 4);
    const bad = await c.sendRequest(ChatRestoreRequest.type, { conversation: { id: "b", messages: [{ role: "robot" }] } as never }).catch((e: Error) => e);
    assert.match((bad as Error).message, /cannot be restored: message 0/);

    const cleared = await chat(server, { conversationId: conversation.id, text: "/clear" });
    assert.equal(cleared.result.cleared, true);
    assert.notEqual(cleared.result.conversationId, conversation.id);
    assert.equal(cleared.deltas.length, 0);
  } finally {
    await server.stop();
  }
});

test("without a model, a chat message fails with a clear reason", async () => {
  const server = await startServer({ model: "/nonexistent/model.gguf" });
  try {
    await server.waitForStatus((s) => s.state === "error");
    const error = await chat(server, { text: "hello" }).catch((e: { code: number; message: string }) => e);
    assert.equal((error as { code: number }).code, ChatErrors.noModel);
    assert.match((error as unknown as Error).message, /No model is loaded.*nonexistent\/model\.gguf/);
    assert.deepEqual(await server.connection.sendRequest(ChatListRequest.type), [], "a failed first message leaves no conversation behind");
  } finally {
    await server.stop();
  }
});
