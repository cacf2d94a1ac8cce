import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { TextDocument } from "vscode-languageserver-textdocument";
import { CodeActionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, type CodeAction, type TextEdit } from "vscode-languageserver-protocol/node";
import { ShieldScanRequest } from "../../common/protocol";
import { startServer } from "./harness";

const uri = pathToFileURL("/tmp/enclave-shield-test/app.py").href;
const text = [
  "import os, yaml",
  "",
  "def handle(request, user_input):",
  "    config = yaml.load(request.body)",
  "    os.system(user_input)",
  "    os.system(\"ls -l\")  # a constant command is fine",
  "",
].join("\n");

test("Shield publishes diagnostics on open documents, offers fixes and suppressions, and answers scans", async () => {
  const server = await startServer({ model: "" });
  try {
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "python", version: 1, text } });
    const diagnostics = await server.waitForDiagnostics(uri, (d) => d.length >= 2);
    assert.ok(diagnostics.every((d) => d.source === "Enclave Shield"));
    const system = diagnostics.find((d) => d.code === "CWE-78");
    assert.ok(system, JSON.stringify(diagnostics));
    assert.equal(system.range.start.line, 4);
    assert.equal(system.codeDescription?.href, "https://cwe.mitre.org/data/definitions/78.html");
    assert.ok(!diagnostics.some((d) => d.range.start.line === 5), "the constant command is not flagged");

    // The yaml.load finding has a mechanical fix; applying it makes the finding go away.
    const yamlFinding = diagnostics.find((d) => d.range.start.line === 3)!;
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: yamlFinding.range, context: { diagnostics: [yamlFinding] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.kind === "quickfix" && /safe_load/.test(a.title));
    const suppress = actions.find((a) => /Suppress/.test(a.title));
    assert.ok(fix && suppress, JSON.stringify(actions.map((a) => a.title)));
    const edits = fix.edit!.changes![uri]! as TextEdit[];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, "python", 1, text), edits);
    assert.match(fixed, /yaml\.safe_load\(request\.body\)/);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.range.start.line === 3));
    assert.ok(after.some((d) => d.code === "CWE-78"));

    // The suppression comment silences that rule on that line.
    const suppressed = TextDocument.applyEdits(TextDocument.create(uri, "python", 2, fixed), suppress.edit!.changes![uri]! as TextEdit[]);
    assert.match(suppressed, /    # enclave-ignore: python-yaml-load\n    config = yaml\.safe_load/);

    const findings = await server.connection.sendRequest(ShieldScanRequest.type, { text: "eval(user_code)\neval('1+1')\n", languageId: "python" });
    // Code Shield's CWE first (CWE-94), Enclave's narrower judgement (CWE-95) as alsoCwe.
    assert.deepEqual(findings.map((f) => [f.line, f.cwe, f.alsoCwe]), [[0, "CWE-94", ["CWE-95"]]]);
  } finally {
    await server.stop();
  }
});
