/**
 * A least-recently-used cache of suggestions keyed by a hash of the text before and after the
 * cursor. Lookups also try the cursor positions a few characters back: when the user has typed
 * the first characters of a cached suggestion, the rest of it is served without a model call
 * (typed-ahead). Prefetched suggestions go in here too, under the position they were made for.
 */
import { createHash } from "node:crypto";

/** Characters before and after the cursor that identify a position. */
const PREFIX_CHARS = 2000;
const SUFFIX_CHARS = 600;
/** How many typed characters back a suggestion may have been made. */
const MAX_TYPED_AHEAD = 80;

export interface CacheHit {
  /** The suggestions with the typed characters removed from their start. */
  readonly candidates: readonly string[];
  /** How many characters were typed since the suggestion was made (0: exact position). */
  readonly typed: number;
  readonly prefetched: boolean;
}

interface Entry {
  readonly candidates: readonly string[];
  readonly prefetched: boolean;
}

export class CompletionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 512) {}

  get size(): number {
    return this.entries.size;
  }

  store(salt: string, text: string, offset: number, candidates: readonly string[], prefetched = false): void {
    if (candidates.length === 0) return;
    const key = keyAt(salt, text, offset, text.slice(offset, offset + SUFFIX_CHARS));
    this.entries.delete(key);
    this.entries.set(key, { candidates, prefetched });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The suggestions for this position, or for a position up to a few typed characters back. */
  lookup(salt: string, text: string, offset: number): CacheHit | undefined {
    const suffix = text.slice(offset, offset + SUFFIX_CHARS);
    for (let typed = 0; typed <= Math.min(MAX_TYPED_AHEAD, offset); typed++) {
      const key = keyAt(salt, text, offset - typed, suffix);
      const entry = this.entries.get(key);
      if (!entry) continue;
      const typedText = text.slice(offset - typed, offset);
      const candidates = entry.candidates.filter((c) => c.length > typed && c.startsWith(typedText)).map((c) => c.slice(typed));
      if (candidates.length === 0 || candidates.every((c) => !c.trim())) continue;
      this.entries.delete(key);
      this.entries.set(key, entry);
      return { candidates, typed, prefetched: entry.prefetched };
    }
    return undefined;
  }

  clear(): void {
    this.entries.clear();
  }
}

function keyAt(salt: string, text: string, offset: number, suffix: string): string {
  return createHash("sha1").update(salt).update("\u0000").update(text.slice(Math.max(0, offset - PREFIX_CHARS), offset)).update("\u0000").update(suffix).digest("base64");
}
