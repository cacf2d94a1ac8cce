/**
 * The edit prompt (server/edit/buildEditPrompt.ts + editPrompts.ts): what the model reads, in the
 * order that keeps the KV cache useful (file context first, region, then the task), the bounded
 * context budgets, follow-ups that only append, and the per-family template choice.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatMessage } from "../../server/engine/types";
import { BEFORE_TOKENS, buildEditPrompt, type EditPromptInput } from "../../server/edit/buildEditPrompt";
import { defaultEditTemplate, gemmaEditTemplate, pickEditTemplate } from "../../server/edit/editPrompts";

// A fake tokenizer: one token per four characters. Unit tests may use fakes; the server tests use the real one.
const countTokens = (t: string) => Math.ceil(t.length / 4);
const countChatTokens = (m: readonly ChatMessage[]) => m.reduce((n, x) => n + countTokens(x.content) + 4, 0);
const lines = Array.from({ length: 2000 }, (_, i) => `line_${String(i).padStart(4, "0")} = ${i}`);

function build(overrides: Partial<EditPromptInput> = {}) {
  return buildEditPrompt({
    template: defaultEditTemplate, lines, startLine: 1000, endLine: 1004, languageId: "python", path: "pkg/mod.py",
    mode: "rewrite", instruction: "Add type hints.", previous: [], contextSize: 32768, countTokens, countChatTokens, ...overrides,
  });
}

test("the first user message: path and language, code above and below, the region, then the task with the answer rule", () => {
  const { messages, maxTokens, problem } = build();
  assert.equal(problem, undefined);
  assert.equal(messages[0]!.role, "system");
  const user = messages[1]!.content;
  assert.ok(user.startsWith("File: pkg/mod.py (python)\n\nCode above the region:\n```python\n"), user.slice(0, 80));
  const order = ["Code above the region:", "line_0999 = 999\n```", "Code below the region:\n```python\nline_1005", "The region to rewrite:\n```python\nline_1000 = 1000\n", "line_1004 = 1004\n```", "Rewrite the region: Add type hints.", "inside one ```python code fence"];
  const at = order.map((s) => user.indexOf(s));
  assert.ok(at.every((p, i) => p >= 0 && (i === 0 || p > at[i - 1]!)), JSON.stringify(at));
  assert.ok(maxTokens > countTokens(lines.slice(1000, 1005).join("\n")) && maxTokens < 400, `maxTokens ${maxTokens}`);
});

test("context budgets are fixed token counts, cut at whole lines next to the region, whatever the region's size", () => {
  const small = build().messages[1]!.content;
  const large = build({ endLine: 1100 }).messages[1]!.content;
  const above = (text: string) => text.slice(0, text.indexOf("Code below the region:"));
  assert.equal(above(small), above(large), "the same start gives the same prefix: the KV cache keeps it");
  const kept = above(small).split("\n").filter((l) => l.startsWith("line_"));
  assert.equal(kept.at(-1), "line_0999 = 999", "the lines nearest the region are kept");
  const used = kept.reduce((n, l) => n + countTokens(l) + 1, 0);
  assert.ok(used <= BEFORE_TOKENS && used > BEFORE_TOKENS - 20, `${used} tokens of code above`);
  const top = build({ startLine: 0, endLine: 2 }).messages[1]!.content;
  assert.doesNotMatch(top, /Code above the region/, "no code above: the part is left out whole");
  const tiny = build({ contextSize: 2048 }).messages[1]!.content;
  assert.ok(above(tiny).length < above(small).length / 1.5, "a small context gets a smaller share");
});

test("a follow-up only appends: the earlier answer as the assistant's turn and the new instruction", () => {
  const first = build().messages;
  const followUp = build({ instruction: "Also add a docstring.", previous: [{ instruction: "Add type hints.", text: "line_1000: int = 1000\n" }] }).messages;
  assert.deepEqual(followUp.slice(0, first.length), first, "the first round's messages are a prefix of the follow-up's");
  assert.deepEqual(followUp.slice(first.length), [
    { role: "assistant", content: "```python\nline_1000: int = 1000\n```" },
    { role: "user", content: "Now change it further: Also add a docstring.\n\nAnswer with the complete rewritten region only, inside one ```python code fence, keeping its indentation. No explanation." },
  ]);
  const third = build({ instruction: "Shorter.", previous: [{ instruction: "Add type hints.", text: "a\n" }, { instruction: "Also add a docstring.", text: "b" }] }).messages;
  assert.deepEqual(third.slice(2).map((m) => m.content.split("\n")[0]), ["```python", "Now change it further: Also add a docstring.", "```python", "Now change it further: Shorter."]);
});

test("merge and fix say what they are about; a region too long for the context is refused with a reason", () => {
  const merge = build({ mode: "merge", instruction: "def extra():\n    pass" }).messages[1]!.content;
  assert.match(merge, /Merge this code into the region, replacing what it redefines and keeping the rest:\n```python\ndef extra\(\):\n    pass\n```/);
  const fix = build({ mode: "fix", instruction: "Undefined name 'x'", diagnosticLine: 1003 }).messages[1]!.content;
  assert.match(fix, /Fix this problem reported at line 1003: Undefined name 'x'/);
  const tooLong = build({ startLine: 0, endLine: 1999, contextSize: 4096 });
  assert.equal(tooLong.maxTokens, 0);
  assert.match(tooLong.problem ?? "", /region \(2000 lines\) is too long to rewrite within the model's 4096-token context/);
});

test("the template follows the model family: Gemma has no system role, the rest share the default", () => {
  assert.equal(pickEditTemplate({ name: "gemma-2-2b-it", path: "/m/x.gguf" }), gemmaEditTemplate);
  assert.equal(pickEditTemplate({ name: "model", path: "/m/codegemma-7b-it.Q4.gguf" }), gemmaEditTemplate);
  assert.equal(pickEditTemplate({ name: "Qwen2.5 Coder 1.5B Instruct", path: "/m/q.gguf" }), defaultEditTemplate);
  const gemma = build({ template: gemmaEditTemplate }).messages;
  assert.deepEqual(gemma.map((m) => m.role), ["user"]);
  assert.ok(gemma[0]!.content.startsWith(defaultEditTemplate.system + "\n\nFile: pkg/mod.py"));
});
