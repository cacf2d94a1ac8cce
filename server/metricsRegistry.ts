/**
 * Collects the sections of the `enclave/metrics` answer. Each feature adds a function that
 * returns its current counters, so the metrics request never needs to know every feature.
 */
export class MetricsRegistry {
  private readonly sections = new Map<string, () => unknown>();

  add(section: string, snapshot: () => unknown): { dispose(): void } {
    this.sections.set(section, snapshot);
    return { dispose: () => this.sections.delete(section) };
  }

  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, take] of this.sections) out[name] = take();
    return out;
  }
}
