/**
 * Turns the growing detokenized text of a generation into safe-to-show chunks: it cuts the text
 * at the first stop string, and holds back a tail that could still become a stop string or is an
 * unfinished UTF-8 character (shown by the detokenizer as U+FFFD), so a listener never sees text
 * that is later taken back.
 */
export class StreamingText {
  private full = "";
  private emitted = 0;
  private stopped = false;

  constructor(private readonly stops: readonly string[], private readonly listener?: (chunk: string) => void) {}

  /** The text so far, cut at a stop string when one was seen. */
  get value(): string {
    return this.full;
  }

  /** Takes the whole detokenized text so far; returns true when a stop string was reached. */
  update(detokenized: string): boolean {
    if (this.stopped) return true;
    let text = detokenized;
    let hit = -1;
    for (const stop of this.stops) {
      const at = stop ? text.indexOf(stop) : -1;
      if (at >= 0 && (hit < 0 || at < hit)) hit = at;
    }
    if (hit >= 0) {
      text = text.slice(0, hit);
      this.stopped = true;
    }
    this.full = text;
    const safe = this.stopped ? text.length : text.length - this.holdBack(text);
    this.emit(Math.max(safe, this.emitted));
    return this.stopped;
  }

  /** Flushes whatever was held back once generation has ended. */
  finish(): void {
    this.full = this.full.replace(/\uFFFD+$/u, "");
    this.emit(this.full.length);
  }

  private emit(upTo: number): void {
    if (upTo > this.emitted && this.listener) this.listener(this.full.slice(this.emitted, upTo));
    this.emitted = Math.max(this.emitted, upTo);
  }

  /** How many trailing characters might still change: a partial stop string or a broken character. */
  private holdBack(text: string): number {
    let hold = 0;
    const broken = /\uFFFD+$/u.exec(text);
    if (broken) hold = broken[0].length;
    for (const stop of this.stops) {
      for (let len = Math.min(stop.length - 1, text.length); len > hold; len--) {
        if (text.endsWith(stop.slice(0, len))) { hold = len; break; }
      }
    }
    return hold;
  }
}
