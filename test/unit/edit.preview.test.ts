// The pure parts of inline edit's in-place review: the line diff, the streaming layout (kept,
// removed, new and not-yet-reached lines), and how a region moves under someone else's edits.
import { test } from "node:test";
import assert from "node:assert/strict";
import { diffLines } from "../../src/edit/lineDiff";
import { layoutPreview, splitLines } from "../../src/edit/editPreview";
import { mapSpan } from "../../src/edit/mapSpan";

const kinds = (ops: readonly { kind: string; text: string }[]): string[] => ops.map((o) => `${o.kind[0]} ${o.text}`);

test("diffLines keeps common lines and lists each hunk's removals before its additions", () => {
  const before = ["def f(a):", "    x = a", "    return x", ""];
  const after = ["def f(a: int) -> int:", "    x = a", "    y = x * 2", "    return y", ""];
  assert.deepEqual(kinds(diffLines(before, after)), [
    "r def f(a):", "a def f(a: int) -> int:", "s     x = a", "r     return x", "a     y = x * 2", "a     return y", "s ",
  ]);
  assert.deepEqual(kinds(diffLines(["a"], ["a"])), ["s a"]);
  assert.deepEqual(kinds(diffLines([], ["a"])), ["a a"]);
  assert.deepEqual(kinds(diffLines(["a", "b"], [])), ["r a", "r b"]);
});

test("the diff of every line pair reproduces both sides", () => {
  const before = ["a", "b", "c", "d", "e", "b", "c"];
  const after = ["b", "x", "c", "d", "y", "e", "c", "z"];
  const ops = diffLines(before, after);
  assert.deepEqual(ops.filter((o) => o.kind !== "added").map((o) => o.text), before);
  assert.deepEqual(ops.filter((o) => o.kind !== "removed").map((o) => o.text), after);
  assert.equal(ops.filter((o) => o.kind === "same").length, 5, "a longest common subsequence");
});

test("while streaming, original lines the rewrite has not reached are pending, not removed", () => {
  const original = ["def f():", "    a = 1", "    b = 2", "    return a + b"];
  const half = layoutPreview(original, ["def f():", "    a = 10"], false);
  assert.deepEqual(half.lines.map((l) => `${l.kind} ${l.text}`), [
    "same def f():", "removed     a = 1", "added     a = 10", "pending     b = 2", "pending     return a + b",
  ]);
  assert.deepEqual(half.newLineAt, [0, 2]);
  const done = layoutPreview(original, ["def f():", "    a = 10"], true);
  assert.deepEqual(done.lines.map((l) => l.kind), ["same", "removed", "removed", "removed", "added"], "done: a plain diff");
  const nothingYet = layoutPreview(original, [], false);
  assert.deepEqual(nothingYet.lines.map((l) => l.kind), ["pending", "pending", "pending", "pending"]);
});

test("splitLines treats a final line break as the end of the last line", () => {
  assert.deepEqual(splitLines("a\r\nb\n"), ["a", "b"]);
  assert.deepEqual(splitLines("a\n\n"), ["a", ""]);
  assert.deepEqual(splitLines("a"), ["a"]);
  assert.deepEqual(splitLines(""), []);
});

test("mapSpan moves a region through edits before it and leaves edits after or beside it outside", () => {
  const span = { start: 10, length: 5 };
  assert.deepEqual(mapSpan(span, [{ rangeOffset: 2, rangeLength: 0, text: "xyz" }]), { start: 13, length: 5 });
  assert.deepEqual(mapSpan(span, [{ rangeOffset: 2, rangeLength: 4, text: "" }]), { start: 6, length: 5 });
  assert.deepEqual(mapSpan(span, [{ rangeOffset: 20, rangeLength: 1, text: "" }]), span);
  assert.deepEqual(mapSpan(span, [{ rangeOffset: 10, rangeLength: 0, text: "ab" }]), { start: 12, length: 5 }, "typed at its start: outside");
  assert.deepEqual(mapSpan(span, [{ rangeOffset: 15, rangeLength: 0, text: "ab" }]), span, "typed at its end: outside");
  assert.deepEqual(mapSpan(span, [{ rangeOffset: 12, rangeLength: 1, text: "abc" }]), { start: 10, length: 7 }, "inside: the region grows");
  assert.deepEqual(mapSpan(span, [{ rangeOffset: 8, rangeLength: 4, text: "Q" }]), { start: 8, length: 4 }, "overlapping its start");
  assert.deepEqual(mapSpan(span, [{ rangeOffset: 30, rangeLength: 0, text: "z" }, { rangeOffset: 0, rangeLength: 0, text: "yy" }]), { start: 12, length: 5 });
});
