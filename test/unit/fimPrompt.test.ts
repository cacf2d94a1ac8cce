import { test } from "node:test";
import assert from "node:assert/strict";
import { buildFimPrompt } from "../../server/completion/fimPrompt";

test("the current line's text goes last, after the FIM middle token", () => {
  const text = "a = 1\ndef f(x):\n    ret\n\nprint(f(2))\n";
  const offset = text.indexOf("ret") + 3;
  const { prompt } = buildFimPrompt(text, offset);
  assert.deepEqual(prompt, [
    { token: "fimPrefix" }, "a = 1\ndef f(x):\n", { token: "fimSuffix" }, "\n\nprint(f(2))\n", { token: "fimMiddle" }, "    ret",
  ]);
});

test("typing on a line changes only the end of the prompt", () => {
  const before = "x = 1\ny = \nz = 3\n";
  const at = before.indexOf("y = ") + 4;
  const after = before.slice(0, at) + "4" + before.slice(at);
  const a = buildFimPrompt(before, at).prompt;
  const b = buildFimPrompt(after, at + 1).prompt;
  assert.deepEqual(a.slice(0, 5), b.slice(0, 5));
  assert.equal(b[5], (a[5] as string) + "4");
});

test("the windows keep a fixed number of whole lines around the cursor", () => {
  const lines = Array.from({ length: 300 }, (_, i) => `line ${i}`);
  const text = lines.join("\n");
  const offset = text.indexOf("line 200") + 4;
  const { prompt } = buildFimPrompt(text, offset, { prefixLines: 3, suffixLines: 2 });
  assert.equal(prompt[1], "line 197\nline 198\nline 199\n");
  assert.equal(prompt[3], " 200\nline 201\nline 202");
  assert.equal(prompt[5], "line");
});
