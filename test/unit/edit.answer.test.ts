/**
 * Cutting the rewritten region out of a model's answer (server/edit/editAnswerParser.ts): fences
 * with and without a language tag, prose around them, no fence at all, a stray trailing fence,
 * nested fences in the code, an answer cut off inside its fence, dropped indentation; and the
 * streaming rule: only complete lines that are certainly code are released, in order, and what
 * was released is always the start of the final text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { EditAnswerParser, parseEditAnswer } from "../../server/edit/editAnswerParser";

const region = "def add(a, b):\n    return a + b\n";
const code = (answer: string, r = region) => parseEditAnswer(answer, { region: r }).code;

test("the code inside the first fence is the rewrite, with or without a language tag, prose around it dropped", () => {
  const rewrite = "def add(a, b):\n    \"\"\"Add.\"\"\"\n    return a + b\n";
  assert.equal(code("```python\n" + rewrite + "```"), rewrite);
  assert.equal(code("```\n" + rewrite + "```\n"), rewrite);
  assert.equal(code("Here is the rewritten region:\n\n```py\n" + rewrite + "```\n\nI added a docstring.\n"), rewrite);
  assert.equal(code("~~~python\n" + rewrite + "~~~\nDone."), rewrite);
  assert.equal(code("Sure!\n```python\n" + rewrite + "```\nand\n```python\nother()\n```\n"), rewrite, "only the first block counts");
  assert.equal(parseEditAnswer("```python\n" + rewrite + "```", { region }).closed, true);
});

test("an answer without a fence is the code, minus an introduction line; a stray closing fence after unfenced code ends it", () => {
  assert.equal(code("def add(a, b):\n    return b + a\n"), "def add(a, b):\n    return b + a\n");
  assert.equal(code("Here is the code:\ndef add(a, b):\n    return b + a"), "def add(a, b):\n    return b + a\n");
  assert.equal(code("def add(a, b):\n    return b + a\n```\n"), "def add(a, b):\n    return b + a\n", "trailing fence");
  assert.equal(code("def add(a, b):\n    return b + a\n```\nThis swaps the operands.\n"), "def add(a, b):\n    return b + a\n");
  assert.equal(code("I changed the order.\n```\ndef add(a, b):\n    return b + a\n```\n"), "def add(a, b):\n    return b + a\n", "prose, then a bare fence, opens the block");
  assert.equal(code("   \n\n"), undefined);
  assert.equal(code("```python\n```\n"), undefined, "an empty block is no rewrite");
});

test("backticks inside the code: inline ones, a longer fence, and a tagged fence nested in a docstring", () => {
  const md = 'def doc():\n    """Example:\n    ```python\n    doc()\n    ```\n    """\n    return "`x`"\n';
  assert.equal(code("```python\n" + md + "```\n"), md);
  const withFence = "x = '''\n```\n'''\n";
  assert.equal(code("````python\n" + withFence + "````\n"), withFence, "a four-backtick fence is closed by four, not three");
});

test("an answer cut off inside its fence keeps its complete lines but is not closed; a half-written closing fence is not code", () => {
  const cut = parseEditAnswer("```python\ndef add(a, b):\n    return a +", { region });
  assert.equal(cut.code, "def add(a, b):\n    return a +\n");
  assert.equal(cut.closed, false);
  assert.equal(code("```python\ndef add(a, b):\n    return a + b\n``"), "def add(a, b):\n    return a + b\n");
});

test("indentation the model dropped is put back; indentation it kept is left alone; blank lines stay inside, not at the end", () => {
  const method = "    def add(self, a, b):\n        return a + b\n";
  assert.equal(code("```python\ndef add(self, a, b):\n    return b + a\n```", method), "    def add(self, a, b):\n        return b + a\n");
  assert.equal(code("```python\n    def add(self, a, b):\n        return b + a\n```", method), "    def add(self, a, b):\n        return b + a\n");
  assert.equal(code("```python\n  def add(self, a, b):\n      return b + a\n```", method), "    def add(self, a, b):\n        return b + a\n", "a partial indent is completed");
  assert.equal(code("```python\n\ndef f():\n\n    pass\n\n\n```"), "def f():\n\n    pass\n");
  assert.equal(parseEditAnswer("```c\nint f(void) {\n  return 0;\n}\n```", { region: "int f(void) {\n  return 1;\n}\n", eol: "\r\n" }).code, "int f(void) {\r\n  return 0;\r\n}\r\n", "the document's line ending");
});

test("streaming releases only complete code lines, holds blank lines and the closing fence, and adds up to the final text", () => {
  const answer = "Here is the rewrite:\n\n```python\ndef add(a, b):\n\n    return a + b\n```\nDone, it adds.\n";
  // Every split of the answer into two chunks, and one character at a time, gives the same deltas' sum.
  const splits = [...Array(answer.length + 1).keys()].map((i) => [answer.slice(0, i), answer.slice(i)]);
  splits.push([...answer]);
  for (const chunks of splits) {
    const parser = new EditAnswerParser({ region });
    const released = chunks.map((c) => parser.push(c));
    released.push(parser.finish());
    assert.equal(released.join(""), "def add(a, b):\n\n    return a + b\n", JSON.stringify(chunks));
    assert.ok(released.every((r) => r === "" || r.endsWith("\n")), "only whole lines");
  }
  const parser = new EditAnswerParser({ region });
  assert.equal(parser.push("Sure:\n```python\ndef add(a, b):\n"), "def add(a, b):\n", "a code line is released as soon as it is complete");
  assert.equal(parser.push("    return a + b"), "", "a line still being written is held");
  assert.equal(parser.push("\n\n"), "    return a + b\n", "a blank line waits for the next code line");
  assert.equal(parser.push("``"), "", "what could be the closing fence is held");
  assert.equal(parser.push("`\nThat is all.\n"), "");
  assert.equal(parser.finish(), "");
  assert.equal(parser.closed, true);
  assert.equal(parser.text, "def add(a, b):\n    return a + b\n");
});

test("an unfenced answer is released only at the end, when no fence can come any more", () => {
  const parser = new EditAnswerParser({ region });
  assert.equal(parser.push("def add(a, b):\n    return b + a\n"), "");
  assert.equal(parser.finish(), "def add(a, b):\n    return b + a\n");
  assert.equal(parser.closed, false);
});
