/**
 * Greedy speculative decoding, driven by Enclave rather than by node-llama-cpp's own loop.
 *
 * node-llama-cpp 3.21.1 runs a sequence's token predictor inside `evaluate()`, but its check
 * of a drafted batch accepts at most the first drafted token: for the second and later ones
 * it compares against a list it never fills (`validatedTokens` in LlamaContextSequence's
 * `_speculativeEvaluate`), so every batch of k drafted tokens buys one token and throws k - 1
 * away. That caps the gain near 2x however good the predictions are. This loop uses the same
 * predictors (prompt lookup, a draft model) and verifies a whole batch itself with
 * `controlledEvaluate`, which samples after every position in one decode.
 *
 * Greedy only: a drafted token is kept exactly when it is the token greedy decoding picks at
 * its position, so the output is the output without speculation, token for token.
 */

import type { SequenceBackend, TokenPrediction } from "./sequence";

/** The target sequence as speculation needs it (llama.ts adapts a node-llama-cpp sequence). */
export interface SpeculationTarget {
  /** Tokens whose keys and values are in the KV cache, in order. */
  contextTokens(): readonly number[];
  /**
   * Appends `tokens` to the cache in one decode and returns the greedy next token after each
   * position from `from` on (index 0 of the result is the token after `tokens[from]`).
   */
  evaluateGreedy(tokens: readonly number[], from: number): Promise<number[]>;
  /** Drops the last `count` tokens from the cache (drafted tokens the model refuted). */
  eraseLast(count: number): Promise<void>;
}

/** A token predictor (prompt lookup or draft model) as speculation drives it. */
export interface DraftSource {
  /** Starts over from `state`: the cached tokens plus the ones about to be evaluated. */
  reset(state: readonly number[]): Promise<void>;
  /** Tokens appended to the state (the ones just generated). */
  push(tokens: readonly number[]): void;
  /** The tokens predicted to follow the state, possibly none. */
  predict(): Promise<readonly number[]>;
  stop(): void;
}

/** Running totals across generations: drafted tokens the model accepted and refuted. */
export interface DraftCounts {
  used: number;
  refuted: number;
}

/**
 * Evaluates `tokens` (at least one), then yields greedy tokens one by one, several per decode
 * when the drafts are right. The caller stops by returning from the iteration; the cache then
 * holds every accepted token but the last yielded ones, which is always a valid prefix.
 */
export async function* speculateGreedy(target: SpeculationTarget, source: DraftSource, tokens: readonly number[], maxDraft: number, counts: DraftCounts): AsyncGenerator<number, void, void> {
  let pending = [...tokens];
  await source.reset([...target.contextTokens(), ...pending]);
  try {
    while (true) {
      const draft = (await source.predict()).slice(0, maxDraft);
      const next = await target.evaluateGreedy([...pending, ...draft], pending.length - 1);
      // next[0] follows the last pending token; next[j + 1] follows draft[j], valid only while draft[0..j] matched.
      let accepted = 0;
      while (accepted < draft.length && draft[accepted] === next[accepted]) accepted++;
      const refuted = draft.length - accepted;
      if (refuted > 0) await target.eraseLast(refuted);
      counts.used += accepted;
      counts.refuted += refuted;
      const emitted = next.slice(0, accepted + 1);
      source.push(emitted);
      for (const token of emitted) yield token;
      pending = [emitted[emitted.length - 1]!];
    }
  } finally {
    source.stop();
  }
}

/**
 * A sequence backend whose greedy generation drafts with `source` and checks each draft in one
 * decode; sampled generation (temperature > 0) cannot be checked token by token and runs plainly.
 */
export function speculativeBackend(plain: SequenceBackend, kind: TokenPrediction["kind"], source: DraftSource & { setInput(tokens: readonly number[]): void },
  target: SpeculationTarget, maxDraft: number): SequenceBackend {
  const counts: DraftCounts = { used: 0, refuted: 0 };
  return {
    ...plain,
    generate: (tokens, sampling) => (sampling.temperature === 0 ? speculateGreedy(target, source, tokens, maxDraft, counts) : plain.generate(tokens, sampling)),
    predictor: { kind, setInput: (tokens) => source.setInput(tokens), counts: () => ({ ...counts }) },
  };
}
