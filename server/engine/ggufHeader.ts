import { closeSync, openSync, readSync } from "node:fs";
import { ModelFileError } from "./errors";

/**
 * What a GGUF header declares, once every count and length in it has been checked against the
 * bytes the file really has.
 */
export interface GgufHeaderFacts {
  readonly version: number;
  readonly tensorCount: number;
  readonly kvCount: number;
  /** Where the tensor directory ends: the data section starts at the next alignment boundary. */
  readonly headerBytes: number;
}

/** GGUF value types (gguf.h), with the bytes one value of each fixed-size type takes. */
const FIXED_SIZES: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const STRING = 8;
const ARRAY = 9;
/** The fewest bytes one metadata entry can take: key length, empty key, type, a one-byte value. */
const MIN_KV_BYTES = 8n + 4n + 1n;
/** The fewest bytes one tensor description can take: name length, empty name, dimensions, type, offset. */
const MIN_TENSOR_BYTES = 8n + 4n + 4n + 8n;
/** llama.cpp's GGML_MAX_DIMS. */
const MAX_DIMS = 4;
/**
 * No model has arrays this long (the largest vocabularies have ~260k tokens), and a reader that
 * turns each item into a JavaScript value would need gigabytes for a longer one.
 */
export const MAX_ARRAY_ITEMS = 1 << 24;
/** Arrays of arrays are allowed by the format but used by no model; deeper nesting is refused. */
const MAX_ARRAY_DEPTH = 2;
const CHUNK = 1 << 20;

/** Why a header cannot be used; turned into a ModelFileError naming the file. */
class HeaderProblem extends Error {}

/**
 * Reads a file forward through one fixed buffer, refusing any read that would go past its end.
 * Nothing it does allocates more than CHUNK bytes, whatever the header claims.
 */
class BoundedReader {
  private readonly buffer = Buffer.alloc(CHUNK);
  private bufferStart = 0;
  private bufferLength = 0;
  position = 0;

  constructor(private readonly fd: number, readonly size: number) {}

  get remaining(): bigint {
    return BigInt(this.size - this.position);
  }

  /** Fails with `what` unless `bytes` more bytes exist. */
  need(bytes: bigint, what: string): void {
    if (bytes > this.remaining) throw new HeaderProblem(`its GGUF header is corrupt or truncated: ${what}, but only ${this.remaining} bytes of the file remain`);
  }

  skip(bytes: bigint, what: string): void {
    this.need(bytes, what);
    this.position += Number(bytes);
  }

  u32(what: string): number {
    return this.view(4, what).readUInt32LE(0);
  }

  u64(what: string): bigint {
    return this.view(8, what).readBigUInt64LE(0);
  }

  bytes(count: number, what: string): Buffer {
    return Buffer.from(this.view(count, what));
  }

  /** `count` bytes at the current position (count <= CHUNK), advancing past them. */
  private view(count: number, what: string): Buffer {
    this.need(BigInt(count), `${what} needs ${count} bytes`);
    const end = this.position + count;
    if (this.position < this.bufferStart || end > this.bufferStart + this.bufferLength) {
      this.bufferStart = this.position;
      this.bufferLength = readSync(this.fd, this.buffer, 0, Math.min(CHUNK, this.size - this.position), this.position);
      if (this.bufferLength < count) throw new HeaderProblem(`${what} could not be read (the file changed while it was read)`);
    }
    const offset = this.position - this.bufferStart;
    this.position = end;
    return this.buffer.subarray(offset, offset + count);
  }
}

/**
 * Checks a GGUF file's header against its size before node-llama-cpp reads it: the tensor and
 * metadata counts, every string length and every array length must fit in the bytes that are
 * left. A corrupt header otherwise makes the reader allocate what the header claims (2^40 items
 * crashed V8 after 12 s at 1.7 GB). Throws a ModelFileError that says why.
 */
export function checkGgufHeader(path: string, size: number): GgufHeaderFacts {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw new ModelFileError(path, `it cannot be opened (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return readHeader(new BoundedReader(fd, size));
  } catch (error) {
    if (error instanceof HeaderProblem) throw new ModelFileError(path, error.message);
    throw error;
  } finally {
    closeSync(fd);
  }
}

function readHeader(reader: BoundedReader): GgufHeaderFacts {
  if (reader.size < 4) throw new HeaderProblem(`it has ${reader.size} bytes, too few for a GGUF header`);
  const magic = reader.bytes(4, "the magic number");
  if (magic.toString("latin1") !== "GGUF") {
    throw new HeaderProblem(`it is not a GGUF model (it starts with the bytes ${magic.toString("hex")}, not "GGUF")`);
  }
  const version = reader.u32("the version");
  if (version === 1) throw new HeaderProblem("it is GGUF version 1, which llama.cpp no longer reads; convert the model again with a current llama.cpp");
  if (version === 0x02000000 || version === 0x03000000) throw new HeaderProblem("it is a big-endian GGUF file, which this machine cannot read");
  if (version !== 2 && version !== 3) throw new HeaderProblem(`it declares GGUF version ${version}; versions 2 and 3 are supported`);
  const tensorCount = reader.u64("the tensor count");
  const kvCount = reader.u64("the metadata count");
  reader.need(kvCount * MIN_KV_BYTES, `it declares ${kvCount} metadata entries`);
  reader.need(tensorCount * MIN_TENSOR_BYTES + kvCount * MIN_KV_BYTES, `it declares ${tensorCount} tensors and ${kvCount} metadata entries`);
  for (let i = 0n; i < kvCount; i++) {
    const key = readString(reader, `metadata entry ${i}'s key`, 65_535);
    const type = reader.u32(`the type of metadata "${key}"`);
    skipValue(reader, type, `metadata "${key}"`, 0);
  }
  for (let i = 0n; i < tensorCount; i++) {
    const name = readString(reader, `tensor ${i}'s name`, 65_535);
    const dims = reader.u32(`the dimension count of tensor "${name}"`);
    if (dims > MAX_DIMS) throw new HeaderProblem(`its GGUF header is corrupt: tensor "${name}" declares ${dims} dimensions, and llama.cpp allows at most ${MAX_DIMS}`);
    for (let d = 0; d < dims; d++) {
      const extent = reader.u64(`dimension ${d} of tensor "${name}"`);
      if (extent > BigInt(Number.MAX_SAFE_INTEGER)) throw new HeaderProblem(`its GGUF header is corrupt: tensor "${name}" declares a dimension of ${extent} values`);
    }
    reader.u32(`the type of tensor "${name}"`);
    reader.u64(`the offset of tensor "${name}"`);
  }
  return { version, tensorCount: Number(tensorCount), kvCount: Number(kvCount), headerBytes: reader.position };
}

/** Reads a length-prefixed string whose length is checked first; long strings are skipped, not read. */
function readString(reader: BoundedReader, what: string, keepAtMost: number): string {
  const length = reader.u64(`the length of ${what}`);
  reader.need(length, `${what} declares ${length} bytes`);
  if (length > BigInt(keepAtMost)) {
    reader.skip(length, what);
    return `(${length}-byte name)`;
  }
  return reader.bytes(Number(length), what).toString("utf8");
}

function skipValue(reader: BoundedReader, type: number, what: string, depth: number): void {
  const fixed = FIXED_SIZES[type];
  if (fixed !== undefined) {
    reader.skip(BigInt(fixed), `${what} needs ${fixed} bytes`);
    return;
  }
  if (type === STRING) {
    const length = reader.u64(`the length of ${what}`);
    reader.skip(length, `${what} declares a string of ${length} bytes`);
    return;
  }
  if (type !== ARRAY) throw new HeaderProblem(`its GGUF header is corrupt: ${what} has the unknown value type ${type}`);
  if (depth >= MAX_ARRAY_DEPTH) throw new HeaderProblem(`its GGUF header is corrupt: ${what} nests arrays more than ${MAX_ARRAY_DEPTH} deep`);
  const itemType = reader.u32(`the item type of ${what}`);
  const count = reader.u64(`the length of ${what}`);
  const itemFixed = FIXED_SIZES[itemType];
  if (itemFixed === undefined && itemType !== STRING && itemType !== ARRAY) throw new HeaderProblem(`its GGUF header is corrupt: ${what} is an array of the unknown value type ${itemType}`);
  // Every item takes at least one byte (a string at least its 8-byte length): check the whole array at once.
  const minItem = itemFixed ?? (itemType === STRING ? 8 : 12);
  reader.need(count * BigInt(minItem), `${what} declares an array of ${count} items`);
  if (count > BigInt(MAX_ARRAY_ITEMS)) throw new HeaderProblem(`its GGUF header is corrupt: ${what} declares an array of ${count} items, and no model has more than ${MAX_ARRAY_ITEMS}`);
  if (itemFixed !== undefined) {
    reader.skip(count * BigInt(itemFixed), `${what} declares ${count} items`);
    return;
  }
  for (let i = 0n; i < count; i++) skipValue(reader, itemType, `item ${i} of ${what}`, depth + 1);
}
