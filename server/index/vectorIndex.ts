/**
 * The chunks' embeddings, searched by cosine similarity. Vectors are unit length and kept as
 * int8 (each component times 127): a quarter of the memory of float32, and for ranking the
 * rounding is far below what separates a match from a miss. A brute-force scan of 100,000
 * vectors of 1,024 dimensions takes tens of milliseconds, so no approximate index is needed at
 * the size of one workspace. The file remembers which model made the vectors: vectors of
 * another model are meaningless and are dropped, never mixed.
 */
import * as fs from "node:fs";

export interface VectorHit { readonly id: number; readonly similarity: number }

/** Identifies the model that made the vectors: its path, size and modification time. */
export type ModelStamp = string;

const MAGIC = "enclave-vectors-1";

export class VectorIndex {
  private readonly vectors = new Map<number, Int8Array>();

  constructor(readonly model: ModelStamp, readonly dimensions: number) {}

  get size(): number {
    return this.vectors.size;
  }

  has(id: number): boolean {
    return this.vectors.has(id);
  }

  set(id: number, unit: Float32Array): void {
    if (unit.length !== this.dimensions) throw new Error(`vector of ${unit.length} dimensions in an index of ${this.dimensions}`);
    const q = new Int8Array(unit.length);
    for (let i = 0; i < unit.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(unit[i]! * 127)));
    this.vectors.set(id, q);
  }

  delete(ids: Iterable<number>): void {
    for (const id of ids) this.vectors.delete(id);
  }

  /** Ids whose vector is kept; the rest of the chunks still wait for their embedding. */
  ids(): IterableIterator<number> {
    return this.vectors.keys();
  }

  /** The `top` nearest chunks to a unit query vector, most similar first. */
  search(unit: Float32Array, top: number): VectorHit[] {
    if (unit.length !== this.dimensions || top < 1) return [];
    const best: VectorHit[] = [];
    for (const [id, v] of this.vectors) {
      let dot = 0;
      for (let i = 0; i < v.length; i++) dot += v[i]! * unit[i]!;
      const similarity = dot / 127;
      if (best.length < top) best.push({ id, similarity });
      else if (similarity > best[best.length - 1]!.similarity) best[best.length - 1] = { id, similarity };
      else continue;
      best.sort((a, b) => b.similarity - a.similarity);
    }
    return best;
  }

  /** One header line (JSON), then per vector its id (uint32 LE) and its int8 components. */
  save(file: string): void {
    const header = Buffer.from(`${JSON.stringify({ magic: MAGIC, model: this.model, dimensions: this.dimensions, count: this.vectors.size })}\n`);
    const record = 4 + this.dimensions;
    const body = Buffer.alloc(record * this.vectors.size);
    let offset = 0;
    for (const [id, v] of this.vectors) {
      body.writeUInt32LE(id, offset);
      body.set(new Uint8Array(v.buffer, v.byteOffset, v.length), offset + 4);
      offset += record;
    }
    fs.writeFileSync(`${file}.tmp`, Buffer.concat([header, body]));
    fs.renameSync(`${file}.tmp`, file);
  }

  /** The saved vectors of `model`, or an empty index when the file is missing, damaged or of another model. */
  static load(file: string, model: ModelStamp, dimensions: number): VectorIndex {
    const index = new VectorIndex(model, dimensions);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      return index;
    }
    const newline = bytes.indexOf(10);
    try {
      const header = JSON.parse(bytes.subarray(0, newline).toString("utf8")) as { magic?: string; model?: string; dimensions?: number; count?: number };
      const record = 4 + dimensions;
      if (header.magic !== MAGIC || header.model !== model || header.dimensions !== dimensions || bytes.length - newline - 1 !== record * (header.count ?? -1)) return index;
      for (let offset = newline + 1; offset < bytes.length; offset += record) {
        index.vectors.set(bytes.readUInt32LE(offset), new Int8Array(bytes.subarray(offset + 4, offset + record)));
      }
    } catch {
      return new VectorIndex(model, dimensions);
    }
    return index;
  }
}
