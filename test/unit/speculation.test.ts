// speculateGreedy against a fake model (next token = a fixed function of the last one) and a
// predictor that is right, wrong or silent on purpose: the tokens must be greedy decoding's, the
// cache must only ever hold accepted tokens, and the counts must say what was kept.

import { test } from "node:test";
import assert from "node:assert/strict";
import { speculateGreedy, type DraftSource, type SpeculationTarget } from "../../server/engine/speculation";

/** The fake model: after token t comes (t * 7 + 3) % 50. */
const successor = (token: number): number => (token * 7 + 3) % 50;

function fakeTarget(): SpeculationTarget & { cache: number[]; decodes: number } {
  const target = {
    cache: [] as number[],
    decodes: 0,
    contextTokens: () => target.cache,
    evaluateGreedy: async (tokens: readonly number[], from: number) => {
      target.decodes++;
      target.cache.push(...tokens);
      return tokens.slice(from).map(successor);
    },
    eraseLast: async (count: number) => {
      target.cache.splice(target.cache.length - count, count);
    },
  };
  return target;
}

/** Predicts the true continuation, except that every `wrongEvery`-th drafted token is off by one. */
function fakeSource(wrongEvery: number): DraftSource {
  let last = -1;
  let drafted = 0;
  return {
    reset: async (state) => { last = state[state.length - 1]!; },
    push: (tokens) => { last = tokens[tokens.length - 1]!; },
    predict: async () => {
      const out: number[] = [];
      for (let t = last, i = 0; i < 5; i++) {
        t = successor(t);
        drafted++;
        out.push(drafted % wrongEvery === 0 ? t + 1 : t);
      }
      return out;
    },
    stop: () => undefined,
  };
}

async function take(iterator: AsyncGenerator<number>, count: number): Promise<number[]> {
  const out: number[] = [];
  for await (const token of iterator) {
    out.push(token);
    if (out.length === count) break;
  }
  return out;
}

const greedy = (start: number, count: number): number[] => {
  const out: number[] = [];
  for (let t = start; out.length < count; ) out.push((t = successor(t)));
  return out;
};

test("speculative tokens are greedy decoding's, whatever the predictor drafts", async () => {
  for (const wrongEvery of [1, 2, 3, 7, 1000]) {
    const target = fakeTarget();
    const counts = { used: 0, refuted: 0 };
    const tokens = await take(speculateGreedy(target, fakeSource(wrongEvery), [1, 2, 3], 5, counts), 40);
    assert.deepEqual(tokens, greedy(3, 40), `wrong every ${wrongEvery}`);
    // The cache holds the prompt and accepted tokens only: always a prefix of the true sequence.
    assert.deepEqual(target.cache, [1, 2, 3, ...greedy(3, target.cache.length - 3)]);
    if (wrongEvery === 1) assert.equal(counts.used, 0);
    if (wrongEvery === 1000) {
      assert.ok(counts.used >= 30 && counts.refuted === 0, JSON.stringify(counts));
      assert.ok(target.decodes <= 8, `${target.decodes} decodes for 40 tokens`);
    }
  }
});
