/**
 * The parser door and the scanner engine: positions (UTF-16, PHP prefix), fragments,
 * multi-line constructs, comment/string masking, languages and the JSON rule bundle.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { enclosingScope, parse } from "../../server/syntax/parser";
import { buildRuleBundle, loadRulesFromBundle, loadRulesFromDirectory, sourceRulesDirectory } from "../../server/shield/ruleLoader";
import { ShieldScanner } from "../../server/shield/scanner";
import type { ShieldRule } from "../../server/shield/rule";

const base = { cwe: "CWE-78", alsoCwe: [], icd: [], severity: "error", message: "m", references: ["https://example.com"], ignoreCase: false, inStrings: false, inComments: false } as const;
const systemRule: ShieldRule = {
  ...base, id: "test-system", languages: ["python"], pattern: "\\bsystem\\s*\\(",
  query: "((call function: (attribute attribute: (identifier) @fn) arguments: (argument_list . (_) @arg)) @finding (#eq? @fn \"system\") (#not-literal? @arg))",
};
const regexRule: ShieldRule = { ...base, id: "test-regex", languages: ["javascript", "typescript"], pattern: "\\bdangerous\\(" };
const phpRule: ShieldRule = { ...base, id: "test-php", languages: ["php"], pattern: "\\bsystem\\s*\\(", query: "((function_call_expression function: (name) @fn) @finding (#eq? @fn \"system\"))" };

test("parse gives UTF-16 positions and finds scopes", async () => {
  const tree = await parse('x = "ééé"\ndef f(a):\n    return os.system(a)\n', "python");
  assert.ok(tree);
  try {
    assert.equal(tree.hasError, false);
    const node = tree.nodeAt({ row: 2, column: 14 });
    assert.equal(node?.type, "identifier");
    assert.equal(enclosingScope(tree, { row: 2, column: 14 })?.type, "function_definition");
    assert.deepEqual(tree.rangeOf(tree.root.namedChildren[0]!).end, { row: 0, column: 9 });
  } finally {
    tree.dispose();
  }
  assert.equal(await parse("x", "cobol"), undefined);
});

test("PHP fragments without <?php are parsed as code, positions shifted back", async () => {
  const scanner = new ShieldScanner([phpRule]);
  assert.deepEqual((await scanner.scan("$x = $_GET['a'];\nsystem($x);\n", "php")).map((f) => [f.line, f.column]), [[1, 0]]);
  assert.deepEqual((await scanner.scan("<?php\nsystem($x);\n", "php")).map((f) => [f.line, f.column]), [[1, 0]]);
});

test("queries match in fragments, across lines, and not on constants", async () => {
  const scanner = new ShieldScanner([systemRule]);
  const fragment = "    def run(self, cmd):\n        os.system(\n            cmd,\n        )\n    }}}\n";
  assert.deepEqual((await scanner.scan(fragment, "python")).map((f) => [f.line, f.endLine]), [[1, 3]]);
  assert.deepEqual(await scanner.scan('os.system("ls")\n# os.system(cmd)\n', "python"), []);
});

test("a conditional of two constants is constant, in every grammar's shape", async () => {
  const scanner = new ShieldScanner([systemRule]);
  // Python puts the condition in the middle (`a if c else b`): only the branches count.
  const text = 'os.system("ls" if quiet else "ls -l")\nos.system(cmd if quiet else "ls")\nos.system("ls" if cmd else user)\n';
  assert.deepEqual((await scanner.scan(text, "python")).map((f) => f.line), [1, 2]);
});

test("regex rules skip comments and strings but not template code", async () => {
  const scanner = new ShieldScanner([regexRule]);
  const text = 'dangerous(a);\n// dangerous(b)\nconst s = "dangerous(c)";\nconst t = `${dangerous(d)}`;\n';
  assert.deepEqual((await scanner.scan(text, "javascript")).map((f) => f.line), [0, 3]);
  assert.deepEqual((await scanner.scan(text, "typescriptreact")).map((f) => f.line), [0, 3]);
  assert.deepEqual(await scanner.scan(text, "python"), [], "the rule is for JS/TS only");
  assert.deepEqual(await scanner.scan(text, "plaintext"), []);
});

test("the shipped rules scan TypeScript and TSX", async () => {
  const dir = sourceRulesDirectory()!;
  const scanner = new ShieldScanner(loadRulesFromDirectory(dir).rules);
  const ts = "export function f(el: HTMLElement, html: string): void {\n  el.innerHTML = html;\n}\n";
  assert.deepEqual((await scanner.scan(ts, "typescript")).map((f) => f.ruleId), ["js-xss-sink"]);
  const tsx = "export const C = ({ h }: { h: string }) => <div dangerouslySetInnerHTML={{ __html: h }} />;\n";
  assert.deepEqual((await scanner.scan(tsx, "typescriptreact")).map((f) => f.ruleId), ["js-react-dangerous-html"]);
});

test("the JSON bundle round-trips the YAML rules", () => {
  const dir = sourceRulesDirectory()!;
  const fromYaml = loadRulesFromDirectory(dir);
  const bundle = buildRuleBundle(dir);
  const fromJson = loadRulesFromBundle(bundle);
  assert.deepEqual(fromJson.problems, []);
  assert.deepEqual(fromJson.rules, fromYaml.rules.map(({ source: _s, ...r }) => ({ ...r, source: undefined })));
  assert.equal(loadRulesFromBundle(JSON.parse(bundle) as object).rules.length, fromYaml.rules.length);
  assert.equal(loadRulesFromBundle({ version: 99, rules: [] }).problems.length, 1);
});
