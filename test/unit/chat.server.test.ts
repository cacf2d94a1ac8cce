import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatMessage } from "../../server/engine/types";
import type { ChatMessageRecord } from "../../common/protocol";
import { fitToContext } from "../../server/chat/contextWindow";
import { ConversationStore, invalidConversation } from "../../server/chat/conversationStore";
import { DeltaStream } from "../../server/chat/deltaStream";
import { fairShares, fitAttachments } from "../../server/chat/fitAttachments";
import { renderTurns, userContent } from "../../server/chat/renderTurns";
import { parseSlashCommand } from "../../common/slashCommand";

/** A stand-in tokenizer: one token per four characters. */
const count = (messages: readonly ChatMessage[]): number => messages.reduce((n, m) => n + Math.ceil(m.content.length / 4) + 4, 0);
const countText = (text: string): number => Math.ceil(text.length / 4);

let id = 0;
const user = (text: string, extra: Partial<ChatMessageRecord> = {}): ChatMessageRecord => ({ id: `m${++id}`, role: "user", text, createdAt: 0, ...extra });
const reply = (text: string): ChatMessageRecord => ({ id: `m${++id}`, role: "assistant", text, createdAt: 0 });

test("slash commands are read only when they are known commands", () => {
  assert.deepEqual(parseSlashCommand("/explain  the loop"), { command: "explain", text: "the loop" });
  assert.deepEqual(parseSlashCommand("/FIX"), { command: "fix", text: "" });
  assert.deepEqual(parseSlashCommand("/etc/hosts is odd"), { text: "/etc/hosts is odd" });
  assert.deepEqual(parseSlashCommand("/tests\nwith pytest"), { command: "tests", text: "with pytest" });
  assert.deepEqual(parseSlashCommand("what does /doc do"), { text: "what does /doc do" });
});

test("a command's instruction leads the user message, attachments follow once, fences never break", () => {
  const code = { kind: "selection" as const, label: "a.md:1-3", languageId: "markdown", text: "```js\nx\n```\n" };
  const problems = { kind: "problems" as const, label: "1 problem", text: "- line 2: error (Enclave Shield CWE-78): bad" };
  const first = user("", { command: "fix", context: [code, problems] });
  const content = userContent(first);
  assert.match(content, /^Fix the problems listed below/);
  assert.match(content, /Selected code from a\.md:1-3:\n````markdown\n```js\nx\n```\n````/);
  assert.match(content, /Problems reported in 1 problem:\n- line 2/);
  assert.match(userContent(user("", { command: "fix", context: [code] })), /^No problems were reported/);
  // The same attachment in a later turn is referred to, not repeated.
  const rendered = renderTurns([first, reply("ok"), user("and again?", { context: [code] })], 0);
  assert.match(rendered[3]!.content, /\(a\.md:1-3 is attached earlier in this conversation, unchanged\.\)/);
});

test("a conversation that fits is rendered whole, with the system prompt first", () => {
  const messages = [user("q1"), reply("a1"), user("q2")];
  const fitted = fitToContext(messages, 0, 1000, count);
  assert.equal(fitted.firstInContext, 0);
  assert.equal(fitted.droppedNow, 0);
  assert.deepEqual(fitted.messages.map((m) => m.role), ["system", "user", "assistant", "user"]);
});

test("an overflowing conversation drops whole old exchanges down to three quarters of the budget, and says which", () => {
  const messages: ChatMessageRecord[] = [];
  for (let i = 0; i < 10; i++) messages.push(user(`question ${i} ${"x".repeat(200)}`), reply("y".repeat(200)));
  messages.push(user("the newest question"));
  const budget = 700;
  const fitted = fitToContext(messages, 0, budget, count);
  assert.ok(fitted.fits);
  assert.ok(fitted.tokens <= budget * 0.75, `${fitted.tokens} tokens`);
  assert.equal(messages[fitted.firstInContext]!.role, "user", "the window starts at a user message");
  assert.ok(fitted.droppedNow >= 1);
  assert.match(fitted.messages[0]!.content, /exchanges? (was|were) left out to fit the context window\. The user had asked: "question/);
  assert.equal(fitted.messages.at(-1)!.content, "the newest question");
  // The next turn keeps the same start (and so the cached prefix) while it still fits.
  const next = fitToContext([...messages, reply("short"), user("one more")], fitted.firstInContext, budget, count);
  assert.equal(next.firstInContext, fitted.firstInContext);
  assert.equal(next.droppedNow, 0);
});

test("a single message larger than the budget is reported as not fitting", () => {
  const fitted = fitToContext([user("z".repeat(10_000))], 0, 500, count);
  assert.equal(fitted.fits, false);
});

test("attachments share the budget fairly and a cut one says how much was left out", () => {
  assert.deepEqual(fairShares([10, 500, 1000], 600), [10, 295, 295]);
  const big = Array.from({ length: 400 }, (_, i) => `line ${i}`).join("\n");
  const fitted = fitAttachments([{ kind: "selection", label: "small.py", text: "print(1)" }, { kind: "file", label: "big.py", text: big }], 300, countText);
  assert.equal(fitted.items[0]!.text, "print(1)");
  assert.ok(countText(fitted.items[1]!.text) <= 300);
  assert.match(fitted.items[1]!.text, /^line 0\n/);
  assert.match(fitted.items[1]!.text, /… \(\d+ more lines left out to fit the context window\)$/);
  assert.match(fitted.notices[0]!, /^big\.py was cut to its first \d+ of 400 lines/);
});

test("the conversation store lists newest first, appends, renames, deletes and refuses malformed restores", () => {
  let now = 0;
  const store = new ConversationStore(() => ++now);
  const a = store.create();
  const b = store.create();
  store.append(a.id, [user("hello"), reply("hi")], 0, "hello");
  assert.deepEqual(store.list().map((s) => s.id), [a.id, b.id]);
  assert.equal(store.get(a.id)?.title, "hello");
  assert.equal(store.get(a.id)?.messageCount, 2);
  assert.equal(store.rename(a.id, "  Greeting "), true);
  assert.equal(store.get(a.id)?.title, "Greeting");
  assert.equal(store.delete(b.id), true);
  assert.equal(store.delete(b.id), false);
  assert.equal(invalidConversation({ id: "x", messages: [{ role: "user", text: "ok" }] }), undefined);
  assert.match(invalidConversation({ id: "x", messages: [{ role: "user", text: "ok", context: [{}] }] })!, /malformed attachments/);
  assert.match(invalidConversation(null)!, /not an object/);
});

test("deltas go out in order: the first at once, later ones gathered, the rest on finish", async () => {
  const sent: Array<{ seq: number; text: string }> = [];
  const stream = new DeltaStream("r", (d) => sent.push(d), 20);
  stream.push("a");
  stream.push("b");
  stream.push("c");
  assert.deepEqual(sent, [{ requestId: "r", seq: 0, text: "a" }]);
  await new Promise((r) => setTimeout(r, 40));
  assert.deepEqual(sent.map((d) => d.text), ["a", "bc"]);
  stream.push("d");
  assert.equal(stream.finish(), 3);
  assert.deepEqual(sent.map((d) => [d.seq, d.text]), [[0, "a"], [1, "bc"], [2, "d"]]);
});

test("a huge attachment is trimmed before its tokens are counted", () => {
  let counted = 0;
  const huge = "x = 1\n".repeat(200_000);
  const fitted = fitAttachments([{ kind: "file", label: "huge.py", text: huge }], 100, (text) => { counted += text.length; return Math.ceil(text.length / 4); });
  assert.ok(counted < 20_000, `${counted} characters were counted`);
  assert.ok(countText(fitted.items[0]!.text) <= 100);
  assert.match(fitted.notices[0]!, /^huge\.py was cut to its first \d+ of 200001 lines/);
});
