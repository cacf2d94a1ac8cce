/**
 * The `enclave scan` contract, run in-process on test/fixtures/shield: JSON fields and
 * 1-based positions, relative paths, skips (node_modules, binaries, oversized files),
 * exit codes 0/1/2 and the SARIF shape.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runScanCommand } from "../../server/shield/scanCommand";

const fixtures = path.resolve(__dirname, "../../../test/fixtures/shield");

async function scan(argv: string[], cwd = fixtures): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runScanCommand(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd });
  return { code, stdout, stderr };
}

interface JsonFinding {
  path: string; line: number; column: number; endLine: number; endColumn: number;
  ruleId: string; cwe: string; severity: string; message: string;
}

test("--json prints the findings with 1-based positions and relative paths", async () => {
  const { code, stdout, stderr } = await scan(["--json", "project"]);
  assert.equal(code, 1, "error findings fail the run by default");
  const findings = JSON.parse(stdout) as JsonFinding[];
  assert.ok(Array.isArray(findings));
  const keys = ["path", "line", "column", "endLine", "endColumn", "ruleId", "cwe", "severity", "message"];
  for (const f of findings) {
    assert.deepEqual(Object.keys(f).filter((k) => k !== "alsoCwe").sort(), [...keys].sort());
    assert.ok(!path.isAbsolute(f.path) && f.path.startsWith("project/"), f.path);
    assert.match(f.cwe, /^CWE-\d+$/);
    assert.ok(f.line >= 1 && f.column >= 1 && f.endLine >= f.line);
  }
  const system = findings.find((f) => f.ruleId === "python-os-system");
  assert.deepEqual(system && { path: system.path, line: system.line, column: system.column }, { path: "project/app.py", line: 6, column: 5 });
  assert.ok(findings.some((f) => f.path === "project/web/server.js" && f.ruleId === "js-tls-verify-disabled"));
  assert.ok(!findings.some((f) => f.path.includes("node_modules")), "node_modules is skipped");
  assert.match(stderr, /node_modules: skipped/);
  assert.match(stderr, /blob\.js: skipped \(binary\)/);
});

test("the text output lists path:line:col and a summary", async () => {
  const { stdout } = await scan(["project/app.py", "--fail-on", "never"]);
  assert.match(stdout, /^project\/app\.py:6:5 error python-os-system CWE-78 /m);
  assert.match(stdout, /^2 findings \(1 error, 1 warning, 0 info\) in 1 file scanned, 0 skipped$/m);
});

test("exit codes follow --fail-on", async () => {
  assert.equal((await scan(["project/clean"])).code, 0, "no findings");
  assert.equal((await scan(["--fail-on", "never", "project"])).code, 0);
  assert.equal((await scan(["--fail-on=warning", "project/app.py"])).code, 1);
  const js = await scan(["--json", "--fail-on", "error", "project/clean/ok.py"]);
  assert.equal(js.code, 0);
  assert.deepEqual(JSON.parse(js.stdout), []);
});

test("usage errors exit 2 with a usage message", async () => {
  for (const argv of [[], ["--bogus", "project"], ["--fail-on", "loud", "project"], ["--language", "cobol", "project"], ["missing-dir"], ["--sarif"]]) {
    const { code, stderr } = await scan(argv);
    assert.equal(code, 2, argv.join(" "));
    assert.match(stderr, /usage: enclave scan/);
  }
  const help = await scan(["--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /usage: enclave scan/);
});

test("--language overrides the extension, oversized files are skipped", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-shield-"));
  try {
    fs.writeFileSync(path.join(dir, "script.txt"), "import os\nos.system(cmd)\n");
    fs.writeFileSync(path.join(dir, "big.py"), `x = 1\n${"# padding line\n".repeat(80_000)}os.system(cmd)\n`);
    const asPython = await scan(["--json", "--language", "python", "script.txt"], dir);
    assert.equal((JSON.parse(asPython.stdout) as JsonFinding[])[0]?.ruleId, "python-os-system");
    const big = await scan(["--json", "."], dir);
    assert.deepEqual(JSON.parse(big.stdout), []);
    assert.match(big.stderr, /big\.py: skipped \(\d+ bytes is over/);
    assert.equal(big.code, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("--sarif writes SARIF 2.1.0", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-sarif-"));
  try {
    const file = path.join(dir, "out.sarif");
    const { code } = await scan(["--sarif", file, "project"]);
    assert.equal(code, 1);
    const log = JSON.parse(fs.readFileSync(file, "utf8"));
    assert.equal(log.version, "2.1.0");
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, "Enclave Shield");
    const ruleIds = new Set(run.tool.driver.rules.map((r: { id: string }) => r.id));
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.help.text.length > 0);
      assert.ok(rule.properties.tags.some((t: string) => /^CWE-\d+$/.test(t)));
    }
    assert.ok(run.results.length >= 4);
    for (const result of run.results) {
      assert.ok(ruleIds.has(result.ruleId));
      assert.ok(["error", "warning", "note"].includes(result.level));
      const loc = result.locations[0].physicalLocation;
      assert.match(loc.artifactLocation.uri, /^project\//);
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("an unwritable --sarif path exits 2 naming it before the scan, never with a stack", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-sarif-"));
  try {
    for (const target of [path.join(dir, "missing", "out.sarif"), dir]) {
      const { code, stdout, stderr } = await scan(["--sarif", target, "project"]);
      assert.equal(code, 2, target);
      assert.match(stderr, /^enclave scan: --sarif .*: (the folder .* does not exist|is a directory)\n$/, stderr);
      assert.equal(stdout, "", "nothing is scanned when its log cannot be written");
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("file names from the scanned code cannot forge lines or send escape sequences in the text output; JSON keeps them", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-names-"));
  try {
    const forged = "a.py:1:1 info forged\nb.py";
    fs.writeFileSync(path.join(dir, forged), "import os\nos.system(input())\n");
    fs.writeFileSync(path.join(dir, "\u001b[2Jc\u202e.py"), "eval(input())\n");
    const text = await scan(["."], dir);
    const lines = text.stdout.trimEnd().split("\n");
    assert.equal(lines.length, 3, `two findings and the summary, nothing forged:\n${text.stdout}`);
    assert.doesNotMatch(text.stdout, /[\u001b\u202e]/);
    assert.ok(lines.some((l) => l.startsWith("./a.py:1:1 info forged\\nb.py:2:1 error python-os-system")) || lines.some((l) => l.startsWith("a.py:1:1 info forged\\nb.py:2:1 error")), text.stdout);
    assert.ok(lines.some((l) => l.includes("\\x1b[2Jc\\u202e.py:1:1 error python-eval-exec")), text.stdout);
    const json = JSON.parse((await scan(["--json", "."], dir)).stdout) as JsonFinding[];
    assert.deepEqual(json.map((f) => path.basename(f.path)).sort(), [forged, "\u001b[2Jc\u202e.py"].sort());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
