import type { MetricsSections } from "../common/protocol";

/**
 * Collects the sections of the `enclave/metrics` answer. Each feature adds a function that
 * returns its current counters, typed by its entry in MetricsSections, so the metrics request
 * never needs to know every feature and a client reads each section without a cast.
 */
export class MetricsRegistry {
  private readonly sections = new Map<keyof MetricsSections, () => MetricsSections[keyof MetricsSections]>();

  add<K extends keyof MetricsSections>(section: K, snapshot: () => MetricsSections[K]): { dispose(): void } {
    this.sections.set(section, snapshot);
    return { dispose: () => this.sections.delete(section) };
  }

  snapshot(): Partial<MetricsSections> {
    const out: Partial<Record<keyof MetricsSections, unknown>> = {};
    for (const [name, take] of this.sections) out[name] = take();
    return out as Partial<MetricsSections>;
  }
}
