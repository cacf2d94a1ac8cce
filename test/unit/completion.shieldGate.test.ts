import { test } from "node:test";
import assert from "node:assert/strict";
import { passThroughGate, ShieldGate, type GateScanner } from "../../server/completion/shieldGate";
import type { ShieldFinding } from "../../common/protocol";

/** A scanner that reports every `danger(` it sees, and remembers what it was given. */
class FakeScanner implements GateScanner {
  scanned: string[] = [];
  supports(languageId: string): boolean { return languageId === "python"; }
  async prepare(): Promise<void> {}
  scanSync(text: string): ShieldFinding[] {
    this.scanned.push(text);
    const out: ShieldFinding[] = [];
    text.split("\n").forEach((line, i) => {
      const at = line.indexOf("danger(");
      if (at >= 0) out.push({ ruleId: "fake-danger", cwe: "CWE-1", severity: line.includes("warn") ? "warning" : "error", message: "danger", line: i, column: at, endLine: i, endColumn: at + 7 });
    });
    return out;
  }
}

const doc = "danger(1)\nx = 1\n\ny = 2\n";
const input = (insert: string) => ({ languageId: "python", text: doc, offset: doc.indexOf("\ny") + 1, insert });

test("the pass-through gate lets every suggestion through", async () => {
  assert.deepEqual(await passThroughGate.check(input("danger(2)"), "block"), { allowed: true, findings: [] });
});

test("only findings in the suggested text count, scanned in place with the code around it", async () => {
  const scanner = new FakeScanner();
  const gate = new ShieldGate(() => scanner);
  assert.deepEqual(await gate.check(input("z = 3"), "block"), { allowed: true, findings: [] }, "the finding above the cursor is not the suggestion's");
  assert.ok(scanner.scanned[0]!.includes("danger(1)\nx = 1\n\nz = 3y = 2"), scanner.scanned[0]);
  const blocked = await gate.check(input("danger(2)"), "block");
  assert.equal(blocked.allowed, false);
  assert.equal(blocked.findings[0]!.cwe, "CWE-1");
  const warned = await gate.check(input("danger(2)"), "warn");
  assert.equal(warned.allowed, true);
  assert.equal(warned.findings.length, 1);
  const warningOnly = await gate.check(input("danger(2) # warn"), "block");
  assert.equal(warningOnly.allowed, true, "block holds back error-severity findings only");
  assert.equal(warningOnly.findings[0]!.severity, "warning");
  scanner.scanned = [];
  assert.equal((await gate.check(input("danger(2)"), "off")).allowed, true);
  assert.equal((await gate.check({ ...input("danger(2)"), languageId: "markdown" }, "block")).allowed, true);
  assert.deepEqual(scanner.scanned, [], "off and unsupported languages do not scan");
});
