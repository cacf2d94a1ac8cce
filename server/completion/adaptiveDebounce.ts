/**
 * Waits for a pause in typing before the model is asked, with a delay that follows the user's
 * typing speed: in a burst of fast keystrokes it waits a little longer than the usual gap
 * between keys (so requests that the next key would cancel never start), and a slow typist
 * (gaps longer than the upper bound) is answered after the lower bound, since the next key is
 * not coming soon anyway. The wait ends early, as a normal empty result, when aborted.
 */
const WINDOW = 12;
/** Gaps longer than this are pauses, not typing speed. */
const PAUSE_MS = 1000;

export class AdaptiveDebounce {
  private last = 0;
  private readonly gaps: number[] = [];

  /** Records a keystroke (a document change). */
  noteKeystroke(now = performance.now()): void {
    if (this.last) {
      const gap = now - this.last;
      if (gap < PAUSE_MS) {
        this.gaps.push(gap);
        if (this.gaps.length > WINDOW) this.gaps.shift();
      }
    }
    this.last = now;
  }

  /** The median gap between recent keystrokes, when there were enough to tell. */
  typingGapMs(): number | undefined {
    if (this.gaps.length < 3) return undefined;
    const sorted = [...this.gaps].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  }

  delayMs(min: number, max: number): number {
    const gap = this.typingGapMs();
    if (gap === undefined || gap > max) return min;
    return Math.round(Math.min(max, Math.max(min, gap * 1.1)));
  }
}

/** Resolves true after `ms`, or false as soon as the signal aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (waited: boolean): void => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      resolve(waited);
    };
    const onAbort = (): void => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener("abort", onAbort);
  });
}
