import { test } from "node:test";
import assert from "node:assert/strict";
import { formatCompletionMetrics, viewOfSnooze, viewOfStats } from "../../src/completion/completionView";
import type { CompletionTimings } from "../../common/protocol";

const timings: CompletionTimings = {
  source: "model", debounceMs: 30, contextMs: 3.2, promptTokens: 1530, promptTokensEvaluated: 4, promptTokensReused: 1526, promptMs: 41,
  generatedTokens: 12, generationMs: 450, postprocessMs: 0.4, shieldMs: 1.1, totalMs: 530, candidates: 1,
};

test("the status bar shows the last completion's stages", () => {
  const view = viewOfStats({ timings })!;
  assert.equal(view.text, "$(sparkle) ctx 3ms · prompt 4 new/1.5k reused · gen 12t 450ms · shield 1ms");
  assert.match(view.tooltip, /1530 tokens: 4 evaluated, 1526 reused from the KV cache/);
  assert.equal(viewOfStats({ timings: { ...timings, source: "typedAhead", totalMs: 2 } })!.text, "$(sparkle) typed-ahead 2ms");
});

test("Shield verdicts and problems take precedence, with a warning background", () => {
  const held = viewOfStats({ timings, heldBack: { ruleId: "python-os-system", cwe: "CWE-78", severity: "error", message: "shell" } })!;
  assert.equal(held.text, "$(shield) Shield held back a suggestion: CWE-78");
  assert.equal(held.warning, true);
  assert.match(viewOfStats({ problem: "no FIM tokens" })!.tooltip, /no FIM tokens/);
  assert.equal(viewOfStats({}), undefined);
});

test("snoozed and disabled completions say so; the metrics report lists p50 and p95 per stage", () => {
  assert.match(viewOfSnooze(Date.now() + 60_000, true)!.text, /Completions snoozed until/);
  assert.equal(viewOfSnooze(null, false)!.text, "$(circle-slash) Completions off");
  assert.equal(viewOfSnooze(null, true), undefined);
  const report = formatCompletionMetrics({
    requests: 10, served: { model: 6, cache: 1, typedAhead: 2, prefetch: 1 }, empty: 0, aborted: 3, modelCalls: 6, prefetches: 2,
    accepted: 1, heldBack: 0, cacheHitRate: 0.4, stages: { totalMs: { p50: 120, p95: 800 } },
  });
  assert.match(report, /Cache hit rate 40%/);
  assert.match(report, /totalMs\s+120\s+800/);
});
