import { test } from "node:test";
import assert from "node:assert/strict";
import { ContextRing } from "../../server/completion/contextRing";
import { promptWindow, promptWindowOf, syntaxViewOf, windowAround } from "../../server/completion/documentWindow";
import { holdToBudget } from "../../server/completion/lineBudget";

const doc = Array.from({ length: 2000 }, (_, i) => `line_${i} = ${i}`).join("\n");

test("a small document is its own window; a big one is cut at line starts around the cursor", () => {
  assert.equal(promptWindowOf(doc, 10).text, doc);
  const big = doc.repeat(40);
  const offset = Math.floor(big.length / 2);
  const w = promptWindowOf(big, offset);
  assert.ok(w.start > 0 && w.text.length < promptWindow.before + promptWindow.after + 16 * 1024);
  assert.equal(big[w.start - 1], "\n", "the window starts on a line");
  assert.equal(w.text.slice(0, w.offset), big.slice(w.start, offset));
  assert.equal(w.head, big.slice(0, 8192));
  // The start stays put while the user types a few characters on.
  assert.equal(promptWindowOf(big, offset + 5).start, w.start);
});

test("a line longer than the window is cut next to the cursor, never through a surrogate pair", () => {
  const line = "😀".repeat(50_000);
  const w = windowAround(line, line.length - 2, 1001, 10);
  assert.equal(w.text.length % 2, 0);
  assert.ok(!/^[\udc00-\udfff]/.test(w.text));
  const view = syntaxViewOf(doc, doc.length - 5);
  assert.equal(view.lineShift, doc.slice(0, view.start).split("\n").length - 1);
});

test("holdToBudget keeps the typed end of a long line (or the start after the cursor) within the budget", () => {
  const count = (t: string): number => Math.ceil(t.length / 3);
  const line = "x = [" + "1, ".repeat(3000);
  const end = holdToBudget(line, 100, "end", count);
  assert.ok(end.tokens <= 100 && end.tokens > 80, String(end.tokens));
  assert.ok(line.endsWith(end.text));
  const start = holdToBudget(line, 100, "start", count);
  assert.ok(line.startsWith(start.text) && start.tokens <= 100);
  assert.deepEqual(holdToBudget("short", 100, "end", count), { text: "short", tokens: 2, cut: 0 });
  assert.equal(holdToBudget(line, 0, "end", count).text, "");
});

test("the context ring finds a chunk from an offset hint exactly as by walking the lines", () => {
  for (const line of [0, 3, 700, 1990, 1999]) {
    const walked = new ContextRing();
    const hinted = new ContextRing();
    walked.addAround("file:///a.py", doc, line);
    hinted.addAround("file:///a.py", doc, line, doc.indexOf(`line_${line} =`) + 3);
    const pick = (r: ContextRing) => r.pick("line_1 line_700 line_1999 line_3", "file:///b.py", 10_000, (t) => t.length, (u) => u);
    assert.deepEqual(pick(hinted), pick(walked), `line ${line}`);
    assert.equal(pick(walked)[0]!.text.split("\n").length, 32);
  }
});
