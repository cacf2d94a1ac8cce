/**
 * The pure parts of the secure generation loop: the repair prompt replaces only the cursor line
 * (so the KV cache keeps the rest), the repaired line must continue what was typed, and a chat
 * block is replaced in place, fences and indentation kept.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cursorLine } from "../../server/completion/cursorLine";
import { feedbackEnding, repairedSuggestion, repairFeedback, repairPrompt } from "../../server/completion/shieldRepair";
import { replaceBlock } from "../../server/chat/chatRepair";
import { codeFromAnswer } from "../../server/shield/fixWithModel";
import { viewOfStats } from "../../src/completion/completionView";

const finding = { ruleId: "python-os-system", cwe: "CWE-78", severity: "error" as const, message: "os.system/os.popen run their argument through the shell; a command built from variables allows command injection." };

test("the feedback names the line, the finding's title and the CWE, and ends with the fixed words", () => {
  const feedback = repairFeedback(finding, 3);
  assert.equal(feedback, `Shield, line 4: Command injection (CWE-78): os.system/os.popen run their argument through the shell; ${feedbackEnding}`);
});

test("the repair prompt keeps every piece but the cursor line, which becomes the feedback comment", () => {
  const text = "import os\n\ndef run(x):\n    shell\n";
  const cursor = cursorLine(text, text.indexOf("shell") + 5);
  const prompt = [{ token: "fimPrefix" as const }, "import os\n\ndef run(x):\n", { token: "fimMiddle" as const }, "    shell"];
  const repaired = repairPrompt(prompt, cursor, "python", "FEEDBACK");
  assert.deepEqual(repaired.slice(0, 3), prompt.slice(0, 3));
  assert.equal(repaired[3], "    # FEEDBACK");
  // An empty line prefix (the middle token ends the prompt) gets the comment as a new piece.
  const empty = cursorLine("x\n", 2);
  assert.deepEqual(repairPrompt([{ token: "fimMiddle" }], empty, "typescript", "F"), [{ token: "fimMiddle" }, "// F"]);
});

test("a repaired line is shown only when it continues what was typed", () => {
  const text = "def run(x):\n    shell\n";
  const cursor = cursorLine(text, text.indexOf("shell") + 5);
  assert.equal(repairedSuggestion("\n    shell_status = run(x)\n    more", cursor, false), "_status = run(x)");
  assert.equal(repairedSuggestion("\n    shell_status = run(x)\n    more", cursor, true), "_status = run(x)\n    more");
  assert.equal(repairedSuggestion("\n    status = run(x)", cursor, false), undefined, "the typed word is gone");
  assert.equal(repairedSuggestion("\n    shell", cursor, false), undefined, "nothing new");
});

test("a chat block is replaced in place, other blocks and prose untouched", () => {
  const answer = "Intro\n\n```python\nok()\n```\n\n1. Step\n   ```python\n   bad()\n   more()\n   ```\nEnd";
  assert.equal(replaceBlock(answer, 2, "good()\nfine()"), "Intro\n\n```python\nok()\n```\n\n1. Step\n   ```python\n   good()\n   fine()\n   ```\nEnd");
  assert.equal(replaceBlock(answer, 1, "x()"), answer.replace("ok()", "x()"));
  assert.equal(replaceBlock(answer, 3, "x()"), answer, "no third block: unchanged");
});

test("a model's answer gives its first fenced block, or the whole text without one", () => {
  assert.equal(codeFromAnswer("Sure:\n```py\na = 1\n```\nand\n```py\nb\n```"), "a = 1");
  assert.equal(codeFromAnswer("    a = 1\n"), "    a = 1");
  assert.equal(codeFromAnswer("  \n"), undefined);
});

test("the status bar says a suggestion was repaired, naming the CWE, and explains it in the tooltip", () => {
  const view = viewOfStats({ repaired: { ruleId: "python-os-system", cwe: "CWE-78", severity: "error", message: "shell" } })!;
  assert.equal(view.text, "$(shield) Shield repaired a suggestion: CWE-78");
  assert.match(view.tooltip, /first suggestion had python-os-system \(CWE-78\)[\s\S]*asked again/);
});
