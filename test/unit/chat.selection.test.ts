import { test } from "node:test";
import assert from "node:assert/strict";
import { countsAsProblem, selectedLines, selectionLabel } from "../../src/chat/selectionFacts";

test("a selection ending at column 0 of the next line does not count that line", () => {
  // Lines 4-5 selected with Shift+Down twice from the start of line 4 (0-based 3..5:0).
  assert.deepEqual(selectedLines({ line: 3, character: 0 }, { line: 5, character: 0 }), { first: 4, last: 5 });
  assert.equal(selectionLabel("app.py", { line: 3, character: 0 }, { line: 5, character: 0 }), "app.py:4-5");
  // Ending inside line 6 does count it.
  assert.equal(selectionLabel("app.py", { line: 3, character: 0 }, { line: 5, character: 1 }), "app.py:4-6");
  // One line, whole (Shift+Down once) or partly: a single number.
  assert.equal(selectionLabel("app.py", { line: 3, character: 0 }, { line: 4, character: 0 }), "app.py:4");
  assert.equal(selectionLabel("app.py", { line: 3, character: 2 }, { line: 3, character: 9 }), "app.py:4");
  // An empty selection at a line start is its own line, not the one before.
  assert.deepEqual(selectedLines({ line: 3, character: 0 }, { line: 3, character: 0 }), { first: 4, last: 4 });
});

test("errors, warnings and information count as problems; hints do not", () => {
  // vscode.DiagnosticSeverity: Error 0, Warning 1, Information 2, Hint 3.
  assert.deepEqual([0, 1, 2, 3].map(countsAsProblem), [true, true, true, false]);
});
