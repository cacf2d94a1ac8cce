import { test } from "node:test";
import assert from "node:assert/strict";
import type { CodebaseHit, CodebaseSearch } from "../../server/chat/codebaseSearch";
import { ContextRing } from "../../server/completion/contextRing";
import { cursorLine } from "../../server/completion/cursorLine";
import { DefinitionContext, namesNearCursor } from "../../server/completion/definitionContext";
import { PromptBuilder } from "../../server/completion/promptBuilder";
import { qwenRepoTemplate } from "../../server/completion/templates";
import type { Engine, PromptPiece } from "../../server/engine/types";

const engine = {
  model: { path: "/m/Qwen2.5-Coder-Fake.gguf", name: "Qwen2.5-Coder-Fake", sizeBytes: 1, contextSize: 4096, demo: false, fim: true },
  vocabulary: { special: { bos: true, eos: true, fimPrefix: true, fimSuffix: true, fimMiddle: true, fimPad: true, fimRepo: true, fimFileSep: true } },
  countTokens: (text: string) => Math.ceil(text.length / 4),
} as unknown as Engine;

const def = (symbol: string, uri: string, text: string): CodebaseHit => ({ path: uri.slice(8), uri, startLine: 1, endLine: text.split("\n").length, symbol, kind: "function", text, score: 1 });

/** A codebase whose definitions answer only when the test says so, and which counts the questions. */
class GatedCodebase implements CodebaseSearch {
  ready = false;
  asked: string[][] = [];
  private release!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));
  constructor(private readonly known: readonly CodebaseHit[]) {}
  async search(): Promise<CodebaseHit[]> { return []; }
  async definitions(names: readonly string[]): Promise<CodebaseHit[]> {
    this.asked.push([...names]);
    await this.gate;
    this.ready = true;
    return this.known.filter((h) => names.includes(h.symbol!.slice(h.symbol!.lastIndexOf(".") + 1)));
  }
  open(): void { this.release(); }
}

test("names near the cursor: calls, members and types nearest first, then imports; keywords are not names", () => {
  const prefix = "import x\nconst a = 1;\nif (ready) {\n  const user: UserRecord = api.fetchUser(id);\n  total = computeTotal(user.items)\n";
  assert.deepEqual(namesNearCursor(prefix, "from billing import charge_card, Invoice"), ["items", "computeTotal", "fetchUser", "UserRecord", "billing", "charge_card", "Invoice"]);
});

test("definitions join the completion's extra context once found, without ever making a completion wait, and stay put while typing", async () => {
  const codebase = new GatedCodebase([
    def("computeTotal", "file:///w/billing/total.ts", "export function computeTotal(items: Item[]): number {\n  return items.reduce((s, i) => s + i.price, 0);\n}"),
    def("Api.fetchUser", "file:///w/api.ts", "fetchUser(id: string): User {\n  return this.users.get(id);\n}"),
    def("helper", "file:///w/cart.ts", "function helper() {}"),
  ]);
  const builder = new PromptBuilder(new ContextRing(), new DefinitionContext(codebase));
  const budgets = { prefixTokens: 400, suffixTokens: 50, contextTokens: 400 };
  const doc = "import { computeTotal } from './billing/total';\n\nexport function checkout(cart) {\n  const user = api.fetchUser(cart.owner);\n  helper();\n  const sum = \n}\n";
  const at = doc.indexOf("const sum = ") + "const sum = ".length;
  const imports = { text: "import { computeTotal } from './billing/total';", endLine: 1 };
  const build = (text: string, offset: number): string => show(builder.build({ uri: "file:///w/cart.ts", languageId: "typescript", cursor: cursorLine(text, offset), facts: { mode: "single", imports } }, engine, qwenRepoTemplate, budgets));

  const first = build(doc, at);
  assert.equal(codebase.asked.length, 1, "the first completion started the lookup");
  assert.doesNotMatch(first, /computeTotal\(items/, "and did not wait for it");
  assert.equal(build(doc, at), first, "while the lookup runs, the prompt stays as it was");

  codebase.open();
  await new Promise((resolve) => setImmediate(resolve));
  const withDefinitions = build(doc, at);
  assert.match(withDefinitions, /<fimFileSep>billing\/total\.ts\nexport function computeTotal\(items: Item\[\]\): number \{/);
  assert.match(withDefinitions, /<fimFileSep>api\.ts\nfetchUser\(id: string\): User/);
  assert.doesNotMatch(withDefinitions, /function helper\(\) \{\}/, "a definition in the file itself is not repeated");
  assert.ok(withDefinitions.indexOf("api.ts\n") < withDefinitions.indexOf("<fimFileSep>cart.ts"), "the extra context comes before the file");

  // Typing changes only the last piece, and asks the index nothing more.
  const typed = build(doc.slice(0, at) + "comp" + doc.slice(at), at + 4);
  assert.equal(typed.slice(0, typed.lastIndexOf("<fimMiddle>")), withDefinitions.slice(0, withDefinitions.lastIndexOf("<fimMiddle>")));
  assert.ok(typed.endsWith("const sum = comp"));
  assert.equal(codebase.asked.length, 1);
});

test("definitions keep to their share of the context budget", async () => {
  const big = def("computeTotal", "file:///w/total.ts", "x\n".repeat(400));
  const codebase = new GatedCodebase([big, def("fetchUser", "file:///w/api.ts", "fetchUser() {}")]);
  codebase.open();
  const builder = new PromptBuilder(new ContextRing(), new DefinitionContext(codebase));
  const doc = "const u = api.fetchUser(1);\nconst t = computeTotal(u);\nx = ";
  const build = () => show(builder.build({ uri: "file:///w/cart.ts", languageId: "typescript", cursor: cursorLine(doc, doc.length), facts: { mode: "single" } }, engine, qwenRepoTemplate, { prefixTokens: 200, suffixTokens: 20, contextTokens: 100 }));
  build();
  await new Promise((resolve) => setImmediate(resolve));
  const prompt = build();
  assert.match(prompt, /fetchUser\(\) \{\}/, "the small definition fits");
  assert.doesNotMatch(prompt, /total\.ts/, "the one over half the context budget does not");
});

const show = (pieces: readonly PromptPiece[]): string => pieces.map((p) => (typeof p === "string" ? p : `<${p.token}>`)).join("");
