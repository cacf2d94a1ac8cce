import type { ChatMessageRecord, ChatMetricsSnapshot } from "../../common/protocol";

export type { ChatMetricsSnapshot };


/** Counts chat turns, how they ended and what had to be left out to fit the context window. */
export class ChatMetrics {
  private turns = 0;
  private aborted = 0;
  private dropped = 0;
  private cut = 0;
  private last: ChatMetricsSnapshot["last"];

  record(answer: ChatMessageRecord, droppedTurns: number, cutAttachments: number): void {
    this.turns++;
    if (answer.stopReason === "abort") this.aborted++;
    this.dropped += droppedTurns;
    this.cut += cutAttachments;
    this.last = { usage: answer.usage, timings: answer.timings, stopReason: answer.stopReason };
  }

  snapshot(): ChatMetricsSnapshot {
    return { turns: this.turns, aborted: this.aborted, droppedTurns: this.dropped, cutAttachments: this.cut, ...(this.last ? { last: this.last } : {}) };
  }
}
