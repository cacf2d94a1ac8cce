/** The int8 vector store: nearest first, saved and loaded, and never mixed across models. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { VectorIndex } from "../../server/index/vectorIndex";

const unit = (...xs: number[]) => {
  const n = Math.hypot(...xs);
  return Float32Array.from(xs.map((x) => x / n));
};

test("search returns the most similar first; a deleted vector is gone; save and load round-trip; another model's file is ignored", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-vec-"));
  try {
    const index = new VectorIndex("model-a", 3);
    index.set(1, unit(1, 0, 0));
    index.set(2, unit(0.9, 0.1, 0));
    index.set(3, unit(0, 0, 1));
    index.set(4, unit(-1, 0, 0));
    const hits = index.search(unit(1, 0.05, 0), 3);
    assert.deepEqual(hits.map((h) => h.id), [1, 2, 3]);
    assert.ok(Math.abs(hits[0]!.similarity - 1) < 0.01, String(hits[0]!.similarity));
    index.delete([1]);
    assert.deepEqual(index.search(unit(1, 0, 0), 1).map((h) => h.id), [2]);
    const file = path.join(dir, "vectors.bin");
    index.save(file);
    const loaded = VectorIndex.load(file, "model-a", 3);
    assert.equal(loaded.size, 3);
    assert.deepEqual(loaded.search(unit(0, 0, 1), 1).map((h) => h.id), [3]);
    assert.equal(VectorIndex.load(file, "model-b", 3).size, 0, "vectors of another model are dropped");
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 40));
    assert.equal(VectorIndex.load(file, "model-a", 3).size, 0, "a truncated file is an empty index, not a crash");
    assert.throws(() => index.set(9, unit(1, 0)), /2 dimensions in an index of 3/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
