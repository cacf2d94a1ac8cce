import type { EngineMetrics, RequestTimings } from "../../common/protocol";

const RECENT = 50;

/** Counts what the engine evaluated and reused; `enclave/metrics` reports a snapshot. */
export class EngineMetricsCollector {
  private requests = 0;
  private aborted = 0;
  private evaluated = 0;
  private reused = 0;
  private generated = 0;
  private readonly recent: RequestTimings[] = [];

  record(timings: RequestTimings): void {
    this.requests++;
    if (timings.stopReason === "abort") this.aborted++;
    this.evaluated += timings.promptTokensEvaluated;
    this.reused += timings.promptTokensReused;
    this.generated += timings.generatedTokens;
    this.recent.push(timings);
    if (this.recent.length > RECENT) this.recent.shift();
  }

  snapshot(): EngineMetrics {
    return {
      requests: this.requests, aborted: this.aborted,
      promptTokensEvaluated: this.evaluated, promptTokensReused: this.reused,
      generatedTokens: this.generated, recent: [...this.recent],
    };
  }
}
