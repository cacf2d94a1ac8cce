/**
 * Counts what inline completion did and keeps the stages of recent completions, for the
 * `completion` section of `enclave/metrics` (with p50/p95 per stage) and the status bar.
 */
import { percentile } from "../stats";
import type { CompletionMetrics, CompletionSource, CompletionTimings, StagePercentiles } from "../../common/protocol";

const RECENT = 200;
const STAGES = ["debounceMs", "contextMs", "promptTokensEvaluated", "promptTokensReused", "promptMs", "generatedTokens", "generationMs", "postprocessMs", "shieldMs", "totalMs"] as const;

export class CompletionStats {
  requests = 0;
  empty = 0;
  aborted = 0;
  modelCalls = 0;
  prefetches = 0;
  accepted = 0;
  heldBack = 0;
  /** Suggestions shown after the secure generation loop repaired them. */
  repaired = 0;
  /** Requests that looked in the suggestion cache (reuse on, completions enabled). */
  lookups = 0;
  private readonly served: Record<CompletionSource, number> = { model: 0, cache: 0, typedAhead: 0, prefetch: 0 };
  private readonly recent: CompletionTimings[] = [];

  /** Records an answered completion (one that returned suggestions). */
  record(timings: CompletionTimings): void {
    this.served[timings.source]++;
    this.recent.push(timings);
    if (this.recent.length > RECENT) this.recent.shift();
  }

  snapshot(): CompletionMetrics {
    // Stages are taken over model-backed completions (a cache hit has no stages); answerMs is
    // the time to answer over every shown completion, cache hits included.
    const model = this.recent.filter((t) => t.source === "model");
    const stages: Record<string, StagePercentiles> = {};
    for (const stage of STAGES) {
      const values = model.map((t) => t[stage]);
      stages[stage] = { p50: percentile(values, 50), p95: percentile(values, 95) };
    }
    const answers = this.recent.map((t) => t.totalMs);
    stages.answerMs = { p50: percentile(answers, 50), p95: percentile(answers, 95) };
    const hits = this.served.cache + this.served.typedAhead + this.served.prefetch;
    return {
      requests: this.requests, served: { ...this.served }, empty: this.empty, aborted: this.aborted,
      modelCalls: this.modelCalls, prefetches: this.prefetches, accepted: this.accepted, heldBack: this.heldBack, repaired: this.repaired,
      cacheHitRate: this.lookups ? hits / this.lookups : 0,
      last: this.recent[this.recent.length - 1],
      stages,
    };
  }
}
