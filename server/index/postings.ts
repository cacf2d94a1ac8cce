/**
 * The keyword index's postings, in typed arrays: for each term, the chunks that contain it and a
 * packed count per field. A posting is two 32-bit numbers, where a `Map` entry per term, field
 * and chunk (minisearch's layout) cost about ten times as much on a million-line tree.
 *
 * Two parts: a sealed one, grouped by term (`termStart[t] .. termStart[t+1]` are term t's), and a
 * pending one, appended to as chunks are added, in any order. `merge` sorts both into a new sealed
 * part (a counting sort by term) and leaves out the postings of chunks no longer live; so adding
 * a file costs what its terms cost, and a full build a few linear merges.
 */

class GrowableU32 {
  data: Uint32Array = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

/** Terms without postings are dropped from the dictionary once there are this many, or a quarter of it. */
const EMPTY_TERMS = 1 << 16;

export class Postings {
  private termIds = new Map<string, number>();
  private terms: string[] = [];
  private termStart: Uint32Array = new Uint32Array(1);
  private sealedDocs: Uint32Array = new Uint32Array(0);
  private sealedCounts: Uint32Array = new Uint32Array(0);
  private readonly pendingTerms = new GrowableU32();
  private readonly pendingDocs = new GrowableU32();
  private readonly pendingCounts = new GrowableU32();

  get termCount(): number {
    return this.terms.length;
  }

  get sealedLength(): number {
    return this.sealedDocs.length;
  }

  get pendingLength(): number {
    return this.pendingDocs.length;
  }

  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  /** The id of `term`, added to the dictionary when new. */
  addTerm(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
    }
    return id;
  }

  append(term: number, doc: number, counts: number): void {
    this.pendingTerms.push(term);
    this.pendingDocs.push(doc);
    this.pendingCounts.push(counts);
  }

  /**
   * Calls `visit` with every posting of each of `terms`: the sealed ones, then the pending ones
   * (found in one pass over the pending part for all the terms).
   */
  forEach(terms: Iterable<number>, visit: (term: number, doc: number, counts: number) => void): void {
    const wanted = new Set(terms);
    for (const term of wanted) {
      if (term + 1 >= this.termStart.length) continue;
      for (let i = this.termStart[term]!; i < this.termStart[term + 1]!; i++) visit(term, this.sealedDocs[i]!, this.sealedCounts[i]!);
    }
    const pendingTerms = this.pendingTerms.data;
    for (let i = 0; i < this.pendingTerms.length; i++) {
      if (wanted.has(pendingTerms[i]!)) visit(pendingTerms[i]!, this.pendingDocs.data[i]!, this.pendingCounts.data[i]!);
    }
  }

  /** Sorts the pending postings into a new sealed part with the old one, leaving out chunks that are not `live`. */
  merge(live: Uint8Array): void {
    const termCount = this.terms.length;
    const oldTerms = this.termStart.length - 1;
    const start = new Uint32Array(termCount + 1);
    for (let t = 0; t < oldTerms; t++) {
      let n = 0;
      for (let i = this.termStart[t]!; i < this.termStart[t + 1]!; i++) if (live[this.sealedDocs[i]!]) n++;
      start[t + 1] = n;
    }
    const pTerms = this.pendingTerms.data;
    const pDocs = this.pendingDocs.data;
    const pCounts = this.pendingCounts.data;
    for (let i = 0; i < this.pendingTerms.length; i++) if (live[pDocs[i]!]) start[pTerms[i]! + 1]!++;
    for (let t = 0; t < termCount; t++) start[t + 1]! += start[t]!;
    const docs = new Uint32Array(start[termCount]!);
    const counts = new Uint32Array(start[termCount]!);
    const cursor = start.slice(0, termCount);
    for (let t = 0; t < oldTerms; t++) {
      for (let i = this.termStart[t]!; i < this.termStart[t + 1]!; i++) {
        const doc = this.sealedDocs[i]!;
        if (!live[doc]) continue;
        docs[cursor[t]!] = doc;
        counts[cursor[t]!++] = this.sealedCounts[i]!;
      }
    }
    for (let i = 0; i < this.pendingTerms.length; i++) {
      const doc = pDocs[i]!;
      if (!live[doc]) continue;
      const t = pTerms[i]!;
      docs[cursor[t]!] = doc;
      counts[cursor[t]!++] = pCounts[i]!;
    }
    this.termStart = start;
    this.sealedDocs = docs;
    this.sealedCounts = counts;
    this.pendingTerms.length = 0;
    this.pendingDocs.length = 0;
    this.pendingCounts.length = 0;
    this.dropEmptyTerms();
  }

  /** The sealed part as byte blocks (merge first): the terms, newline-separated, then the arrays. */
  blocks(): { terms: Buffer; termStart: Uint32Array; docs: Uint32Array; counts: Uint32Array } {
    return { terms: Buffer.from(this.terms.join("\n"), "utf8"), termStart: this.termStart, docs: this.sealedDocs, counts: this.sealedCounts };
  }

  /**
   * Postings from the blocks `blocks` gave, for `slots` chunk slots; throws when they do not fit
   * together. Every range and slot is checked (one pass over the arrays): a damaged word in a
   * range table would otherwise send a search or a merge through billions of postings that are
   * not there, and a damaged slot would score a chunk that does not exist.
   */
  static fromBlocks(terms: string, termCount: number, termStart: Uint32Array, docs: Uint32Array, counts: Uint32Array, slots: number): Postings {
    const postings = new Postings();
    if (termCount > 0) for (const term of terms.split("\n")) postings.addTerm(term);
    const damaged = (): Error => new Error("keyword index: the term table does not match the postings");
    if (postings.terms.length !== termCount || termStart.length !== termCount + 1 || termStart[0] !== 0 || termStart[termCount] !== docs.length || docs.length !== counts.length) throw damaged();
    for (let t = 0; t < termCount; t++) if (termStart[t + 1]! < termStart[t]!) throw damaged();
    for (let i = 0; i < docs.length; i++) if (docs[i]! >= slots) throw damaged();
    postings.termStart = termStart;
    postings.sealedDocs = docs;
    postings.sealedCounts = counts;
    return postings;
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
}
