/**
 * BM25 keyword search over chunks, with its postings in typed arrays. It replaced minisearch,
 * which kept a `Map` per term and field with an entry per chunk: on a million-line tree that is
 * about ten million map entries, 800 MB resident, and a second copy of it all as JSON at each
 * save. Here a posting is two 32-bit numbers (the chunk id, and its term counts in the symbol,
 * the path and the content packed together), so the same tree needs well under a tenth of that.
 *
 * Layout: a sealed segment (postings grouped by term, `termStart` giving each term's range) and
 * a pending segment (postings appended as chunks are added, in any order). Adding a chunk only
 * appends; when the pending part grows past a share of the sealed one, both are merged into a
 * new sealed segment (a counting sort by term), dropping the postings of removed chunks on the
 * way. So a one-file update costs what that file's terms cost, and a full build costs a few
 * linear merges. Removing a chunk marks it dead at once; its postings go at the next merge.
 *
 * Scoring is the BM25+ that minisearch computed, so ranking did not change with the storage:
 * per field k = 1.2, b = 0.7, d = 0.5, the document frequency counted per field, the field
 * length being the number of distinct raw terms, boosts symbol 6, path 1.5, content 1, the
 * scores of each query term (each occurrence) summed, and the sum multiplied by the number of
 * distinct query terms the chunk matched.
 */
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
/** Terms without postings are dropped from the dictionary once there are this many, or a quarter of it. */
const EMPTY_TERMS = 1 << 16;
const MAGIC = 0x314b5745; // "EWK1", little-endian

class GrowableU32 {
  data: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

export class KeywordIndex {
  private termIds = new Map<string, number>();
  private terms: string[] = [];
  /** Sealed postings: those of term t are `sealedDocs/sealedCounts[termStart[t] .. termStart[t+1])`. */
  private termStart: Uint32Array = new Uint32Array(1);
  private sealedDocs: Uint32Array = new Uint32Array(0);
  private sealedCounts: Uint32Array = new Uint32Array(0);
  private readonly pendingTerms = new GrowableU32(1024);
  private readonly pendingDocs = new GrowableU32(1024);
  private readonly pendingCounts = new GrowableU32(1024);
  /** Per chunk id: its three field lengths, and whether it is in the index. */
  private lengths: Uint32Array = new Uint32Array(FIELDS * 1024);
  private live: Uint8Array = new Uint8Array(1024);
  private liveCount = 0;
  private readonly lengthSum = [0, 0, 0];
  /** Chunks removed since the last merge; many of them make a merge worthwhile on its own. */
  private removedSinceMerge = 0;

  static empty(): KeywordIndex {
    return new KeywordIndex();
  }

  add(documents: readonly KeywordDocument[]): void {
    for (const document of documents) this.addOne(document);
    const sealed = this.sealedDocs.length;
    if (this.pendingDocs.length >= Math.max(MIN_PENDING, sealed / 8)) this.merge();
  }

  /** Removes chunks of changed or deleted files; their postings are dropped at the next merge. */
  remove(ids: readonly number[]): void {
    for (const id of ids) {
      if (id >= this.live.length || !this.live[id]) continue;
      this.live[id] = 0;
      this.liveCount--;
      for (let f = 0; f < FIELDS; f++) this.lengthSum[f]! -= this.lengths[id * FIELDS + f]!;
      this.removedSinceMerge++;
    }
    if (this.removedSinceMerge > Math.max(1024, this.liveCount / 4)) this.merge();
  }

  /** The best `top` chunks for a query, best first. */
  query(text: string, top: number): KeywordHit[] {
    // How often each known term occurs in the query: each occurrence scores again.
    const occurrences = new Map<number, number>();
    for (const raw of tokenize(text)) {
      const id = this.termIds.get(stemTerm(raw));
      if (id !== undefined) occurrences.set(id, (occurrences.get(id) ?? 0) + 1);
    }
    if (occurrences.size === 0 || this.liveCount === 0 || top <= 0) return [];
    const pending = this.pendingOf(occurrences);
    const scores = new Map<number, number>();
    const matched = new Map<number, number>();
    const average = this.lengthSum.map((sum) => sum / this.liveCount);
    for (const [term, times] of occurrences) {
      const from = term + 1 < this.termStart.length ? this.termStart[term]! : 0;
      const to = term + 1 < this.termStart.length ? this.termStart[term + 1]! : 0;
      const extra = pending.get(term) ?? [];
      // The document frequency of the term in each field, over live chunks.
      const frequency = [0, 0, 0];
      const count = (doc: number, packed: number) => {
        if (!this.live[doc]) return;
        for (let f = 0; f < FIELDS; f++) if (countIn(packed, f) > 0) frequency[f]!++;
      };
      for (let i = from; i < to; i++) count(this.sealedDocs[i]!, this.sealedCounts[i]!);
      for (const i of extra) count(this.pendingDocs.data[i]!, this.pendingCounts.data[i]!);
      const idf = frequency.map((n) => Math.log(1 + (this.liveCount - n + 0.5) / (n + 0.5)));
      const score = (doc: number, packed: number) => {
        if (!this.live[doc]) return;
        let sum = 0;
        for (let f = 0; f < FIELDS; f++) {
          const tf = countIn(packed, f);
          if (tf === 0) continue;
          const norm = average[f]! > 0 ? this.lengths[doc * FIELDS + f]! / average[f]! : 1;
          sum += BOOST[f]! * idf[f]! * (D + (tf * (K + 1)) / (tf + K * (1 - B + B * norm)));
        }
        scores.set(doc, (scores.get(doc) ?? 0) + times * sum);
        matched.set(doc, (matched.get(doc) ?? 0) + 1);
      };
      for (let i = from; i < to; i++) score(this.sealedDocs[i]!, this.sealedCounts[i]!);
      for (const i of extra) score(this.pendingDocs.data[i]!, this.pendingCounts.data[i]!);
    }
    return topOf(scores, matched, top);
  }

  /** Terms in the dictionary (with postings, after a merge). */
  get termCount(): number {
    return this.terms.length;
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
    const termText = Buffer.from(this.terms.join("\n"), "utf8");
    const idCount = this.live.length;
    const header = new Uint32Array([MAGIC, this.terms.length, termText.length, this.sealedDocs.length, idCount, this.liveCount]);
    const pad = (4 - (termText.length % 4)) % 4;
    return Buffer.concat([
      bytesOf(header),
      termText,
      Buffer.alloc(pad),
      bytesOf(this.termStart),
      bytesOf(this.sealedDocs),
      bytesOf(this.sealedCounts),
      bytesOf(this.lengths.subarray(0, idCount * FIELDS)),
      Buffer.from(this.live.buffer, this.live.byteOffset, idCount),
    ]);
  }

  /** Restores an index written by `serialize`; throws on bytes that are not one. */
  static deserialize(bytes: Buffer): KeywordIndex {
    let at = 0;
    const u32 = (count: number): Uint32Array => {
      if (at + count * 4 > bytes.length) throw new Error("keyword index: file is cut short");
      const out = new Uint32Array(count);
      out.set(new Uint32Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + count * 4)));
      at += count * 4;
      return out;
    };
    const [magic, termCount, termBytes, postings, idCount, liveCount] = u32(6);
    if (magic !== MAGIC) throw new Error("keyword index: not an Enclave keyword index");
    const index = new KeywordIndex();
    if (at + termBytes! > bytes.length) throw new Error("keyword index: file is cut short");
    const text = bytes.toString("utf8", at, at + termBytes!);
    at += termBytes! + ((4 - (termBytes! % 4)) % 4);
    if (termCount! > 0) for (const term of text.split("\n")) index.addTerm(term);
    if (index.terms.length !== termCount) throw new Error("keyword index: term table does not match its count");
    index.termStart = u32(termCount! + 1);
    index.sealedDocs = u32(postings!);
    index.sealedCounts = u32(postings!);
    index.lengths = u32(idCount! * FIELDS);
    if (at + idCount! > bytes.length) throw new Error("keyword index: file is cut short");
    index.live = new Uint8Array(bytes.subarray(at, at + idCount!));
    index.liveCount = liveCount!;
    for (let id = 0; id < idCount!; id++) {
      if (!index.live[id]) continue;
      for (let f = 0; f < FIELDS; f++) index.lengthSum[f]! += index.lengths[id * FIELDS + f]!;
    }
    return index;
  }

  private addOne(document: KeywordDocument): void {
    const id = document.id;
    if (!Number.isInteger(id) || id < 0 || id > 0xfffffffe) throw new Error(`keyword index: chunk id ${id} is not a 32-bit id`);
    if (id < this.live.length && this.live[id]) throw new Error(`keyword index: chunk ${id} is already indexed`);
    this.reserve(id);
    const counts = new Map<number, number>();
    const values = [document.symbol, document.path, document.content];
    for (let f = 0; f < FIELDS; f++) {
      const raw = tokenize(values[f]!);
      const length = new Set(raw).size;
      this.lengths[id * FIELDS + f] = length;
      this.lengthSum[f]! += length;
      for (const token of raw) {
        const term = this.addTerm(stemTerm(token));
        const packed = counts.get(term) ?? 0;
        if (countIn(packed, f) < MAX[f]) counts.set(term, packed + ONE[f]);
      }
    }
    for (const [term, packed] of counts) {
      this.pendingTerms.push(term);
      this.pendingDocs.push(id);
      this.pendingCounts.push(packed);
    }
    this.live[id] = 1;
    this.liveCount++;
  }

  private addTerm(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
    }
    return id;
  }

  private reserve(id: number): void {
    if (id < this.live.length) return;
    let size = this.live.length;
    while (size <= id) size *= 2;
    const live = new Uint8Array(size);
    live.set(this.live);
    this.live = live;
    const lengths = new Uint32Array(size * FIELDS);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }

  /**
   * Forgets terms left without postings once they are many (a workspace whose generated files
   * change keeps minting new identifiers, and nothing else would ever shrink the dictionary).
   * Right after a merge every posting is sealed and grouped in term order, so dropping a term
   * moves no posting: only the dictionary and the range table are rebuilt.
   */
  private dropEmptyTerms(): void {
    const start = this.termStart;
    const count = start.length - 1;
    let empty = 0;
    for (let t = 0; t < count; t++) if (start[t + 1] === start[t]) empty++;
    if (empty <= Math.max(EMPTY_TERMS, count / 4)) return;
    const kept: string[] = [];
    const ranges = new Uint32Array(count - empty + 1);
    for (let t = 0; t < count; t++) {
      if (start[t + 1] === start[t]) continue;
      kept.push(this.terms[t]!);
      ranges[kept.length] = start[t + 1]!;
    }
    this.terms = kept;
    this.termIds = new Map(kept.map((term, i) => [term, i]));
    this.termStart = ranges;
  }

  /** The positions in the pending part of each query term's postings, in one pass over it. */
  private pendingOf(terms: ReadonlyMap<number, number>): Map<number, number[]> {
    const out = new Map<number, number[]>();
    const pendingTerms = this.pendingTerms.data;
    for (let i = 0; i < this.pendingTerms.length; i++) {
      const term = pendingTerms[i]!;
      if (!terms.has(term)) continue;
      const list = out.get(term);
      if (list) list.push(i);
      else out.set(term, [i]);
    }
    return out;
  }

  /** Sorts pending postings into a new sealed segment with the old one, leaving out removed chunks. */
  private merge(): void {
    const termCount = this.terms.length;
    const oldTerms = this.termStart.length - 1;
    const start = new Uint32Array(termCount + 1);
    for (let t = 0; t < oldTerms; t++) {
      let n = 0;
      for (let i = this.termStart[t]!; i < this.termStart[t + 1]!; i++) if (this.live[this.sealedDocs[i]!]) n++;
      start[t + 1] = n;
    }
    const pTerms = this.pendingTerms.data;
    const pDocs = this.pendingDocs.data;
    const pCounts = this.pendingCounts.data;
    for (let i = 0; i < this.pendingTerms.length; i++) if (this.live[pDocs[i]!]) start[pTerms[i]! + 1]!++;
    for (let t = 0; t < termCount; t++) start[t + 1]! += start[t]!;
    const docs = new Uint32Array(start[termCount]!);
    const counts = new Uint32Array(start[termCount]!);
    const cursor = start.slice(0, termCount);
    for (let t = 0; t < oldTerms; t++) {
      for (let i = this.termStart[t]!; i < this.termStart[t + 1]!; i++) {
        const doc = this.sealedDocs[i]!;
        if (!this.live[doc]) continue;
        docs[cursor[t]!] = doc;
        counts[cursor[t]!++] = this.sealedCounts[i]!;
      }
    }
    for (let i = 0; i < this.pendingTerms.length; i++) {
      const doc = pDocs[i]!;
      if (!this.live[doc]) continue;
      const t = pTerms[i]!;
      docs[cursor[t]!] = doc;
      counts[cursor[t]!++] = pCounts[i]!;
    }
    this.termStart = start;
    this.dropEmptyTerms();
    this.sealedDocs = docs;
    this.sealedCounts = counts;
    this.pendingTerms.length = 0;
    this.pendingDocs.length = 0;
    this.pendingCounts.length = 0;
    this.removedSinceMerge = 0;
  }
}

function bytesOf(array: Uint32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** The `top` best chunks by score times matched terms, best first (ties: lower id first). */
function topOf(scores: ReadonlyMap<number, number>, matched: ReadonlyMap<number, number>, top: number): KeywordHit[] {
  const best: KeywordHit[] = [];
  for (const [id, sum] of scores) {
    const score = sum * (matched.get(id) ?? 1);
    if (best.length === top && !better(score, id, best[top - 1]!)) continue;
    let at = best.length === top ? top - 1 : best.length;
    if (best.length === top) best.pop();
    while (at > 0 && better(score, id, best[at - 1]!)) at--;
    best.splice(at, 0, { id, score });
  }
  return best;
}

const better = (score: number, id: number, than: KeywordHit): boolean => score > than.score || (score === than.score && id < than.id);
