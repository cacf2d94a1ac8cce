/**
 * A tree-sitter abort must not poison parsing for every other file (issue 14). The runtime's
 * heap ceiling is lowered so that a real parse really runs out of wasm memory and aborts, as a
 * 45 MB file did at the default ceiling; afterwards parsing, Shield scans and compiled queries
 * must work again, on a fresh runtime. In-process, through the real parser door and scanner.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultScanner } from "../../server/shield/defaultScanner";
import {
  ensureLanguage, maxParseChars, onSyntaxRuntimeReset, parseSync, setSyntaxMemoryLimit, syntaxRuntimeGeneration,
} from "../../server/syntax/parser";
import { manyFunctions, measured, riskyPython } from "./inputs";

test("after a real wasm abort, parsing and Shield work again in every language", { timeout: 120_000 }, async () => {
  const scanner = defaultScanner().scanner;
  const resets: string[] = [];
  const stop = onSyntaxRuntimeReset((reason) => resets.push(reason));
  try {
    // 64 MiB of wasm heap is far below what a 2 MB parse needs (about 45 bytes a character).
    setSyntaxMemoryLimit(64 * 1024 * 1024);
    await ensureLanguage("python");
    await ensureLanguage("javascript");
    assert.ok((await scanner.scan(riskyPython, "python")).some((f) => f.ruleId === "python-eval-exec"), "Shield works before");
    const generation = syntaxRuntimeGeneration();

    const tooBig = manyFunctions(maxParseChars - 1024);
    const started = performance.now();
    assert.equal(parseSync(tooBig, "python"), undefined, "the aborted parse gives no tree");
    const abortMs = performance.now() - started;
    assert.equal(resets.length, 1, "the failure was reported once");
    assert.match(resets[0]!, /Aborted/);
    assert.equal(syntaxRuntimeGeneration(), generation + 1, "a fresh runtime replaced the broken one");

    // Queries compiled before the abort are recompiled for the fresh runtime on first use.
    const recoverStarted = performance.now();
    const findings = await scanner.scan(riskyPython, "python");
    const recoverMs = performance.now() - recoverStarted;
    assert.ok(findings.some((f) => f.ruleId === "python-eval-exec"), JSON.stringify(findings));
    await ensureLanguage("javascript");
    const js = parseSync("const a = 1;\n", "javascript");
    assert.ok(js && !js.hasError);
    js.dispose();
    assert.ok((await scanner.scan("const x = eval(input);\n", "javascript")).length > 0, "another language's rules work too");
    measured("wasm-abort-recovery", { abortMs, recoverMs, resets: resets.length });
  } finally {
    stop();
    setSyntaxMemoryLimit(512 * 1024 * 1024);
  }
});

test("a text over the parse limit gets no tree and leaves the runtime alone", { timeout: 60_000 }, async () => {
  await ensureLanguage("python");
  const generation = syntaxRuntimeGeneration();
  assert.equal(parseSync("x".repeat(maxParseChars + 1), "python"), undefined);
  assert.equal(syntaxRuntimeGeneration(), generation);
  const tree = parseSync("def f():\n    return 1\n", "python");
  assert.ok(tree && !tree.hasError);
  tree.dispose();
});
