import { test } from "node:test";
import assert from "node:assert/strict";
import type { PromptPiece } from "../../server/engine/types";
import { instructFormat, sweepFormat, zetaFormat } from "../../server/nextEdit/nextEditFormats";
import { renderNextEdit, windowFromAnswer, type NextEditPromptInput } from "../../server/nextEdit/renderNextEdit";

/** Qwen2.5-Coder's text for the special tokens the formats use. */
const qwenText: Record<string, string> = { fimFileSep: "<|file_sep|>", fimRepo: "<|repo_name|>" };
const asText = (pieces: readonly PromptPiece[]) => pieces.map((p) => (typeof p === "string" ? p : qwenText[p.token])).join("");

const input: NextEditPromptInput = {
  path: "src/cart.py",
  related: [{ path: "src/tax.py", text: "RATE = 0.2" }],
  edits: [{ path: "src/cart.py", startLine: 2, original: "def total(items):", updated: "def total(items, tax):" }],
  originalWindow: "def total(items):\n    return sum(items)",
  currentWindow: "def total(items, tax):\n    return sum(items)",
  cursorOffset: "def total(items, tax".length,
  contextBefore: "import math\n",
  contextAfter: "\nprint(total(a))",
  atFileStart: false,
};

test("Sweep: related files, .diff blocks with original:/updated:, then original/, current/ and an open updated/", () => {
  const r = renderNextEdit(sweepFormat, input);
  assert.equal(r?.kind, "completion");
  assert.equal(
    asText(r.kind === "completion" ? r.prompt : []),
    [
      "<|file_sep|>src/tax.py",
      "RATE = 0.2",
      "<|file_sep|>src/cart.py.diff",
      "original:",
      "def total(items):",
      "updated:",
      "def total(items, tax):",
      "<|file_sep|>original/src/cart.py",
      "def total(items):",
      "    return sum(items)",
      "<|file_sep|>current/src/cart.py",
      "def total(items, tax):",
      "    return sum(items)",
      "<|file_sep|>updated/src/cart.py",
      "",
    ].join("\n"),
  );
  // The separators are real special tokens, never text the tokenizer could split.
  assert.ok(r.kind === "completion" && r.prompt.filter((p) => typeof p !== "string").length === 5);
  assert.equal(windowFromAnswer(sweepFormat, "def total(items, tax):\n    return sum(items) * (1 + tax)\n<|file_sep|>"), "def total(items, tax):\n    return sum(items) * (1 + tax)");
});

test("Zeta: instruction, User edited blocks with a unified diff, the excerpt with region and cursor markers", () => {
  const r = renderNextEdit(zetaFormat, input);
  assert.equal(r?.kind, "completion");
  assert.equal(
    asText(r.kind === "completion" ? r.prompt : []),
    [
      "### Instruction:",
      "You are a code completion assistant and your task is to analyze user edits and then rewrite an excerpt that the user provides, suggesting the appropriate edits within the excerpt, taking into account the cursor location.",
      "",
      "### User Edits:",
      "",
      'User edited "src/cart.py":',
      "```diff",
      "@@ -3,1 +3,1 @@",
      "-def total(items):",
      "+def total(items, tax):",
      "```",
      "",
      "### User Excerpt:",
      "",
      "```src/cart.py",
      "import math",
      "",
      "<|editable_region_start|>",
      "def total(items, tax<|user_cursor_is_here|>):",
      "    return sum(items)",
      "<|editable_region_end|>",
      "",
      "print(total(a))",
      "```",
      "",
      "### Response:",
      "",
    ].join("\n"),
  );
  const answer = "```src/cart.py\nimport math\n\n<|editable_region_start|>\ndef total(items, tax<|user_cursor_is_here|>):\n    return sum(items) * (1 + tax)\n<|editable_region_end|>\n```";
  assert.equal(windowFromAnswer(zetaFormat, answer), "def total(items, tax):\n    return sum(items) * (1 + tax)");
  assert.equal(windowFromAnswer(zetaFormat, "no region here"), undefined);
});

test("Zeta marks the start of the file", () => {
  const r = renderNextEdit(zetaFormat, { ...input, contextBefore: "", atFileStart: true });
  assert.ok(r?.kind === "completion" && asText(r.prompt).includes("```src/cart.py\n<|start_of_file|>\n<|editable_region_start|>\n"));
});

test("instruct: a system message and a user message whose last part is the window with the cursor", () => {
  const r = renderNextEdit(instructFormat, input);
  assert.equal(r?.kind, "chat");
  const user = r.kind === "chat" ? r.messages[1]!.content : "";
  assert.ok(user.endsWith("Code around the cursor in src/cart.py (the cursor is at <|cursor|>):\n```\ndef total(items, tax<|cursor|>):\n    return sum(items)\n```"), user);
  assert.ok(user.startsWith("Related file src/tax.py:\n```\nRATE = 0.2\n```\n\nRecent edits, oldest first:\n\nEdit in src/cart.py:\nbefore:\n```\ndef total(items):\n```\nafter:\n```\ndef total(items, tax):\n```\n\n"), user);
  assert.equal(windowFromAnswer(instructFormat, "Sure:\n```python\ndef total(items, tax):\n    return 1\n```\nDone."), "def total(items, tax):\n    return 1");
});

test("code that contains a format's own marker is not sent (the answer could not be read back)", () => {
  assert.equal(renderNextEdit(zetaFormat, { ...input, currentWindow: "s = '<|editable_region_end|>'", cursorOffset: 0 }), undefined);
});
