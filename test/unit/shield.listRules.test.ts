/**
 * `enclave scan --list-rules [--json]` and alsoCwe on the way out: the rule list names every
 * rule with its CWEs, languages, fix and the Code Shield rules it ports, and a finding whose rule
 * has further CWEs shows them in the diagnostic, the --json output and SARIF.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runScanCommand } from "../../server/shield/scanCommand";
import { defaultScanner } from "../../server/shield/defaultScanner";
import { toDiagnostic } from "../../server/shield/shieldActions";
import { toWireFinding } from "../../server/shield/feature";

async function run(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runScanCommand(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

test("--list-rules --json lists every rule with CWEs, languages, severity, ICD ids and fix", async () => {
  const { code, stdout } = await run(["--list-rules", "--json"], os.tmpdir());
  assert.equal(code, 0);
  const listed = JSON.parse(stdout) as { id: string; languages: string[]; cwe: string; alsoCwe: string[]; severity: string; icd: string[]; hasFix: boolean }[];
  assert.equal(listed.length, defaultScanner().scanner.rules.length);
  const evalRule = listed.find((r) => r.id === "python-eval-exec");
  assert.deepEqual(evalRule, { id: "python-eval-exec", languages: ["python"], cwe: "CWE-94", alsoCwe: ["CWE-95"], severity: "error", icd: ["insecure-eval-use", "insecure-exec-use"], hasFix: true });
  assert.deepEqual(listed.map((r) => r.id), [...listed.map((r) => r.id)].sort());
});

test("--list-rules prints a table and refuses paths", async () => {
  const text = await run(["--list-rules"], os.tmpdir());
  assert.equal(text.code, 0);
  assert.match(text.stdout, /^python-eval-exec +error +CWE-94,CWE-95 +python +fix +icd: insecure-eval-use insecure-exec-use$/m);
  assert.match(text.stdout, /^\d+ rules$/m);
  const bad = await run(["--list-rules", "src"], os.tmpdir());
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--list-rules takes no PATH/);
});

test("alsoCwe reaches the diagnostic, the wire finding, --json and SARIF", async () => {
  const [finding] = await defaultScanner().scanner.scan("def f(expr):\n    return eval(expr)\n", "python");
  assert.ok(finding);
  assert.deepEqual([finding.cwe, finding.alsoCwe], ["CWE-94", ["CWE-95"]]);
  assert.match(String(toDiagnostic(finding).message), /\[python-eval-exec; also CWE-95\]$/);
  assert.deepEqual(toWireFinding(finding).alsoCwe, ["CWE-95"]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-also-"));
  try {
    fs.writeFileSync(path.join(dir, "app.py"), "def f(expr):\n    return eval(expr)\n");
    const { stdout } = await run(["--json", "--sarif", "out.sarif", "app.py"], dir);
    const [json] = JSON.parse(stdout) as { cwe: string; alsoCwe?: string[] }[];
    assert.deepEqual([json?.cwe, json?.alsoCwe], ["CWE-94", ["CWE-95"]]);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, "out.sarif"), "utf8"));
    const result = sarif.runs[0].results[0];
    assert.match(result.message.text, /\(CWE-94, CWE-95\)$/);
    assert.deepEqual(result.properties, { cwe: "CWE-94", alsoCwe: ["CWE-95"] });
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === "python-eval-exec");
    assert.ok(rule.properties.tags.includes("external/cwe/cwe-95"));
    assert.deepEqual(rule.properties.codeShieldRules, ["insecure-eval-use", "insecure-exec-use"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
