/**
 * The pure parts of the Shield feature: diagnostics, fix edits and suppression comments,
 * checked without a language-server connection.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { DiagnosticSeverity } from "vscode-languageserver-protocol";
import { defaultScanner } from "../../server/shield/defaultScanner";
import { skipReason, toWireFinding } from "../../server/shield/feature";
import { codeActionsFor, suppressionEdit, toDiagnostic } from "../../server/shield/shieldActions";
import { suppressionComment } from "../../server/shield/suppression";

const { scanner } = defaultScanner();

async function actionsFor(text: string, languageId: string) {
  const findings = await scanner.scan(text, languageId);
  const diagnostics = findings.map(toDiagnostic);
  return { findings, diagnostics, actions: codeActionsFor("file:///x", text, languageId, diagnostics) };
}

test("a finding becomes a diagnostic with source, CWE code and link", async () => {
  const [finding] = await scanner.scan("import os\nos.system(cmd)\n", "python");
  assert.ok(finding);
  const d = toDiagnostic(finding);
  assert.equal(d.source, "Enclave Shield");
  assert.equal(d.code, "CWE-78");
  assert.equal(d.codeDescription?.href, "https://cwe.mitre.org/data/definitions/78.html");
  assert.equal(d.severity, DiagnosticSeverity.Error);
  assert.match(String(d.message), /\[python-os-system\]$/);
  assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 14 } });
  assert.deepEqual(Object.keys(toWireFinding(finding)).sort(), ["column", "cwe", "endColumn", "endLine", "line", "message", "ruleId", "severity"]);
});

test("the rule's fix becomes a preferred quick fix with the right edit", async () => {
  const text = "import yaml\n\ndef f(s):\n    return yaml.load(s)\n";
  const { actions } = await actionsFor(text, "python");
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix, "a fix is offered");
  assert.equal(fix.title, "Use yaml.safe_load");
  assert.deepEqual(fix.edit?.changes?.["file:///x"], [{ range: { start: { line: 3, character: 16 }, end: { line: 3, character: 20 } }, newText: "safe_load" }]);

  const tls = await actionsFor("requests.get(url, verify=False)\n", "python");
  const edit = tls.actions.find((a) => a.isPreferred)?.edit?.changes?.["file:///x"]?.[0];
  assert.equal(edit?.newText, "verify=True");

  const md5 = await actionsFor('const h = crypto.createHash("md5");\n', "typescript");
  assert.equal(md5.actions.find((a) => a.isPreferred)?.edit?.changes?.["file:///x"]?.[0]?.newText, '"sha256"');
});

test("suppress inserts a comment above the line with its indentation and the language's syntax", async () => {
  const py = "def f(cmd):\n    os.system(cmd)\n";
  const { actions } = await actionsFor(py, "python");
  const suppress = actions.find((a) => a.title === "Suppress python-os-system on this line");
  assert.ok(suppress);
  assert.deepEqual(suppress.edit?.changes?.["file:///x"], [
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: "    # enclave-ignore: python-os-system\n" },
  ]);
  assert.equal(suppressionComment("go", "\t\texec.Command(x)", "go-exec"), "\t\t// enclave-ignore: go-exec");
  assert.equal(suppressionComment("typescript", "  el.innerHTML = x;", "js-xss-sink"), "  // enclave-ignore: js-xss-sink");
});

test("a second suppression is appended to an existing enclave-ignore comment", () => {
  const lines = ["    # enclave-ignore: python-os-system", "    x = y"];
  assert.deepEqual(suppressionEdit(lines, 1, "python", "python-eval-exec"), {
    range: { start: { line: 0, character: 38 }, end: { line: 0, character: 38 } }, newText: ", python-eval-exec",
  });
});

test("enclave-ignore silences a rule on the same or the next line only", async () => {
  const text = [
    "os.system(a)  # enclave-ignore: python-os-system",
    "# enclave-ignore: python-os-system",
    "os.system(b)",
    "os.system(c)",
    "# enclave-ignore: python-eval-exec",
    "os.system(d)",
  ].join("\n");
  const lines = (await scanner.scan(text, "python")).map((f) => f.line);
  assert.deepEqual(lines, [3, 5]);
});

test("diagnostics from other sources get no Shield actions; oversized and binary texts are skipped", () => {
  const foreign = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: "x", source: "eslint" };
  assert.deepEqual(codeActionsFor("file:///x", "x", "javascript", [foreign]), []);
  assert.equal(skipReason("print(1)\n"), undefined);
  assert.match(skipReason("a\0b") ?? "", /binary/);
  assert.match(skipReason("x".repeat(1024 * 1024 + 1)) ?? "", /over/);
});
