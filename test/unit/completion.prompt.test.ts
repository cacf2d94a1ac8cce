import { test } from "node:test";
import assert from "node:assert/strict";
import { ContextRing } from "../../server/completion/contextRing";
import { cursorLine } from "../../server/completion/cursorLine";
import { pickTemplate } from "../../server/completion/pickTemplate";
import { PromptBuilder } from "../../server/completion/promptBuilder";
import { renderPrompt, type PromptParts } from "../../server/completion/renderPrompt";
import { codeLlamaTemplate, codestralTemplate, deepSeekTemplate, genericTemplate, qwenRepoTemplate, starCoder2Template } from "../../server/completion/templates";
import type { Engine, PromptPiece } from "../../server/engine/types";

/** Just enough of an engine for prompt building: a name, FIM tokens, and four characters a token. */
const engine = {
  model: { path: "/models/Qwen2.5-Coder-Fake.gguf", name: "Qwen2.5-Coder-Fake", sizeBytes: 1, contextSize: 4096, demo: false, fim: true },
  vocabulary: { special: { bos: true, eos: true, fimPrefix: true, fimSuffix: true, fimMiddle: true, fimPad: true, fimRepo: true, fimFileSep: true } },
  countTokens: (text: string) => Math.ceil(text.length / 4),
} as unknown as Engine;

const parts: PromptParts = {
  repo: "shop", path: "src/cart.py", comment: "#", context: [{ path: "src/tax.py", text: "RATE = 0.2" }],
  prefix: "def total(items):\n", suffix: "\n    return s\n", line: "    s = ",
};
const show = (pieces: readonly PromptPiece[]): string => pieces.map((p) => (typeof p === "string" ? p : `<${p.token}>`)).join("");

test("templates render each model family's own FIM layout", () => {
  assert.equal(show(renderPrompt(qwenRepoTemplate, parts)),
    "<fimRepo>shop\n<fimFileSep>src/tax.py\nRATE = 0.2\n<fimFileSep>src/cart.py\n<fimPrefix>def total(items):\n<fimSuffix>\n    return s\n<fimMiddle>    s = ");
  assert.equal(show(renderPrompt(starCoder2Template, parts)),
    "<fimRepo>shop<fimFileSep>src/tax.py\nRATE = 0.2<fimFileSep><fimPrefix>src/cart.py\ndef total(items):\n<fimSuffix>\n    return s\n<fimMiddle>    s = ");
  assert.equal(show(renderPrompt(deepSeekTemplate, parts)),
    "<fimPrefix># src/tax.py\nRATE = 0.2\n\n# src/cart.py\ndef total(items):\n<fimSuffix>\n    return s\n<fimMiddle>    s = ");
  assert.equal(show(renderPrompt(codeLlamaTemplate, parts)),
    "<bos><fimPrefix><fimSuffix>\n    return s\n<fimMiddle># src/tax.py\nRATE = 0.2\n\ndef total(items):\n    s = ");
  assert.equal(show(renderPrompt(codestralTemplate, parts)),
    "<bos><fimSuffix>\n    return s\n<fimPrefix># src/tax.py\nRATE = 0.2\n\ndef total(items):\n    s = ");
  assert.equal(show(renderPrompt(genericTemplate, { ...parts, context: [] })), "<fimPrefix>def total(items):\n<fimSuffix>\n    return s\n<fimMiddle>    s = ");
});

test("the text being typed is the last piece; every other piece stays the same while typing", () => {
  for (const template of [qwenRepoTemplate, starCoder2Template, deepSeekTemplate, genericTemplate]) {
    const a = renderPrompt(template, parts);
    const b = renderPrompt(template, { ...parts, line: parts.line + "0" });
    assert.deepEqual(a.slice(0, -1), b.slice(0, -1), template.id);
    assert.equal(b[b.length - 1], "    s = 0", template.id);
  }
});

test("the template follows the model's name and tokens, and a model without FIM gets a clear message", () => {
  const special = engine.vocabulary.special;
  const model = (name: string) => ({ ...engine.model, name, path: `/m/${name}.gguf` });
  assert.equal(pickTemplate(model("Qwen2.5 Coder 1.5B"), engine.vocabulary).template?.id, "qwen2.5-coder");
  assert.equal(pickTemplate(model("starcoder2-3b"), engine.vocabulary).template?.id, "starcoder2");
  assert.equal(pickTemplate(model("deepseek-coder-1.3b-base"), engine.vocabulary).template?.id, "deepseek-coder");
  assert.equal(pickTemplate(model("CodeLlama-7b"), engine.vocabulary).template?.id, "codellama");
  assert.equal(pickTemplate(model("Codestral-22B"), engine.vocabulary).template?.id, "codestral");
  assert.equal(pickTemplate(model("enclave-fixture-tiny"), engine.vocabulary).template?.id, "qwen2.5-coder", "repo tokens give the repository form");
  const plain = { special: { fimPrefix: special.fimPrefix, fimSuffix: special.fimSuffix, fimMiddle: special.fimMiddle } };
  assert.equal(pickTemplate(model("mystery-coder"), plain).template?.id, "generic");
  const none = pickTemplate(model("Llama-3.2-1B-Instruct"), { special: { bos: true, eos: true } });
  assert.match(none.problem ?? "", /has no fill-in-the-middle tokens.*Select Model/);
});

test("typing on a line changes only the last piece; Enter only extends the prompt's tail", () => {
  const builder = new PromptBuilder(new ContextRing());
  const budgets = { prefixTokens: 40, suffixTokens: 10, contextTokens: 0 };
  const lines = Array.from({ length: 60 }, (_, i) => `value_${i} = compute(${i})`);
  const doc = lines.slice(0, 40).join("\n") + "\nx = \n" + lines.slice(40).join("\n");
  const at = doc.indexOf("x = ") + 4;
  const build = (text: string, offset: number): PromptPiece[] => builder.build({ uri: "file:///a.py", languageId: "python", cursor: cursorLine(text, offset), facts: { mode: "single" } }, engine, qwenRepoTemplate, budgets);
  const a = build(doc, at);
  const typed = doc.slice(0, at) + "1" + doc.slice(at);
  const b = build(typed, at + 1);
  assert.deepEqual(a.slice(0, -1), b.slice(0, -1));
  assert.equal(b[b.length - 1], "x = 1");
  // The prefix window is capped by its token budget (40 tokens at 4 characters a token, plus newlines).
  const prefix = a[a.indexOf(a.find((p) => typeof p !== "string" && p.token === "fimPrefix")!) + 1] as string;
  assert.ok(prefix.length < 40 * 4 + 20 && prefix.split("\n").length > 3, prefix);
  // Enter at the end of the line: the window keeps its first line, so the prefix piece only grows.
  const entered = typed.slice(0, at + 1) + "\n" + typed.slice(at + 1);
  const c = build(entered, at + 2);
  const prefixAfter = c[c.indexOf(c.find((p) => typeof p !== "string" && p.token === "fimPrefix")!) + 1] as string;
  assert.equal(prefixAfter, prefix + "x = 1\n");
});
