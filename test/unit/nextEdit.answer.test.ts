import { test } from "node:test";
import assert from "node:assert/strict";
import { applyEdits, editsBetween, undoesLatestEdit } from "../../server/nextEdit/answerEdits";

const file = ["import x", "", "def total(items, tax):", "    s = sum(items)", "    return s * (1 + tax)", "", "print(total(a))", "print(total(b))"].join("\n");

test("an unchanged answer is no edit", () => {
  assert.deepEqual(editsBetween("a\nb", "a\nb", 3), []);
});

test("a changed call becomes one edit over exactly the changed characters, in document lines", () => {
  const window = file.split("\n").slice(6).join("\n");
  const rewritten = window.replace("total(b)", "total(b, tax=0.2)");
  const edits = editsBetween(window, rewritten, 6);
  assert.equal(edits.length, 1);
  assert.deepEqual(edits[0], { start: { line: 7, character: 13 }, end: { line: 7, character: 13 }, newText: ", tax=0.2" });
  assert.equal(applyEdits(file, edits), file.replace("total(b)", "total(b, tax=0.2)"));
});

test("several hunks, inserted and deleted lines, apply back to the rewritten window", () => {
  const window = file;
  const cases = [
    window.replace("import x\n", "import x\nimport y\n"),
    window.replace("\nprint(total(b))", ""),
    window.replace("    s = sum(items)\n", "").replace("print(total(a))", "print(total(a, 0))"),
    window + "\nprint(total(c))",
    "header\n" + window,
  ];
  for (const rewritten of cases) {
    const edits = editsBetween(window, rewritten, 0);
    assert.ok(edits.length >= 1);
    assert.equal(applyEdits(window, edits), rewritten, JSON.stringify(edits));
  }
});

test("a suggestion that only puts back what the user just changed is recognised as an undo", () => {
  const before = "def f(user):\n    return user\n";
  const now = "def f(user_id):\n    return user\n";
  const hunk = { startLine: 0, original: "def f(user):", updated: "def f(user_id):" };
  const undo = editsBetween(now, before, 0);
  assert.equal(undoesLatestEdit(now, undo, hunk), true);
  const follow = editsBetween(now, "def f(user_id):\n    return user_id\n", 0);
  assert.equal(undoesLatestEdit(now, follow, hunk), false);
});
