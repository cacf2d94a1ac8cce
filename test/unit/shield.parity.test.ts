/**
 * Parity with Code Shield's Insecure Code Detector: every ICD rule of icd-rules.yaml is ported
 * by a Shield rule (its `icd:` list, covering the entry's languages) with ICD's CWE as the
 * primary cwe, or listed with a reason in icd-not-ported.yaml; and docs/shield-parity.md is
 * what `npm run shield:parity` renders from that data.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { loadRulesFromDirectory, sourceRulesDirectory } from "../../server/shield/ruleLoader";
import { computeParity, loadIcdRules, loadNotPorted, type IcdRule } from "../../server/shield/parity";
import { renderParityDoc } from "../../server/shield/parityDoc";
import { validateRule, type ShieldRule } from "../../server/shield/rule";

const { rules } = loadRulesFromDirectory(sourceRulesDirectory()!);
const icdRules = loadIcdRules();

test("icd-rules.yaml lists ICD's rules of the eight languages, each once", () => {
  const languages = new Set(icdRules.map((e) => e.language));
  assert.deepEqual([...languages].sort(), ["all", "c", "cpp", "csharp", "java", "javascript", "php", "python", "rust"]);
  const keys = icdRules.map((e) => `${e.language} ${e.icd}`);
  assert.equal(new Set(keys).size, keys.length);
  for (const e of icdRules) assert.ok(e.cwe === null || /^CWE-\d+$/.test(e.cwe), `${e.icd}: ${e.cwe}`);
});

test("every ICD rule is ported with ICD's CWE or listed as not ported", () => {
  const { problems } = computeParity(icdRules, loadNotPorted(), rules);
  assert.deepEqual(problems, []);
});

test("docs/shield-parity.md is up to date (npm run shield:parity)", () => {
  const { rows } = computeParity(icdRules, loadNotPorted(), rules);
  const doc = path.resolve(__dirname, "../../../docs/shield-parity.md");
  assert.equal(fs.readFileSync(doc, "utf8"), renderParityDoc(rows, rules));
});

test("the parity check names an unported rule, a CWE mismatch and a JS rule without TypeScript", () => {
  const entries: IcdRule[] = [
    { icd: "x-eval", language: "python", cwe: "CWE-94", severity: "warning", profiles: ["codeshield"], description: "eval" },
    { icd: "x-child", language: "javascript", cwe: "CWE-95", severity: "warning", profiles: ["codeshield"], description: "exec" },
    { icd: "x-gone", language: "c", cwe: "CWE-1", severity: "warning", profiles: ["codeshield"], description: "gone" },
  ];
  const rule = (raw: Record<string, unknown>): ShieldRule => validateRule({ severity: "error", message: "m", references: ["https://x.y"], pattern: "x", ...raw }).rule!;
  const ours = [
    rule({ id: "python-eval", language: "python", cwe: "CWE-95", icd: ["x-eval"] }),
    rule({ id: "js-exec", language: "javascript", cwe: "CWE-95", icd: ["x-child"] }),
  ];
  const { problems } = computeParity(entries, [], ours);
  assert.deepEqual(problems, [
    "CWE python-eval ports ICD x-eval (python) with CWE-95; ICD says CWE-94 (keep ICD's as cwe, ours in alsoCwe)",
    "js-exec names ICD x-child but does not cover all of javascript, typescript",
    "Unported ICD javascript x-child (CWE-95): no rule lists it in icd and icd-not-ported.yaml does not give a reason",
    "Unported ICD c x-gone (CWE-1): no rule lists it in icd and icd-not-ported.yaml does not give a reason",
  ]);
});
