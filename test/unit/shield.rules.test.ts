/**
 * The rule test: every Shield rule validates, compiles for each of its languages, and on its
 * example files flags exactly the lines annotated `ruleid: <id>` (see server/shield/rules/README.md).
 * Set SHIELD_RULES=<id prefix> to check only some rules: the run then says how many of all it
 * checks, and a prefix that matches no rule fails instead of passing with nothing checked.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { countAnnotations, parseAnnotations } from "../../server/shield/annotations";
import { expandRuleLanguages, extensionByLanguage, languageByExtension } from "../../server/syntax/languages";
import { loadRulesFromDirectory, ruleFiles, sourceRulesDirectory } from "../../server/shield/ruleLoader";
import { ShieldScanner } from "../../server/shield/scanner";

const rulesDir = sourceRulesDirectory();
assert.ok(rulesDir, "the rules directory server/shield/rules is not found");
const loaded = loadRulesFromDirectory(rulesDir);
const prefix = process.env.SHIELD_RULES ?? "";
const rules = loaded.rules.filter((r) => r.id.startsWith(prefix));
const scanner = new ShieldScanner(rules);
const relative = (file: string): string => path.relative(process.cwd(), file);

test("the rule set checked is every rule file, or says it is not", (t) => {
  const files = ruleFiles(rulesDir!).length;
  assert.ok(files > 0, `no rule files under ${rulesDir}`);
  if (!prefix) {
    assert.equal(loaded.rules.length, files, "every rule file loads as a rule");
    return;
  }
  const message = `SHIELD_RULES=${prefix}: checking ${rules.length} of ${loaded.rules.length} rules; the full test runs without it`;
  t.diagnostic(message);
  process.stderr.write(`\n${message}\n`);
  assert.ok(rules.length > 0, `SHIELD_RULES=${prefix} matches no rule id, so nothing would be checked`);
});

test("every rule file is valid", () => {
  const problems = loaded.problems.filter((p) => path.basename(p.source).startsWith(prefix));
  assert.deepEqual(problems.map((p) => `Invalid ${relative(p.source)}: ${p.message}`), []);
});

test("every rule compiles for each of its languages", async () => {
  const languages = new Set(rules.flatMap((r) => expandRuleLanguages(r.languages)));
  for (const id of languages) await scanner.prepare(id);
  assert.deepEqual(scanner.compileProblems.map((p) => `Invalid ${p.ruleId} (${p.languageId}): ${p.message}`), []);
});

test("no stray files in the rules tree", () => {
  const stray: string[] = [];
  const ids = new Set(loaded.rules.map((r) => r.id));
  for (const lang of fs.readdirSync(rulesDir, { withFileTypes: true })) {
    if (!lang.isDirectory()) continue;
    for (const file of fs.readdirSync(path.join(rulesDir, lang.name))) {
      const id = file.replace(/\.[^.]+$/, "");
      if (!ids.has(id)) stray.push(`${lang.name}/${file} belongs to no rule`);
    }
  }
  assert.deepEqual(stray, []);
});

for (const rule of rules) {
  test(`rule ${rule.id} on its examples`, async () => {
    const dir = path.dirname(rule.source!);
    const primaryExt = extensionByLanguage[rule.languages[0]!]!;
    const examples = fs.readdirSync(dir).filter((f) => f.startsWith(`${rule.id}.`) && !/\.ya?ml$/.test(f));
    const problems: string[] = [];
    if (!examples.includes(`${rule.id}${primaryExt}`)) problems.push(`Missing example ${relative(path.join(dir, rule.id + primaryExt))}`);
    const allowed = expandRuleLanguages(rule.languages);
    for (const example of examples.sort()) {
      const file = path.join(dir, example);
      const languageId = languageByExtension[path.extname(example)];
      if (!languageId || !allowed.includes(languageId)) {
        problems.push(`Example ${relative(file)} is not in a language of the rule (${allowed.join(", ")})`);
        continue;
      }
      const text = fs.readFileSync(file, "utf8");
      const annotations = parseAnnotations(text);
      if (example === `${rule.id}${primaryExt}`) {
        // Issue 10 asks for at least three near-miss `ok:` lines per rule (constant arguments,
        // sanitised input, the safe variant of the API), since precision is proven on them.
        for (const [kind, least] of [["ruleid", 2], ["ok", 3]] as const) {
          const n = countAnnotations(annotations, kind, rule.id);
          if (n < least) problems.push(`Example ${relative(file)} has ${n} "${kind}: ${rule.id}" annotations; at least ${least} are needed`);
        }
      }
      await scanner.prepare(languageId);
      const findings = scanner.scanSync(text, languageId, rule.id) ?? [];
      const flagged = new Set(findings.map((f) => f.line));
      for (const [line, ids] of annotations.ruleid) {
        if (ids.has(rule.id) && !flagged.has(line)) problems.push(`Missing ${rule.id} at ${relative(file)}:${line + 1}`);
      }
      for (const line of [...flagged].sort((a, b) => a - b)) {
        if (!annotations.ruleid.get(line)?.has(rule.id)) problems.push(`Noisy ${rule.id} at ${relative(file)}:${line + 1}`);
      }
    }
    assert.deepEqual(problems, []);
  });
}
