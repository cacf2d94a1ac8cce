// The GGUF header check: every header that lies about its size is refused with a message that
// names the problem, before node-llama-cpp could allocate what the header claims; valid v2 and
// v3 headers and the real fixture models pass.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkGgufHeader } from "../../server/engine/ggufHeader";
import { ModelFileError } from "../../server/engine/errors";
import { corruptGgufs, validHeader } from "../fixtures/corruptGguf";
import { ensureModels, readGgufMetadata } from "../fixtures/gguf";

function withFile<T>(bytes: Buffer, run: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "enclave-gguf-header-"));
  try {
    const path = join(dir, "model.gguf");
    writeFileSync(path, bytes);
    return run(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const corrupt of corruptGgufs()) {
  test(`a corrupt GGUF header is refused with its reason: ${corrupt.name}`, () => {
    withFile(corrupt.bytes, (path) => {
      assert.throws(() => checkGgufHeader(path, corrupt.bytes.length), (error: unknown) => {
        assert.ok(error instanceof ModelFileError, `not a ModelFileError: ${error}`);
        assert.match(error.message, corrupt.why);
        assert.ok(error.message.startsWith(`The model ${path} cannot be used: `), error.message);
        assert.match(error.message, /Pick another file/);
        return true;
      });
    });
  });
}

test("valid GGUF v2 and v3 headers pass and report their counts and header size", () => {
  for (const version of [2, 3]) {
    const bytes = validHeader(version);
    const facts = withFile(bytes, (path) => checkGgufHeader(path, bytes.length));
    assert.deepEqual(facts, { version, tensorCount: 1, kvCount: 3, headerBytes: bytes.length });
  }
});

test("the size passed in bounds the reads, not the file's length on disk", () => {
  const bytes = validHeader();
  withFile(bytes, (path) => {
    assert.throws(() => checkGgufHeader(path, bytes.length - 1), /offset of tensor "token_embd.weight" needs 8 bytes, but only 7 bytes/);
  });
});

test("a missing file is a ModelFileError, not a crash", () => {
  assert.throws(() => checkGgufHeader("/nonexistent/enclave/model.gguf", 100), (error: unknown) => error instanceof ModelFileError && /cannot be opened \(ENOENT\)/.test(error.message));
});

test("the real fixture models (byte-level BPE vocabularies, dozens of tensors) pass, and the header ends where the reader says", async () => {
  const { tiny, scripted } = await ensureModels();
  for (const path of [tiny, scripted]) {
    const facts = checkGgufHeader(path, statSync(path).size);
    const header = readGgufMetadata(path);
    assert.equal(facts.version, 3);
    assert.equal(facts.tensorCount, header.tensors.length);
    assert.equal(facts.kvCount, Object.keys(header.metadata).length);
    // The data section starts at the first alignment boundary after the tensor directory.
    assert.equal(Math.ceil(facts.headerBytes / 32) * 32, header.dataOffset);
  }
});
