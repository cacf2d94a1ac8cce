/**
 * BM25 keyword search over chunks: the chunks' field lengths and liveness here, their postings in
 * typed arrays (postings.ts). It replaced minisearch, which needed 851 MB for a million-line tree
 * and copied it all into JSON at each save; this needs a third of that and saves its arrays as
 * they are. Removing a chunk marks it dead at once; its postings go at the next merge.
 *
 * Scoring is the BM25+ that minisearch computed, so ranking did not change with the storage:
 * per field k = 1.2, b = 0.7, d = 0.5, the document frequency counted per field, the field
 * length being the number of distinct raw terms, boosts symbol 6, path 1.5, content 1, the
 * scores of each query term (each occurrence) summed, and the sum multiplied by the number of
 * distinct query terms the chunk matched.
 */
import { Postings } from "./postings";
import { stemTerm, tokenize } from "./tokenize";

/** What is indexed per chunk; only `id` is kept, the rest lives in the chunk table. */
export interface KeywordDocument {
  readonly id: number;
  readonly symbol: string;
  readonly path: string;
  readonly content: string;
}

export interface KeywordHit { readonly id: number; readonly score: number }

/**
 * The symbol counts most (a question usually names what it looks for), the path next
 * (`auth/session.py`). Boost 6 rather than 3 and the plural folding each raised recall@5 by 1
 * to 2 points on docstring queries over the Python standard library (README, "Codebase index").
 */
const BOOST = [6, 1.5, 1] as const;
const FIELDS = 3;
const K = 1.2;
const B = 0.7;
const D = 0.5;
/** A term's count in one chunk is packed: symbol in bits 0-7, path in 8-15, content in 16-31. */
const ONE = [1, 1 << 8, 1 << 16] as const;
const MAX = [0xff, 0xff, 0xffff] as const;
const countIn = (packed: number, field: number): number => (field === 2 ? packed >>> 16 : (packed >>> (8 * field)) & 0xff);

/** The pending part is merged once it reaches this many postings, or an eighth of the sealed part. */
const MIN_PENDING = 1 << 18;
const MAGIC = 0x314b5745; // "EWK1", little-endian

export class KeywordIndex {
  /** Postings name slots, not chunk ids. */
  private postings = new Postings();
  /**
   * Chunk ids are never reused (each re-chunked file gets new ones), so arrays indexed by id would
   * grow for as long as the index lives. Each chunk gets a dense slot instead; a removed chunk's
   * slot is free again once a merge has dropped its postings.
   */
  private readonly slotOf = new Map<number, number>();
  private idOf: Uint32Array = new Uint32Array(1024);
  private slotCount = 0;
  private freeSlots: number[] = [];
  /** Slots of chunks removed since the last merge: their postings still exist. */
  private deadSlots: number[] = [];
  /** Per slot: its three field lengths, and whether its chunk is in the index. */
  private lengths: Uint32Array = new Uint32Array(FIELDS * 1024);
  private live: Uint8Array = new Uint8Array(1024);
  private liveCount = 0;
  private readonly lengthSum = [0, 0, 0];
  static empty(): KeywordIndex {
    return new KeywordIndex();
  }

  add(documents: readonly KeywordDocument[]): void {
    for (const document of documents) this.addOne(document);
    if (this.postings.pendingLength >= Math.max(MIN_PENDING, this.postings.sealedLength / 8)) this.merge();
  }

  /** Removes chunks of changed or deleted files; their postings are dropped at the next merge. */
  remove(ids: readonly number[]): void {
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      this.slotOf.delete(id);
      this.live[slot] = 0;
      this.liveCount--;
      for (let f = 0; f < FIELDS; f++) this.lengthSum[f]! -= this.lengths[slot * FIELDS + f]!;
      this.deadSlots.push(slot);
    }
    if (this.deadSlots.length > Math.max(1024, this.liveCount / 4)) this.merge();
  }

  /** The best `top` chunks for a query, best first. */
  query(text: string, top: number): KeywordHit[] {
    // How often each known term occurs in the query: each occurrence scores again.
    const occurrences = new Map<number, number>();
    for (const raw of tokenize(text)) {
      const id = this.postings.termId(stemTerm(raw));
      if (id !== undefined) occurrences.set(id, (occurrences.get(id) ?? 0) + 1);
    }
    if (occurrences.size === 0 || this.liveCount === 0 || top <= 0) return [];
    // First pass: each term's document frequency per field, over live chunks.
    const frequency = new Map<number, number[]>([...occurrences.keys()].map((term) => [term, [0, 0, 0]]));
    this.postings.forEach(occurrences.keys(), (term, doc, packed) => {
      if (!this.live[doc]) return;
      const counts = frequency.get(term)!;
      for (let f = 0; f < FIELDS; f++) if (countIn(packed, f) > 0) counts[f]!++;
    });
    const idf = new Map([...frequency].map(([term, counts]) => [term, counts.map((n) => Math.log(1 + (this.liveCount - n + 0.5) / (n + 0.5)))]));
    const average = this.lengthSum.map((sum) => sum / this.liveCount);
    // Second pass: each posting's score, summed per chunk, with how many terms the chunk matched.
    const scores = new Map<number, number>();
    const matched = new Map<number, number>();
    this.postings.forEach(occurrences.keys(), (term, doc, packed) => {
      if (!this.live[doc]) return;
      const weights = idf.get(term)!;
      let sum = 0;
      for (let f = 0; f < FIELDS; f++) {
        const tf = countIn(packed, f);
        if (tf === 0) continue;
        const norm = average[f]! > 0 ? this.lengths[doc * FIELDS + f]! / average[f]! : 1;
        sum += BOOST[f]! * weights[f]! * (D + (tf * (K + 1)) / (tf + K * (1 - B + B * norm)));
      }
      scores.set(doc, (scores.get(doc) ?? 0) + occurrences.get(term)! * sum);
      matched.set(doc, (matched.get(doc) ?? 0) + 1);
    });
    return topOf(scores, matched, this.idOf, top);
  }

  /** Terms in the dictionary (with postings, after a merge). */
  get termCount(): number {
    return this.postings.termCount;
  }

  /** Chunks in the index; a stale one would take a slot of the top results from a real one. */
  get documentCount(): number {
    return this.liveCount;
  }

  /**
   * The whole index as bytes (merged first, so only the sealed part is written): a header, the
   * terms as one newline-separated string, then the arrays. Little-endian, as every machine
   * node-llama-cpp runs on.
   */
  serialize(): Buffer {
    this.merge();
    const blocks = this.postings.blocks();
    const slots = this.slotCount;
    const header = new Uint32Array([MAGIC, this.postings.termCount, blocks.terms.length, blocks.docs.length, slots, this.liveCount]);
    return Buffer.concat([
      bytesOf(header),
      blocks.terms,
      Buffer.alloc((4 - (blocks.terms.length % 4)) % 4),
      bytesOf(blocks.termStart),
      bytesOf(blocks.docs),
      bytesOf(blocks.counts),
      bytesOf(this.idOf.subarray(0, slots)),
      bytesOf(this.lengths.subarray(0, slots * FIELDS)),
      Buffer.from(this.live.buffer, this.live.byteOffset, slots),
    ]);
  }

  /** Restores an index written by `serialize`; throws on bytes that are not one. */
  static deserialize(bytes: Buffer): KeywordIndex {
    let at = 0;
    const take = (length: number): Buffer => {
      if (at + length > bytes.length) throw new Error("keyword index: file is cut short");
      const block = bytes.subarray(at, at + length);
      at += length;
      return block;
    };
    // Copied into fresh arrays: a file's bytes need not be aligned for a Uint32Array view.
    const u32 = (count: number): Uint32Array => new Uint32Array(new Uint8Array(take(count * 4)).buffer);
    const [magic, termCount, termBytes, postings, slots, liveCount] = u32(6);
    if (magic !== MAGIC) throw new Error("keyword index: not an Enclave keyword index");
    const terms = take(termBytes!).toString("utf8");
    take((4 - (termBytes! % 4)) % 4);
    const index = new KeywordIndex();
    index.postings = Postings.fromBlocks(terms, termCount!, u32(termCount! + 1), u32(postings!), u32(postings!), slots!);
    index.idOf = u32(slots!);
    index.lengths = u32(slots! * FIELDS);
    index.live = new Uint8Array(take(slots!));
    index.slotCount = slots!;
    for (let slot = 0; slot < slots!; slot++) {
      if (!index.live[slot]) {
        index.freeSlots.push(slot);
        continue;
      }
      index.slotOf.set(index.idOf[slot]!, slot);
      for (let f = 0; f < FIELDS; f++) index.lengthSum[f]! += index.lengths[slot * FIELDS + f]!;
    }
    if (index.slotOf.size !== liveCount) throw new Error("keyword index: the chunk table does not match its count");
    index.liveCount = liveCount!;
    return index;
  }

  private addOne(document: KeywordDocument): void {
    const id = document.id;
    if (!Number.isInteger(id) || id < 0 || id > 0xfffffffe) throw new Error(`keyword index: chunk id ${id} is not a 32-bit id`);
    if (this.slotOf.has(id)) throw new Error(`keyword index: chunk ${id} is already indexed`);
    const slot = this.freeSlots.pop() ?? this.slotCount++;
    this.reserve(slot);
    this.slotOf.set(id, slot);
    this.idOf[slot] = id;
    const counts = new Map<number, number>();
    const values = [document.symbol, document.path, document.content];
    for (let f = 0; f < FIELDS; f++) {
      const raw = tokenize(values[f]!);
      const length = new Set(raw).size;
      this.lengths[slot * FIELDS + f] = length;
      this.lengthSum[f]! += length;
      for (const token of raw) {
        const term = this.postings.addTerm(stemTerm(token));
        const packed = counts.get(term) ?? 0;
        if (countIn(packed, f) < MAX[f]) counts.set(term, packed + ONE[f]);
      }
    }
    for (const [term, packed] of counts) this.postings.append(term, slot, packed);
    this.live[slot] = 1;
    this.liveCount++;
  }

  private reserve(slot: number): void {
    if (slot < this.live.length) return;
    let size = this.live.length;
    while (size <= slot) size *= 2;
    const live = new Uint8Array(size);
    live.set(this.live);
    this.live = live;
    const idOf = new Uint32Array(size);
    idOf.set(this.idOf);
    this.idOf = idOf;
    const lengths = new Uint32Array(size * FIELDS);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }

  /** After the merge no posting names a removed chunk's slot, so those slots are free. */
  private merge(): void {
    this.postings.merge(this.live);
    this.freeSlots.push(...this.deadSlots);
    this.deadSlots = [];
  }
}

function bytesOf(array: Uint32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** The `top` best chunks by score times matched terms, best first (ties: lower id first). */
function topOf(scores: ReadonlyMap<number, number>, matched: ReadonlyMap<number, number>, idOf: Uint32Array, top: number): KeywordHit[] {
  const best: KeywordHit[] = [];
  for (const [slot, sum] of scores) {
    const score = sum * (matched.get(slot) ?? 1);
    const id = idOf[slot]!;
    if (best.length === top && !better(score, id, best[top - 1]!)) continue;
    let at = best.length === top ? top - 1 : best.length;
    if (best.length === top) best.pop();
    while (at > 0 && better(score, id, best[at - 1]!)) at--;
    best.splice(at, 0, { id, score });
  }
  return best;
}

const better = (score: number, id: number, than: KeywordHit): boolean => score > than.score || (score === than.score && id < than.id);
