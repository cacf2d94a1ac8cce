import type { ChatDeltaParams } from "../../common/protocol";

/**
 * Sends generated text as delta notifications: the first piece at once (the user should see the
 * answer start), later pieces gathered for a few milliseconds so that a fast model does not send
 * one message per token. Pieces keep their order and `finish` flushes what is left.
 */
export class DeltaStream {
  private pending = "";
  private seq = 0;
  private lastSent = 0;
  private timer: NodeJS.Timeout | undefined;
  /** When the first piece was sent (performance.now()), 0 before that. */
  firstSentAt = 0;

  constructor(
    private readonly requestId: string,
    private readonly send: (params: ChatDeltaParams) => void,
    private readonly intervalMs = 25,
  ) {}

  push(text: string): void {
    if (!text) return;
    this.pending += text;
    const wait = this.intervalMs - (performance.now() - this.lastSent);
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  /** Sends what is pending; returns how many notifications were sent in all. */
  finish(): number {
    this.flush();
    return this.seq;
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending) return;
    const text = this.pending;
    this.pending = "";
    this.lastSent = performance.now();
    if (!this.firstSentAt) this.firstSentAt = this.lastSent;
    this.send({ requestId: this.requestId, seq: this.seq++, text });
  }
}
