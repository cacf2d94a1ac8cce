import { test } from "node:test";
import assert from "node:assert/strict";
import { insertsAt, shiftAfter } from "../../src/nextEdit/shiftEdits";

const edit = (sl: number, sc: number, el: number, ec: number, newText: string) => ({ range: { start: { line: sl, character: sc }, end: { line: el, character: ec } }, newText });

test("the rest of a suggestion moves with an accepted edit: lines added above, characters on the same line", () => {
  // "fetch" -> "load" on line 9 shortens the line by one: a later edit on line 9 moves left by one.
  assert.deepEqual(shiftAfter([edit(9, 20, 9, 25, "x"), edit(13, 8, 13, 13, "load")], edit(9, 10, 9, 15, "load")), [edit(9, 19, 9, 24, "x"), edit(13, 8, 13, 13, "load")]);
  // Two lines inserted on line 2 push everything below down by two.
  assert.deepEqual(shiftAfter([edit(5, 4, 5, 8, "y")], edit(2, 0, 2, 0, "a\nb\n")), [edit(7, 4, 7, 8, "y")]);
  // A deleted line pulls the rest up.
  assert.deepEqual(shiftAfter([edit(5, 0, 5, 3, "z")], edit(3, 0, 4, 0, "")), [edit(4, 0, 4, 3, "z")]);
});

test("only a same-line insertion exactly at the cursor can be ghost text", () => {
  assert.equal(insertsAt(edit(3, 7, 3, 7, ", tax"), { line: 3, character: 7 }), true);
  assert.equal(insertsAt(edit(3, 7, 3, 9, "x"), { line: 3, character: 7 }), false);
  assert.equal(insertsAt(edit(3, 7, 3, 7, "a\nb"), { line: 3, character: 7 }), false);
  assert.equal(insertsAt(edit(3, 7, 3, 7, "x"), { line: 3, character: 8 }), false);
});
