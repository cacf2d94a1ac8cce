import { test } from "node:test";
import assert from "node:assert/strict";
import { EditHistory, changedLines } from "../../server/nextEdit/editHistory";

/** Types `word` one character at a time at `offset`, as an editor would send it. */
function type(history: EditHistory, uri: string, text: string, offset: number, word: string): string {
  let t = text;
  for (let i = 0; i < word.length; i++) {
    t = t.slice(0, offset + i) + word[i] + t.slice(offset + i);
    history.changed(uri, t);
  }
  return t;
}

test("changedLines widens a change to whole lines, and is undefined for equal texts", () => {
  assert.equal(changedLines("a\nb\nc", "a\nb\nc"), undefined);
  assert.deepEqual(changedLines("a\nfoo(x)\nc", "a\nfoo(x, y)\nc"), { startLine: 1, oldLineCount: 1, newLineCount: 1, oldLines: "foo(x)", newLines: "foo(x, y)" });
  const inserted = changedLines("a\nc", "a\nb\nc")!;
  assert.equal(inserted.startLine, 1);
  assert.equal(inserted.newLines.split("\n").length, inserted.newLineCount);
});

test("a word typed one key at a time is one hunk, not one per key", () => {
  let clock = 0;
  const h = new EditHistory(undefined, () => (clock += 100));
  const uri = "file:///a.py";
  const text = "def f(user):\n    return user.name\n";
  h.opened(uri, text);
  type(h, uri, text, "def f(user".length, "_id");
  const hunks = h.recent();
  assert.equal(hunks.length, 1);
  assert.equal(hunks[0]!.original, "def f(user):");
  assert.equal(hunks[0]!.updated, "def f(user_id):");
  assert.equal(hunks[0]!.startLine, 0);
});

test("a pause or a jump elsewhere starts a new hunk; older hunks move with lines inserted above them", () => {
  let clock = 0;
  const h = new EditHistory(undefined, () => clock);
  const uri = "file:///a.ts";
  let text = "a\nb\nc\nd\ne\nf\n";
  h.opened(uri, text);
  text = type(h, uri, text, text.indexOf("e"), "x");
  clock += 60_000;
  text = type(h, uri, text, 0, "new line\n");
  const hunks = h.recent();
  assert.equal(hunks.length, 2);
  assert.equal(hunks[0]!.updated, "xe");
  assert.equal(hunks[0]!.startLine, 5, "the first hunk moved down by the inserted line");
});

test("typing a word and deleting it again leaves no hunk", () => {
  const h = new EditHistory(undefined, () => 0);
  const uri = "file:///a.go";
  const text = "package main\n";
  h.opened(uri, text);
  const typed = type(h, uri, text, text.length - 1, "xy");
  h.changed(uri, typed.slice(0, text.length - 1) + "x\n");
  h.changed(uri, text);
  assert.deepEqual(h.recent(), []);
});

test("history is bounded: hunk count, hunk size, and huge files are not diffed", () => {
  let clock = 0;
  const h = new EditHistory({ maxHunks: 3, maxHunkChars: 10, coalesceMs: 1, maxFileChars: 1000, maxViewed: 2 }, () => (clock += 10));
  const uri = "file:///a.c";
  let text = Array.from({ length: 20 }, (_, i) => `line${i}`).join("\n");
  h.opened(uri, text);
  for (let i = 0; i < 6; i++) {
    const at = text.indexOf(`line${i * 3}`);
    text = text.slice(0, at) + "X".repeat(30) + text.slice(at);
    h.changed(uri, text);
  }
  assert.equal(h.recent().length, 3);
  assert.ok(h.recent().every((x) => x.updated.length <= 12), "each side cut to the limit (plus the mark)");
  h.opened("file:///big", "x".repeat(2000));
  h.changed("file:///big", "y".repeat(2000));
  assert.equal(h.recent().filter((x) => x.uri === "file:///big").length, 0);
  for (let i = 0; i < 5; i++) h.viewed({ uri, startLine: i, endLine: i + 10 });
  assert.equal(h.viewedRecently().length, 2);
  assert.equal(h.viewedRecently()[0]!.startLine, 4, "most recent first");
});

test("older hunks keep only what is ever read of them: edits of a huge line do not pile up", () => {
  let clock = 0;
  const h = new EditHistory({ maxHunks: 16, maxHunkChars: 4000, coalesceMs: 1, maxFileChars: 2_000_000, maxViewed: 2 }, () => (clock += 10));
  const uri = "file:///minified.js";
  let text = "a".repeat(1_000_000);
  h.opened(uri, text);
  for (let i = 0; i < 16; i++) {
    text = `${i}${text}`;
    h.changed(uri, text);
  }
  const held = (h as unknown as { hunks: Array<{ original: string; updated: string }> }).hunks;
  assert.equal(held.length, 16);
  const older = held.slice(0, -1).reduce((n, x) => n + x.original.length + x.updated.length, 0);
  assert.ok(older <= 15 * 2 * 4002, `older hunks hold ${older} characters`);
  assert.equal(held.at(-1)!.updated.length, text.length, "the newest hunk is whole (it may still grow)");
  assert.deepEqual(h.recent().map((x) => x.updated.length), Array.from({ length: 16 }, () => 4002), "what is read is unchanged");
});
