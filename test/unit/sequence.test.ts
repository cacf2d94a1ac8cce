import { test } from "node:test";
import assert from "node:assert/strict";
import { PrefixCachedSequence, PromptTooLongError, type Sampling, type SequenceBackend } from "../../server/engine/sequence";

/**
 * A sequence that "generates" a fixed script of tokens and records what it was asked to
 * evaluate, so prefix reuse can be checked token by token.
 */
class FakeBackend implements SequenceBackend {
  readonly contextSize = 64;
  cache: number[] = [];
  evaluated: number[] = [];
  constructor(private readonly script: number[], private readonly delayMs = 0) {}
  contextTokens(): readonly number[] { return this.cache; }
  async eraseFrom(start: number): Promise<void> { this.cache = this.cache.slice(0, start); }
  async ingest(tokens: number[]): Promise<void> { this.cache.push(...tokens); this.evaluated.push(...tokens); }
  async *generate(tokens: number[], _sampling: Sampling): AsyncGenerator<number, void, void> {
    await this.ingest(tokens);
    for (const token of this.script) {
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      yield token;
      this.cache.push(token);
    }
  }
  isEndOfGeneration(token: number): boolean { return token === 0; }
  detokenize(tokens: readonly number[]): string { return tokens.map((t) => String.fromCharCode(96 + t)).join(""); }
}

const greedy = { temperature: 0 };

test("a prompt that extends the cached one evaluates only the new tokens", async () => {
  const backend = new FakeBackend([1, 2, 3]);
  const seq = new PrefixCachedSequence(backend);
  const first = await seq.generate({ prompt: [10, 11, 12, 13], maxTokens: 2, sampling: greedy });
  assert.equal(first.promptTokensEvaluated, 4);
  assert.equal(first.promptTokensReused, 0);
  assert.equal(first.text, "ab");
  backend.evaluated = [];
  const second = await seq.generate({ prompt: [10, 11, 12, 13, 14, 15], maxTokens: 1, sampling: greedy });
  assert.equal(second.promptTokensReused, 4);
  assert.equal(second.promptTokensEvaluated, 2);
  assert.deepEqual(backend.evaluated, [14, 15]);
});

test("a prompt that diverges keeps the shared prefix and drops the rest of the cache", async () => {
  const backend = new FakeBackend([1]);
  const seq = new PrefixCachedSequence(backend);
  await seq.generate({ prompt: [5, 6, 7, 8], maxTokens: 1, sampling: greedy });
  backend.evaluated = [];
  const r = await seq.generate({ prompt: [5, 6, 9], maxTokens: 1, sampling: greedy });
  assert.equal(r.promptTokensReused, 2);
  assert.deepEqual(backend.evaluated, [9]);
});

test("an identical prompt still evaluates its last token, for fresh logits", async () => {
  const backend = new FakeBackend([1]);
  const seq = new PrefixCachedSequence(backend);
  await seq.generate({ prompt: [5, 6, 7], maxTokens: 1, sampling: greedy });
  const r = await seq.generate({ prompt: [5, 6, 7], maxTokens: 1, sampling: greedy });
  assert.equal(r.promptTokensEvaluated, 1);
  assert.equal(r.promptTokensReused, 2);
});

test("generation stops at end-of-generation, max tokens and stop strings", async () => {
  const seq = () => new PrefixCachedSequence(new FakeBackend([1, 2, 3, 0, 4]));
  const eos = await seq().generate({ prompt: [9], maxTokens: 10, sampling: greedy });
  assert.equal(eos.stopReason, "eos");
  assert.equal(eos.text, "abc");
  const max = await seq().generate({ prompt: [9], maxTokens: 2, sampling: greedy });
  assert.equal(max.stopReason, "maxTokens");
  assert.equal(max.text, "ab");
  const chunks: string[] = [];
  const stopped = await seq().generate({ prompt: [9], maxTokens: 10, sampling: greedy, stop: ["bc"], onText: (c) => chunks.push(c) });
  assert.equal(stopped.stopReason, "stop");
  assert.equal(stopped.text, "a");
  assert.equal(chunks.join(""), "a");
});

test("an abort stops generation and reports it as a normal result", async () => {
  const seq = new PrefixCachedSequence(new FakeBackend(Array(100).fill(1), 5));
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 30);
  const r = await seq.generate({ prompt: [9], maxTokens: 100, sampling: greedy, signal: controller.signal });
  assert.equal(r.stopReason, "abort");
  assert.ok(r.generatedTokens < 100);
});

test("an already aborted request evaluates nothing", async () => {
  const backend = new FakeBackend([1]);
  const seq = new PrefixCachedSequence(backend);
  const r = await seq.generate({ prompt: Array.from({ length: 40 }, (_, i) => i + 1), maxTokens: 5, sampling: greedy, signal: AbortSignal.abort() });
  assert.equal(r.stopReason, "abort");
  assert.deepEqual(backend.evaluated, []);
});

test("a prompt longer than the context is refused with a clear error", async () => {
  const seq = new PrefixCachedSequence(new FakeBackend([1]));
  await assert.rejects(seq.generate({ prompt: Array(64).fill(1), maxTokens: 1, sampling: greedy }), PromptTooLongError);
});
