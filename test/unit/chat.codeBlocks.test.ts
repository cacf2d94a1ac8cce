import { test } from "node:test";
import assert from "node:assert/strict";
import { codeBlocksOf, splitMarkdown } from "../../media/chat/codeBlocks";
import { languageIdOf } from "../../media/chat/languages";

test("fenced blocks are found in order with their language and whether they are closed", () => {
  const text = "Intro\n\n```Python\nprint(1)\n```\n\nMiddle\n\n~~~\nraw\n~~~\n\n```ts\nlet a = 1;\n";
  const blocks = codeBlocksOf(text);
  assert.deepEqual(blocks.map((b) => [b.index, b.lang, b.code, b.closed]), [
    [0, "python", "print(1)", true],
    [1, "", "raw", true],
    [2, "ts", "let a = 1;\n", false],
  ]);
  // Blank prose between two blocks is no segment of its own.
  assert.deepEqual(splitMarkdown(text).map((s) => s.kind), ["markdown", "code", "markdown", "code", "code"]);
});

test("a fence closes only with the same character and at least the same length", () => {
  const [block] = codeBlocksOf("````md\n```js\ninner\n```\n````\nafter");
  assert.equal(block?.code, "```js\ninner\n```");
  assert.equal(block?.closed, true);
  assert.equal(codeBlocksOf("```\na\n~~~\n")[0]?.closed, false);
});

test("indented fences inside a list are found, and their indentation is removed", () => {
  const blocks = codeBlocksOf("1. Run:\n   ```sh\n   npm test\n     --watch\n   ```\n2. Done");
  assert.equal(blocks[0]?.code, "npm test\n  --watch");
  assert.equal(blocks[0]?.lang, "sh");
});

test("while streaming, a half-written opening fence and an unclosed block are handled", () => {
  assert.equal(codeBlocksOf("Sure:\n``")[0], undefined);
  assert.deepEqual(codeBlocksOf("Sure:\n```py")[0], { kind: "code", index: 0, lang: "py", code: "", closed: false });
});

test("fence tags become VS Code language ids", () => {
  assert.equal(languageIdOf("py"), "python");
  assert.equal(languageIdOf("TS"), "typescript");
  assert.equal(languageIdOf("c++"), "cpp");
  assert.equal(languageIdOf("bash"), "shellscript");
  assert.equal(languageIdOf("", "java"), "java");
  assert.equal(languageIdOf("go"), "go");
});
