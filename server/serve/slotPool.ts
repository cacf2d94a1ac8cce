/**
 * Assigns KV-cache slots (sequences of one context) to clients, least recently used first.
 * A client keeps its slot, and so its cached prompt prefix, for as long as it keeps using it;
 * a new client takes a free slot, or the one used least recently, whose client then starts
 * cold on its next request. This is what keeps two editor windows from evicting each other's
 * cache on every keystroke (llama.vscode issue 19), as long as there are at least as many slots
 * as active clients.
 */
export class SlotPool<T> {
  private readonly owners: Array<string | undefined>;
  private readonly lastUsed: number[];
  private clock = 0;

  constructor(readonly slots: readonly T[]) {
    if (slots.length === 0) throw new Error("A slot pool needs at least one slot.");
    this.owners = slots.map(() => undefined);
    this.lastUsed = slots.map(() => 0);
  }

  /** The client's slot; `evicted` names the client that lost it, when one did. */
  acquire(client: string): { index: number; slot: T; evicted?: string } {
    let index = this.owners.indexOf(client);
    let evicted: string | undefined;
    if (index < 0) {
      index = this.owners.indexOf(undefined);
      if (index < 0) {
        index = this.lastUsed.indexOf(Math.min(...this.lastUsed));
        evicted = this.owners[index];
      }
      this.owners[index] = client;
    }
    this.lastUsed[index] = ++this.clock;
    return { index, slot: this.slots[index]!, evicted };
  }

  /** Which client holds each slot, by index. */
  get assignments(): ReadonlyArray<string | undefined> {
    return this.owners;
  }
}
