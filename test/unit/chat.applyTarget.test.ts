import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatRange } from "../../common/protocol";
import { chooseApplyTarget, mergeRegion, wholeLineReplacement, type ApplyTargetSources } from "../../src/chat/applyTarget";

const range = (a: number, b: number, c: number, d: number): ChatRange => ({ start: { line: a, character: b }, end: { line: c, character: d } });

/** Sources that record which of them were asked. */
function sources(answers: { question?: ChatRange; selection?: ChatRange; located?: { range: ChatRange; symbol: string } | null }) {
  const asked: string[] = [];
  const s: ApplyTargetSources = {
    question: () => (asked.push("question"), answers.question),
    selection: () => (asked.push("selection"), answers.selection),
    locate: async () => (asked.push("locate"), answers.located),
    mergeRegion: () => (asked.push("merge"), range(0, 0, 9, 3)),
  };
  return { s, asked };
}

test("the question's unchanged selection comes first, and nothing later is asked", async () => {
  const { s, asked } = sources({ question: range(2, 0, 4, 0), selection: range(7, 0, 8, 0), located: { range: range(1, 0, 1, 5), symbol: "f" } });
  assert.deepEqual(await chooseApplyTarget(s), { kind: "question", range: range(2, 0, 4, 0) });
  assert.deepEqual(asked, ["question"]);
});

test("then the editor's selection; the server is not asked", async () => {
  const { s, asked } = sources({ selection: range(7, 0, 8, 0), located: { range: range(1, 0, 1, 5), symbol: "f" } });
  assert.deepEqual(await chooseApplyTarget(s), { kind: "selection", range: range(7, 0, 8, 0) });
  assert.deepEqual(asked, ["question", "selection"]);
});

test("with nothing selected, the same-named definition; without one, a merge", async () => {
  const located = sources({ located: { range: range(3, 0, 4, 16), symbol: "add" } });
  assert.deepEqual(await chooseApplyTarget(located.s), { kind: "located", range: range(3, 0, 4, 16), symbol: "add" });
  assert.deepEqual(located.asked, ["question", "selection", "locate"]);
  for (const none of [null, undefined]) {
    const merged = sources({ located: none });
    assert.deepEqual(await chooseApplyTarget(merged.s), { kind: "merge", range: range(0, 0, 9, 3) });
    assert.deepEqual(merged.asked, ["question", "selection", "locate", "merge"]);
  }
});

test("a small file is merged whole; a long one in a bounded window around the cursor, cut at blank lines", () => {
  const small = ["import os", "", "def f():", "    pass"];
  assert.deepEqual(mergeRegion(small, 2), range(0, 0, 3, 8));
  // 300 lines: a function of 5 lines, then a blank line, repeated.
  const long = Array.from({ length: 300 }, (_, i) => (i % 6 === 5 ? "" : `line ${i}`));
  const region = mergeRegion(long, 150, 80);
  assert.ok(region.start.line <= 150 && region.end.line >= 150, JSON.stringify(region));
  assert.ok(region.end.line - region.start.line + 1 <= 80, JSON.stringify(region));
  assert.equal(long[region.start.line - 1], "", "the region starts after a blank line");
  assert.equal(long[region.end.line + 1], "", "the region ends before a blank line");
  // No blank line anywhere: the plain window, clamped to the file.
  const dense = Array.from({ length: 200 }, (_, i) => `x${i}`);
  assert.deepEqual(mergeRegion(dense, 199, 80), range(120, 0, 199, 4));
  assert.deepEqual(mergeRegion(dense, 0, 80), range(0, 0, 79, 3));
});

test("a replacement widens to whole lines and keeps what the range left of its first and last line", () => {
  const lines = ["def f():", "    return g(1, 2)", "", "x = 1"];
  // A mid-line selection: "g(1, 2)" becomes "h()".
  assert.deepEqual(wholeLineReplacement(lines, range(1, 11, 1, 18), "h()", "\n"), { range: range(1, 0, 1, 18), originalText: "    return g(1, 2)", newText: "    return h()" });
  // Shift+Down selection of lines 0-1 (ends at character 0 of line 2); the block's final newline goes.
  assert.deepEqual(wholeLineReplacement(lines, range(0, 0, 2, 0), "def f():\n    return 3\n", "\n"), {
    range: range(0, 0, 1, 18), originalText: "def f():\n    return g(1, 2)", newText: "def f():\n    return 3",
  });
  assert.equal(wholeLineReplacement(["a", "b"], range(0, 0, 1, 1), "c\r\nd\r\n", "\r\n").originalText, "a\r\nb");
});
