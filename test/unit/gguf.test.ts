// Unit tests of the fixture GGUF generator: determinism, a header that parses
// back to what was written, and a tokenizer llama.cpp will accept (unique
// token strings, merges whose parts and result are all tokens).

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  GENERATOR_VERSION,
  SPECIAL_TOKENS,
  TINY_MODEL,
  TINY_SPECIAL_TOKEN_IDS,
  ensureModel,
  ensureModels,
  readGgufMetadata,
} from "../fixtures/gguf";
import { BpeEncoder } from "../fixtures/gguf/BpeEncoder";
import { TOKEN_TYPE_CONTROL, TOKEN_TYPE_NORMAL, Tokenizer, buildTokenizer } from "../fixtures/gguf/buildTokenizer";
import { textToVocabForm, vocabFormToBytes } from "../fixtures/gguf/byteUnicode";
import { encodeTensorData } from "../fixtures/gguf/encodeTensorData";
import { float16BitsToFloat32, float32ToFloat16Bits } from "../fixtures/gguf/float16";
import { GgmlType, alignUp, rowBytes } from "../fixtures/gguf/ggmlTypes";
import { preTokenize } from "../fixtures/gguf/preTokenize";
import { sha256File } from "../fixtures/gguf/modelCache";

function withTempDir(run: (dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-gguf-"));
  try {
    run(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Checks the invariants llama.cpp relies on when it loads a byte-level BPE vocabulary. */
function assertValidTokenizer(tokenizer: Tokenizer, vocabSize: number): void {
  assert.equal(tokenizer.tokens.length, vocabSize);
  assert.equal(tokenizer.tokenTypes.length, vocabSize);
  assert.equal(new Set(tokenizer.tokens).size, vocabSize, "token strings must be unique");
  const ids = new Map(tokenizer.tokens.map((token, id) => [token, id]));
  // Every merge creates exactly one new normal token.
  assert.equal(tokenizer.merges.length, vocabSize - 256 - SPECIAL_TOKENS.length);
  assert.equal(new Set(tokenizer.merges).size, tokenizer.merges.length, "merges must be unique");
  tokenizer.merges.forEach((merge, rank) => {
    const parts = merge.split(" ");
    assert.equal(parts.length, 2, `merge ${rank} must be "A B"`);
    const [left, right] = parts;
    const leftId = ids.get(left);
    const rightId = ids.get(right);
    const mergedId = ids.get(left + right);
    assert.ok(leftId !== undefined && rightId !== undefined && mergedId !== undefined, `merge ${merge}`);
    // A merge may only use tokens that exist before it (bytes or earlier merges).
    assert.ok(Math.max(leftId, rightId) < mergedId, `merge ${merge} uses a later token`);
  });
  SPECIAL_TOKENS.forEach((name, index) => {
    const id = vocabSize - SPECIAL_TOKENS.length + index;
    assert.equal(tokenizer.tokens[id], name);
    assert.equal(tokenizer.tokenTypes[id], TOKEN_TYPE_CONTROL);
    assert.equal(tokenizer.specialIds[name], id);
  });
  assert.ok(tokenizer.tokenTypes.slice(0, vocabSize - SPECIAL_TOKENS.length).every((t) => t === TOKEN_TYPE_NORMAL));
}

test("the same seed gives a byte-identical tiny model, another seed a different one", () => {
  withTempDir((dir) => {
    const first = ensureModel(TINY_MODEL, path.join(dir, "a"), 1234);
    const second = ensureModel(TINY_MODEL, path.join(dir, "b"), 1234);
    const other = ensureModel(TINY_MODEL, path.join(dir, "c"), 99);
    assert.equal(first.status, "generated");
    assert.equal(sha256File(first.path), sha256File(second.path));
    assert.notEqual(sha256File(first.path), sha256File(other.path));
    // The sidecar makes the next call reuse the file instead of regenerating it.
    const again = ensureModel(TINY_MODEL, path.join(dir, "a"), 1234);
    assert.equal(again.status, "reused");
    const sidecar = JSON.parse(fs.readFileSync(first.path + ".json", "utf8")) as { generatorVersion: number; seed: number };
    assert.equal(sidecar.generatorVersion, GENERATOR_VERSION);
    assert.equal(sidecar.seed, 1234);
  });
});

test("ensureModels returns the tiny model's path and creates it when missing", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-gguf-"));
  try {
    const models = await ensureModels({ dir });
    assert.equal(models.tiny, path.join(dir, "tiny.gguf"));
    assert.equal(models.bench, undefined);
    assert.ok(fs.statSync(models.tiny).size > 100_000);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the tiny model's header parses back with llama metadata, tokenizer and aligned tensors", () => {
  withTempDir((dir) => {
    const model = ensureModel(TINY_MODEL, dir, 1);
    const header = readGgufMetadata(model.path);
    const meta = header.metadata;
    assert.equal(header.version, 3);
    assert.equal(meta["general.architecture"], "llama");
    assert.equal(meta["general.alignment"], 32);
    assert.equal(meta["general.file_type"], 7);
    assert.equal(meta["llama.embedding_length"], TINY_MODEL.embeddingLength);
    assert.equal(meta["llama.block_count"], TINY_MODEL.blockCount);
    assert.equal(meta["llama.attention.head_count_kv"], TINY_MODEL.headCountKv);
    assert.equal(meta["llama.rope.dimension_count"], TINY_MODEL.embeddingLength / TINY_MODEL.headCount);
    assert.ok(Math.abs((meta["llama.attention.layer_norm_rms_epsilon"] as number) - 1e-6) < 1e-12);
    assert.equal(meta["tokenizer.ggml.model"], "gpt2");
    assert.equal(meta["tokenizer.ggml.pre"], "qwen2");
    assert.equal(meta["tokenizer.ggml.add_bos_token"], false);
    assert.equal((meta["tokenizer.ggml.tokens"] as string[]).length, TINY_MODEL.vocabSize);
    assert.equal(meta["tokenizer.ggml.fim_pre_token_id"], TINY_SPECIAL_TOKEN_IDS["<|fim_prefix|>"]);
    assert.equal(meta["tokenizer.ggml.fim_sep_token_id"], TINY_SPECIAL_TOKEN_IDS["<|file_sep|>"]);
    assert.equal(meta["tokenizer.ggml.eot_token_id"], TINY_SPECIAL_TOKEN_IDS["<|im_end|>"]);
    assert.match(meta["tokenizer.chat_template"] as string, /<\|im_start\|>assistant\n/);

    assert.equal(header.tensors.length, 3 + 9 * TINY_MODEL.blockCount);
    assert.equal(header.dataOffset % 32, 0);
    // Offsets must be the running sum of 32-byte-aligned sizes, ending at the file's end.
    let expected = 0;
    for (const tensor of header.tensors) {
      assert.equal(tensor.offset, expected, tensor.name);
      const rows = tensor.shape.slice(1).reduce((a, b) => a * b, 1);
      expected += alignUp(rowBytes(tensor.type, tensor.shape[0]) * rows, 32);
    }
    assert.equal(header.dataOffset + expected, fs.statSync(model.path).size);
    const byName = new Map(header.tensors.map((t) => [t.name, t]));
    assert.deepEqual(byName.get("token_embd.weight")?.shape, [64, TINY_MODEL.vocabSize]);
    assert.deepEqual(byName.get("blk.1.attn_k.weight")?.shape, [64, 32]);
    assert.equal(byName.get("blk.0.ffn_down.weight")?.type, GgmlType.Q8_0);
    assert.equal(byName.get("output_norm.weight")?.type, GgmlType.F32);
  });
});

test("the tiny tokenizer has unique tokens and valid merges, and compresses code", () => {
  const tokenizer = buildTokenizer(TINY_MODEL.vocabSize);
  assertValidTokenizer(tokenizer, TINY_MODEL.vocabSize);
  const code = "def hello_world():\n    return 42";
  const tokens = new BpeEncoder(tokenizer.merges).encodeText(code);
  assert.ok(tokens.length < code.length / 1.8, `${tokens.length} tokens for ${code.length} characters`);
  assert.equal(Buffer.concat(tokens.map(vocabFormToBytes)).toString("utf8"), code);
});

test("a 32k trained tokenizer has unique tokens and valid merges", () => {
  assertValidTokenizer(buildTokenizer(32768), 32768);
});

test("pre-tokenization follows the qwen2 regex", () => {
  assert.deepEqual(preTokenize("def hello_world():\n    return 42"), [
    "def",
    " hello",
    "_world",
    "():\n",
    "   ",
    " return",
    " ",
    "4",
    "2",
  ]);
  assert.deepEqual(preTokenize("it's x.y_z\n\n"), ["it", "'s", " x", ".y", "_z", "\n\n"]);
  assert.equal(textToVocabForm(" a\n"), "\u0120a\u010a");
});

test("half floats and Q8_0 blocks encode like ggml", () => {
  for (const value of [0, 1, -2, 0.5, 65504, 1e-7, 0.1, -3.14159]) {
    const back = float16BitsToFloat32(float32ToFloat16Bits(value));
    assert.ok(Math.abs(back - value) <= Math.abs(value) * 1e-3 + 6e-8, `${value} -> ${back}`);
  }
  assert.equal(float32ToFloat16Bits(1), 0x3c00);
  assert.equal(float32ToFloat16Bits(-2), 0xc000);
  assert.equal(float32ToFloat16Bits(1e6), 0x7c00);

  const values = Float32Array.from({ length: 32 }, (_, i) => (i - 16) / 8);
  const out = Buffer.alloc(34);
  assert.equal(encodeTensorData(GgmlType.Q8_0, values, 32, out), 34);
  const scale = float16BitsToFloat32(out.readUInt16LE(0));
  assert.ok(Math.abs(scale - 2 / 127) < 1e-5);
  assert.equal(out.readInt8(2), -127); // -2.0 is the largest magnitude
  assert.equal(out.readInt8(2 + 16), 0);
  assert.equal(out.readInt8(2 + 31), Math.round((15 / 8) * (127 / 2)));
});
