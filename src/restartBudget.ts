/**
 * How often the extension may restart a crashed server by itself: at most `max` restarts within
 * `windowMs`, each after a growing delay. A server that keeps dying (a corrupt model, say) is
 * then left stopped with a clear status instead of being restarted forever. Plain data, no VS
 * Code API, so the rule is unit-tested.
 */
export interface RestartDecision {
  /** Whether to restart now (after `delayMs`). */
  readonly restart: boolean;
  readonly delayMs: number;
  /** Restarts inside the window, this one included. */
  readonly attempt: number;
}

export class RestartBudget {
  private restarts: number[] = [];

  constructor(
    readonly max = 5,
    readonly windowMs = 180_000,
    // With the cap in place the delays only need to let a crash's cause (a busy port, a file
    // being written) pass; a server that keeps dying is stopped by the cap, not by waiting.
    private readonly delaysMs: readonly number[] = [500, 1000, 2000, 4000, 8000],
  ) {}

  /** Records a crash at `now` and decides whether it is restarted. */
  onCrash(now = Date.now()): RestartDecision {
    this.restarts = this.restarts.filter((t) => now - t < this.windowMs);
    if (this.restarts.length >= this.max) return { restart: false, delayMs: 0, attempt: this.restarts.length };
    this.restarts.push(now);
    const attempt = this.restarts.length;
    return { restart: true, delayMs: this.delaysMs[Math.min(attempt - 1, this.delaysMs.length - 1)]!, attempt };
  }

  /** Restarts counted in the window (tests and the status read it). */
  count(now = Date.now()): number {
    return this.restarts.filter((t) => now - t < this.windowMs).length;
  }

  /** The user restarted the server: the count starts again. */
  reset(): void {
    this.restarts = [];
  }
}
