import { test } from "node:test";
import assert from "node:assert/strict";
import { Completer, type CompletionInput } from "../../server/completion/completer";
import { passThroughGate, ShieldGate, type CompletionGate } from "../../server/completion/shieldGate";
import { silentLogger } from "../../server/logger";
import { defaultSettings, type EnclaveSettings } from "../../common/settings";
import { defaultScanner } from "../../server/shield/defaultScanner";
import type { ChatRequest, Engine, GenerateRequest, GenerateResult, PromptPiece } from "../../server/engine/types";
import { MissingTokenError } from "../../server/engine/errors";

/**
 * A scripted engine for completion unit tests: each generate call returns the next scripted
 * text (or the last one again), records its prompt, and honours abort signals and stops like
 * the real engine. Tokens are counted as four characters each.
 */
class FakeEngine implements Engine {
  readonly prompts: (readonly PromptPiece[])[] = [];
  readonly requests: GenerateRequest[] = [];
  readonly model;
  readonly backend = { gpu: "cpu" as const, deviceNames: [], vramTotalBytes: 0, vramFreeBytes: 0, gpuLayers: 0, totalLayers: 1, threads: 1 };
  readonly vocabulary = { special: { bos: true, eos: true, fimPrefix: true, fimSuffix: true, fimMiddle: true, fimPad: true, fimRepo: true, fimFileSep: true } as const };

  constructor(private readonly script: string[], private readonly delayMs = 0, name = "Qwen2.5-Coder-Fake") {
    this.model = { path: `/models/${name}.gguf`, name, sizeBytes: 1, contextSize: 4096, demo: false, fim: true };
  }

  get calls(): number {
    return this.requests.length;
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    this.requests.push(request);
    this.prompts.push(request.prompt);
    let text = this.script[Math.min(this.requests.length - 1, this.script.length - 1)] ?? "";
    if (this.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.delayMs);
        request.signal?.addEventListener("abort", () => { clearTimeout(timer); resolve(); }, { once: true });
      });
    }
    const aborted = request.signal?.aborted ?? false;
    for (const stop of request.stop ?? []) {
      const at = text.indexOf(stop);
      if (at >= 0) text = text.slice(0, at);
    }
    const promptTokens = this.prompts[this.prompts.length - 1]!.reduce<number>((n, p) => n + (typeof p === "string" ? this.countTokens(p) : 1), 0);
    return {
      text: aborted ? "" : text, stopReason: aborted ? "abort" : "stop", promptTokens, promptTokensEvaluated: promptTokens, promptTokensReused: 0,
      generatedTokens: this.countTokens(text), promptMs: 1, generationMs: 1,
    };
  }

  chat(_request: ChatRequest): Promise<GenerateResult> {
    throw new Error("not used");
  }

  countChatTokens(): number {
    return 0;
  }

  countTokens(text: string): number {
    return Math.ceil(text.length / 4);
  }

  async dispose(): Promise<void> {}
}

const shield: CompletionGate = new ShieldGate(() => defaultScanner().scanner);
const settings = (over: Partial<EnclaveSettings> = {}): EnclaveSettings => ({ ...defaultSettings(), "completion.debounceMinMs": 0, ...over });
const env = (engine: FakeEngine, s = settings()) => ({ settings: async () => s, engine: async () => engine });
const signal = () => new AbortController().signal;

function at(text: string, marker = "|", languageId = "python", explicit = false): CompletionInput {
  const offset = text.indexOf(marker);
  return { uri: "file:///w/app.py", languageId, text: text.slice(0, offset) + text.slice(offset + marker.length), offset, explicit };
}

test("a block suggestion comes back as several lines (multi-line ghost text)", async () => {
  const engine = new FakeEngine(["total = 0\n    for x in xs:\n        total += x\n    return total\n\nprint(1)"]);
  const completer = new Completer(passThroughGate, silentLogger, () => undefined);
  const answer = await completer.complete(at("def add(xs):\n    |\n"), env(engine), signal());
  assert.deepEqual(answer.items, ["total = 0\n    for x in xs:\n        total += x\n    return total"]);
  assert.equal(answer.timings?.source, "model");
  assert.equal(engine.requests[0]!.stop?.includes("\n"), false, "a block is not stopped at the first newline");
});

test("a newer request aborts the older one, which answers empty", async () => {
  const engine = new FakeEngine(["alpha_value"], 200);
  const completer = new Completer(passThroughGate, silentLogger, () => undefined);
  const older = completer.complete(at("x = |\n"), env(engine), signal());
  await new Promise((r) => setTimeout(r, 20));
  const newer = completer.complete(at("x = a|\n"), env(engine), signal());
  const [a, b] = await Promise.all([older, newer]);
  assert.deepEqual(a.items, []);
  assert.equal(a.aborted, true);
  assert.deepEqual(b.items, ["alpha_value"]);
  assert.equal(completer.stats.snapshot().aborted, 1);
});

test("typing the first characters of a suggestion is answered from the cache, without the model", async () => {
  const engine = new FakeEngine(["compute_total(items)"]);
  const completer = new Completer(passThroughGate, silentLogger, () => undefined);
  await completer.complete(at("result = |\n"), env(engine), signal());
  const calls = engine.calls;
  const answer = await completer.complete(at("result = comp|\n"), env(engine), signal());
  assert.deepEqual(answer.items, ["ute_total(items)"]);
  assert.equal(answer.timings?.source, "typedAhead");
  assert.equal(engine.calls, calls);
  const metrics = completer.stats.snapshot();
  assert.equal(metrics.served.typedAhead, 1);
  assert.equal(metrics.modelCalls, 1);
});

test("Shield holds back a risky suggestion and the next clean one is shown", async () => {
  const engine = new FakeEngine(["os.system(cmd)", "subprocess.run([cmd], check=True)"]);
  const completer = new Completer(shield, silentLogger, () => undefined);
  const answer = await completer.complete(at("import os, subprocess\ndef run(cmd):\n    |\n"), env(engine), signal());
  assert.deepEqual(answer.items, ["subprocess.run([cmd], check=True)"]);
  assert.equal(answer.heldBack?.cwe, "CWE-78");
  assert.equal(completer.stats.snapshot().heldBack, 1);
});

test("in warn mode the risky suggestion is shown with a warning; off does not scan", async () => {
  const doc = "import os\ndef run(cmd):\n    |\n";
  const warned = await new Completer(shield, silentLogger, () => undefined).complete(at(doc), env(new FakeEngine(["os.system(cmd)"]), settings({ "shield.completions": "warn" })), signal());
  assert.deepEqual(warned.items, ["os.system(cmd)"]);
  assert.equal(warned.warning?.cwe, "CWE-78");
  const off = await new Completer(shield, silentLogger, () => undefined).complete(at(doc), env(new FakeEngine(["os.system(cmd)"]), settings({ "shield.completions": "off" })), signal());
  assert.deepEqual(off.items, ["os.system(cmd)"]);
  assert.equal(off.warning, undefined);
});

test("an explicit request (Alt+]) returns several distinct candidates, sampled after the greedy one", async () => {
  const engine = new FakeEngine(["first_choice()", "second_choice()", "first_choice()", "third_choice()"]);
  const completer = new Completer(passThroughGate, silentLogger, () => undefined);
  const answer = await completer.complete(at("value = |\n", "|", "python", true), env(engine, settings({ "completion.candidates": 3 })), signal());
  assert.deepEqual(answer.items, ["first_choice()", "second_choice()", "third_choice()"]);
  assert.equal(engine.requests[0]!.temperature, 0);
  assert.ok((engine.requests[1]!.temperature ?? 0) > 0 && engine.requests[1]!.seed !== engine.requests[2]!.seed);
});

test("snoozed or disabled completions do not call the model; explicit requests still work while snoozed", async () => {
  const engine = new FakeEngine(["something_long"]);
  const completer = new Completer(passThroughGate, silentLogger, () => undefined);
  assert.ok(completer.snooze(5)! > Date.now());
  assert.deepEqual((await completer.complete(at("a = |\n"), env(engine), signal())).items, []);
  assert.equal(engine.calls, 0);
  assert.equal((await completer.complete(at("a = |\n", "|", "python", true), env(engine, settings({ "completion.candidates": 1 })), signal())).items.length, 1);
  assert.equal(completer.snooze(0), null);
  const off = await completer.complete(at("b = |\n", "|", "markdown"), env(engine), signal());
  assert.deepEqual(off.items, []);
  const disabled = await completer.complete(at("c = |\n"), env(engine, settings({ "completion.enable": false })), signal());
  assert.deepEqual(disabled.items, []);
  assert.equal(engine.calls, 1);
});

test("after a suggestion is shown, the one that follows it is prefetched and served on acceptance", async () => {
  const engine = new FakeEngine(["load(path)", "  # loaded from disk"]);
  const completer = new Completer(passThroughGate, silentLogger, () => undefined);
  const first = await completer.complete(at("data = |\n"), env(engine), signal());
  assert.deepEqual(first.items, ["load(path)"]);
  await new Promise((r) => setTimeout(r, 800));
  assert.equal(completer.stats.snapshot().prefetches, 1);
  const calls = engine.calls;
  const next = await completer.complete(at("data = load(path)|\n"), env(engine), signal());
  assert.deepEqual(next.items, ["# loaded from disk"].map((s) => "  " + s));
  assert.equal(next.timings?.source, "prefetch");
  assert.equal(engine.calls, calls);
});

test("a model without FIM tokens answers empty with a message that says what to do", async () => {
  const engine = new FakeEngine(["x"]);
  (engine.vocabulary as { special: object }).special = { bos: true, eos: true };
  const answer = await new Completer(passThroughGate, silentLogger, () => undefined).complete(at("a = |\n"), env(engine), signal());
  assert.deepEqual(answer.items, []);
  assert.match(answer.problem ?? "", /no fill-in-the-middle tokens/);
});

test("typing something other than the shown suggestion stops its prefetch; typing into it does not", async () => {
  const engine = new FakeEngine(["load(path)", "  # next"]);
  const completer = new Completer(passThroughGate, silentLogger, () => undefined);
  const input = at("data = |\n");
  await completer.complete(input, env(engine), signal());
  completer.documentChanged(input.uri, "data = lo\n");
  completer.documentChanged(input.uri, "data = x\n");
  await new Promise((r) => setTimeout(r, 800));
  assert.equal(completer.stats.snapshot().prefetches, 0, "the diverging edit aborted the prefetch before it started");

  const again = new Completer(passThroughGate, silentLogger, () => undefined);
  await again.complete(input, env(new FakeEngine(["load(path)", "  # next"])), signal());
  again.documentChanged(input.uri, "data = lo\n");
  await new Promise((r) => setTimeout(r, 800));
  assert.equal(again.stats.snapshot().prefetches, 1, "typing the suggestion's first characters keeps it");
});

test("a MissingTokenError from the engine becomes the answer's problem (checked with instanceof); other errors answer empty without one", async () => {
  const engine = new FakeEngine(["x"]);
  let error: Error = new MissingTokenError("fimPrefix", "Chat-Only-Model");
  engine.generate = async () => { throw error; };
  const completer = new Completer(passThroughGate, silentLogger, () => undefined);
  const missing = await completer.complete(at("a = |\n"), env(engine), signal());
  assert.deepEqual(missing.items, []);
  assert.equal(missing.problem, "The model Chat-Only-Model has no fimPrefix token, so it cannot do this; choose a code model with fill-in-the-middle tokens.");
  error = new Error("llama.cpp went away");
  const other = await completer.complete(at("b = |\n"), env(engine), signal());
  assert.deepEqual(other.items, []);
  assert.equal(other.problem, undefined);
});
