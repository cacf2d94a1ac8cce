import { test } from "node:test";
import assert from "node:assert/strict";
import { indentWidth, reindentBlock, renderIndent } from "../../src/chat/reindent";

const spaces = { insertSpaces: true, tabSize: 4, eol: "\n" } as const;
const tabs = { insertSpaces: false, tabSize: 4, eol: "\n" } as const;

test("a block lands at the cursor line's indentation; its own common indentation goes", () => {
  // The cursor sits after the indentation of an empty line inside a method (8 spaces).
  const block = "    if x:\n        return 1\n    return 2";
  assert.equal(reindentBlock(block, { lineText: "        ", character: 8 }, spaces), "if x:\n            return 1\n        return 2");
  // Unindented block, cursor at column 0 of an indented line: the first line gets it all.
  assert.equal(reindentBlock("a = 1\nb = 2", { lineText: "    pass", character: 0 }, spaces), "    a = 1\n    b = 2");
  // Cursor after code on the line: the first line continues there, the rest align with the line.
  assert.equal(reindentBlock("foo(\n  1)", { lineText: "  x = ", character: 6 }, spaces), "foo(\n    1)");
});

test("the first line already at the cursor column gets nothing; halfway gets the rest", () => {
  assert.equal(reindentBlock("x\ny", { lineText: "    ", character: 4 }, spaces), "x\n    y");
  assert.equal(reindentBlock("x\ny", { lineText: "    ", character: 2 }, spaces), "  x\n    y");
  assert.equal(reindentBlock("x\ny", { lineText: "\t\t", character: 1 }, tabs), "\tx\n\t\ty");
});

test("tabs: the document's tabs are kept and the block's spaces become tabs", () => {
  const block = "def f():\n    return 1";
  assert.equal(reindentBlock(block, { lineText: "\t", character: 1 }, tabs), "def f():\n\t\treturn 1");
  // A tab-indented block into a spaces document.
  assert.equal(reindentBlock("if a:\n\tb()", { lineText: "  ", character: 2 }, { ...spaces, tabSize: 2 }), "if a:\n    b()");
  assert.equal(indentWidth(" \t", 4), 4);
  assert.equal(renderIndent(6, tabs), "\t  ");
});

test("blank lines stay empty, with no indentation added", () => {
  const block = "a()\n\n   \nb()";
  assert.equal(reindentBlock(block, { lineText: "    ", character: 4 }, spaces), "a()\n\n\n    b()");
  assert.equal(reindentBlock("", { lineText: "  ", character: 2 }, spaces), "");
});

test("CRLF: the block's line endings become the document's", () => {
  const crlf = { ...spaces, eol: "\r\n" } as const;
  assert.equal(reindentBlock("a\nb", { lineText: "  ", character: 2 }, crlf), "a\r\n  b");
  assert.equal(reindentBlock("a\r\n  b\r\n", { lineText: "", character: 0 }, spaces), "a\n  b\n");
  assert.equal(reindentBlock("a\r\n  b", { lineText: "\t", character: 1 }, { ...tabs, eol: "\r\n" }), "a\r\n\t  b");
});
