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

const def = (symbol: string, uri: string, text: string): CodebaseHit => ({ path: uri.slice(8), label: uri.slice(8), uri, startLine: 1, endLine: text.split("\n").length, symbol, kind: "function", text, score: 1 });

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

/** A file whose line 5 uses three names, then 200 lines of other code and a second place to type at. */
const doc = [
  "import { computeTotal } from './billing/total';", "", "export function checkout(cart) {", "  const user = api.fetchUser(cart.owner);", "  helper();", "  const sum = ",
  ...Array.from({ length: 200 }, (_, i) => `  step_${i}(user, sum);`), "  const end = ", "}", "",
].join("\n");
const near = doc.indexOf("const sum = ") + "const sum = ".length;
const far = doc.indexOf("const end = ") + "const end = ".length;
const imports = { text: "import { computeTotal } from './billing/total';", endLine: 1 };
const settle = () => new Promise((resolve) => setImmediate(resolve));

test("definitions join the completion's extra context without making a completion wait, at the prefix window's next move", async () => {
  const codebase = new GatedCodebase([
    def("computeTotal", "file:///w/billing/total.ts", "export function computeTotal(items: Item[]): number {\n  return items.reduce((s, i) => s + i.price, 0);\n}"),
    def("Api.fetchUser", "file:///w/api.ts", "fetchUser(id: string): User {\n  return this.users.get(id);\n}"),
    def("helper", "file:///w/cart.ts", "function helper() {}"),
  ]);
  const builder = new PromptBuilder(new ContextRing(), new DefinitionContext(codebase));
  const budgets = { prefixTokens: 80, suffixTokens: 30, contextTokens: 400 };
  const build = (text: string, offset: number): string => show(builder.build({ uri: "file:///w/cart.ts", languageId: "typescript", cursor: cursorLine(text, offset), facts: { mode: "single", imports } }, engine, qwenRepoTemplate, budgets));
  const head = (prompt: string) => prompt.slice(0, prompt.lastIndexOf("<fimMiddle>"));

  const first = build(doc, near);
  assert.equal(codebase.asked.length, 1, "the first completion started the lookup");
  assert.deepEqual(codebase.asked[0]!.slice(0, 3), ["helper", "owner", "fetchUser"]);
  assert.doesNotMatch(first, /computeTotal\(items/, "and did not wait for it");
  codebase.open();
  await settle();
  // Typing on the line after they arrived: only the last piece changes, the context stays.
  const typed = build(doc.slice(0, near) + "comp" + doc.slice(near), near + 4);
  assert.equal(head(typed), head(first), "the definitions' arrival does not change the prompt under the user's typing");
  assert.ok(typed.endsWith("const sum = comp"));

  // The prefix window moves (the cursor goes 200 lines down): now the definitions join.
  const moved = build(doc, far);
  assert.match(moved, /<fimFileSep>billing\/total\.ts\nexport function computeTotal\(items: Item\[\]\): number \{/);
  assert.match(moved, /<fimFileSep>api\.ts\nfetchUser\(id: string\): User/);
  assert.doesNotMatch(moved, /function helper\(\) \{\}/, "a definition in the file itself is not repeated");
  assert.ok(moved.indexOf("api.ts\n") < moved.indexOf("<fimFileSep>cart.ts"), "the extra context comes before the file");
  const typedThere = build(doc.slice(0, far) + "1" + doc.slice(far), far + 1);
  assert.equal(head(typedThere), head(moved), "and then stays put while typing");
  assert.equal(codebase.asked.length, 1, "the index was asked once");
});

test("definitions keep to their share of the context budget", async () => {
  const big = def("computeTotal", "file:///w/total.ts", "x\n".repeat(400));
  const codebase = new GatedCodebase([big, def("fetchUser", "file:///w/api.ts", "fetchUser() {}")]);
  codebase.open();
  const builder = new PromptBuilder(new ContextRing(), new DefinitionContext(codebase));
  const build = (offset: number) => show(builder.build({ uri: "file:///w/cart.ts", languageId: "typescript", cursor: cursorLine(doc, offset), facts: { mode: "single", imports } }, engine, qwenRepoTemplate, { prefixTokens: 80, suffixTokens: 20, contextTokens: 100 }));
  build(near);
  await settle();
  const prompt = build(far);
  assert.match(prompt, /fetchUser\(\) \{\}/, "the small definition fits");
  assert.doesNotMatch(prompt, /total\.ts/, "the one over half the context budget does not");
});

const show = (pieces: readonly PromptPiece[]): string => pieces.map((p) => (typeof p === "string" ? p : `<${p.token}>`)).join("");
