/**
 * Golden quick-fix cases (test/fixtures/shield/fixes/NAME.before.EXT → NAME.after.EXT): the
 * first quick fix offered for the file's first fixable finding is the rule's real fix, preferred,
 * with suppression last; applying it (imports included) gives exactly the after text, which
 * parses without errors and scans clean. Findings without a mechanical fix offer "Fix with
 * Enclave" first.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { CodeAction, TextEdit } from "vscode-languageserver-protocol";
import { ShieldFixWithModelCommand } from "../../common/protocol";
import { languageByExtension } from "../../server/syntax/languages";
import { ensureLanguage, parseSync } from "../../server/syntax/parser";
import { defaultScanner } from "../../server/shield/defaultScanner";
import { codeActionsFor, toDiagnostic } from "../../server/shield/shieldActions";

const dir = path.resolve(__dirname, "../../../test/fixtures/shield/fixes");
const { scanner } = defaultScanner();
const uri = "file:///case";

/** Applies non-overlapping LSP edits to a text (end to start, so earlier offsets stay valid). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split("\n");
  const offset = (p: { line: number; character: number }): number => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

async function actionsFor(text: string, languageId: string): Promise<{ actions: CodeAction[]; ruleIds: string[] }> {
  const findings = await scanner.scan(text, languageId);
  return { actions: codeActionsFor(uri, text, languageId, findings.map(toDiagnostic)), ruleIds: findings.map((f) => f.ruleId) };
}

const cases = fs.readdirSync(dir).filter((f) => f.includes(".before.")).sort();

test("there are golden fix cases for Python, Java and C", () => {
  const exts = new Set(cases.map((c) => path.extname(c)));
  for (const ext of [".py", ".java", ".c"]) assert.ok(exts.has(ext), `a case for ${ext}`);
});

for (const file of cases) {
  test(`golden fix: ${file}`, async () => {
    const before = fs.readFileSync(path.join(dir, file), "utf8");
    const expected = fs.readFileSync(path.join(dir, file.replace(".before.", ".after.")), "utf8");
    const languageId = languageByExtension[path.extname(file)]!;
    const { actions, ruleIds } = await actionsFor(before, languageId);
    assert.ok(ruleIds.length > 0, `${file} has a finding`);

    const first = actions[0]!;
    assert.ok(first.isPreferred, `the first action (${first.title}) is preferred`);
    assert.ok(first.edit, `the first action (${first.title}) is a real edit, not a suppression or a command`);
    assert.doesNotMatch(first.title, /^Suppress/);
    assert.match(actions.at(-1)!.title, /^Suppress /, "suppression comes last");
    // VS Code puts actions without diagnostics after every provider's actions with them.
    assert.equal(actions.at(-1)!.diagnostics, undefined, "suppression carries no diagnostics, so it sorts last in the editor too");
    const firstSuppression = actions.findIndex((a) => /^Suppress /.test(a.title));
    assert.ok(actions.slice(firstSuppression).every((a) => /^Suppress /.test(a.title)), "nothing follows the suppressions");

    const after = applyEdits(before, first.edit.changes![uri]!);
    assert.equal(after, expected);

    assert.ok(await ensureLanguage(languageId));
    const tree = parseSync(after, languageId)!;
    try {
      assert.equal(tree.hasError, false, "the fixed text parses without ERROR nodes");
    } finally {
      tree.dispose();
    }
    assert.deepEqual((await scanner.scan(after, languageId)).map((f) => `${f.ruleId}@${f.line + 1}`), [], "the fixed text scans clean");
  });
}

test("Python fixes that need no import add none, and an import is never added twice", async () => {
  const text = "import ast\nimport ast as a2\n\nx = eval(s)\n";
  const { actions } = await actionsFor(text, "python");
  assert.equal(actions[0]!.edit!.changes![uri]!.length, 1, "only the replacement: import ast is there");
});

test("findings without a mechanical fix offer Fix with Enclave first and suppression last", async () => {
  for (const [text, languageId, ruleId] of [
    ["import pickle\n\ndef load(data):\n    return pickle.loads(data)\n", "python", "python-unsafe-deserialization"],
    ["#include <string.h>\nvoid f(char *src) {\n    char dst[8];\n    strcpy(dst, src);\n}\n", "c", "c-strcpy-unbounded"],
  ] as const) {
    const { actions, ruleIds } = await actionsFor(text, languageId);
    assert.ok(ruleIds.includes(ruleId), `${ruleId} is found in ${JSON.stringify(text)} (found ${ruleIds.join(", ")})`);
    const first = actions[0]!;
    assert.equal(first.command?.command, ShieldFixWithModelCommand.command, `${ruleId}: first is ${first.title}`);
    assert.ok(first.isPreferred);
    assert.deepEqual((first.command!.arguments![0] as { ruleId: string }).ruleId, ruleIds[0]);
    assert.match(actions.at(-1)!.title, /^Suppress /);
  }
});

test("diagnostic messages start with a short title and keep the details after it", async () => {
  const [finding] = await scanner.scan("import os\nos.system(cmd)\n", "python");
  const message = String(toDiagnostic(finding!).message);
  const [title, details] = message.split("\n");
  assert.equal(title, "Command injection (CWE-78): os.system/os.popen run their argument through the shell");
  assert.match(details!, /^A command built from variables allows command injection\. .*\[python-os-system\]$/);
});
