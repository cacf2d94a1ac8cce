import { test } from "node:test";
import assert from "node:assert/strict";
import { BlockScanner } from "../../src/chat/blockScanner";
import type { BlockScan } from "../../media/chat/messages";
import type { ShieldFinding } from "../../common/protocol";

const finding: ShieldFinding = { ruleId: "python-os-system", cwe: "CWE-78", severity: "error", message: "shell", line: 1, column: 0, endLine: 1, endColumn: 9 };

test("each block is scanned once, as soon as its closing fence has streamed in", async () => {
  const scanned: Array<{ text: string; languageId: string }> = [];
  const results: Array<[string, number, BlockScan]> = [];
  const scanner = new BlockScanner(async (text, languageId) => {
    scanned.push({ text, languageId });
    return text.includes("os.system") ? [finding] : [];
  }, (key, index, scan) => results.push([key, index, scan]));
  const answer = "Here:\n\n```python\nimport os\nos.system(x)\n```\n\nand\n\n```\nprint(1)\n```\n";
  // Feed the answer as a stream, a few characters at a time.
  for (let end = 1; end <= answer.length; end += 3) scanner.update("m1", answer.slice(0, end), false, "python");
  scanner.update("m1", answer, true, "python");
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(scanned, [{ text: "import os\nos.system(x)", languageId: "python" }, { text: "print(1)", languageId: "python" }]);
  assert.deepEqual(results.map(([key, index, scan]) => [key, index, scan.state]), [["m1", 0, "findings"], ["m1", 1, "clean"]]);
  assert.deepEqual(results[0]![2].findings, [{ ruleId: "python-os-system", cwe: "CWE-78", severity: "error", message: "shell", line: 2 }]);
});

test("an unclosed block is scanned when the answer ends, and results follow a renamed message", async () => {
  const scanner = new BlockScanner(async () => [], () => undefined);
  scanner.update("tmp", "```js\nlet a", false);
  assert.equal(scanner.result("tmp", 0), undefined, "not while it may still grow");
  scanner.update("tmp", "```js\nlet a = 1;", true);
  scanner.rename("tmp", "final");
  assert.equal((await scanner.result("final", 0))?.state, "clean");
});

test("a server without Shield gives a readable 'not scanned' instead of an error", async () => {
  const missing = Object.assign(new Error("Unhandled method enclave/shield/scan"), { code: -32601 });
  const scanner = new BlockScanner(async () => { throw missing; }, () => undefined);
  scanner.update("m", "```py\neval(x)\n```", false);
  const scan = await scanner.result("m", 0);
  assert.equal(scan?.state, "unavailable");
  assert.match(scan?.note ?? "", /no Shield scanner \(enclave\/shield\/scan is not handled\)/);
});
