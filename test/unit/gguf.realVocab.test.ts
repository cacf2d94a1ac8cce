import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { defaultModelsDir, ensureRealVocabModel, ensureVocabFiles, readGgufMetadata } from "../fixtures/gguf";
import { withRealVocabModel } from "./withRealVocabModel";

// Qwen2.5-Coder's tokens in the fixture generator's Qwen2-vocabulary model, and clear
// messages when the vocabulary cannot be extracted. That it (and the other real-vocabulary
// models) tokenizes exactly as llama.cpp does is gguf.realVocabFamilies.test.ts.

test("qwen2-vocab-tiny.gguf has Qwen2.5-Coder's FIM and repository tokens at their real ids", async () => {
  const expected = {
    fimPrefix: [151659, "<|fim_prefix|>"], fimMiddle: [151660, "<|fim_middle|>"], fimSuffix: [151661, "<|fim_suffix|>"],
    fimPad: [151662, "<|fim_pad|>"], fimRepo: [151663, "<|repo_name|>"], fimFileSep: [151664, "<|file_sep|>"],
  } as const;
  const header = readGgufMetadata(ensureRealVocabModel(defaultModelsDir()).path);
  const types = header.metadata["tokenizer.ggml.token_type"] as number[];
  assert.equal((header.metadata["tokenizer.ggml.tokens"] as string[]).length, 151936);
  assert.ok(!header.tensors.some((t) => t.name === "output.weight"), "the embedding is tied: no output tensor");
  await withRealVocabModel("qwen2", (model) => {
    assert.equal(model.info.fim, true);
    for (const [name, [id, text]] of Object.entries(expected)) {
      assert.equal(model.specialToken(name as keyof typeof expected), id, `${name} id`);
      assert.equal(model.specialTokenText(name as keyof typeof expected), text, `${name} text`);
      assert.equal(types[id], 3, `${text} is a control token`);
      // User text that spells a control token stays plain text.
      assert.ok(!model.tokenize(`a${text}b`).includes(id), `${text} typed as text must not become token ${id}`);
    }
    assert.equal(model.specialToken("eos"), 151643, "<|endoftext|> ends generation, as in Qwen2.5-Coder");
  });
});

test("extraction without the source bundle fails with a clear message", () => {
  const missing = path.join(os.tmpdir(), "enclave-no-such-bundle", "gitRelease.bundle");
  assert.throws(() => ensureVocabFiles(missing, fs.mkdtempSync(path.join(os.tmpdir(), "enclave-vocab-"))), /cannot extract llama\.cpp's vocabulary files: the source bundle .* does not exist/);
});

test("extraction without git fails with a clear message", () => {
  const savedPath = process.env.PATH;
  process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-empty-path-"));
  try {
    assert.throws(() => ensureVocabFiles(undefined, fs.mkdtempSync(path.join(os.tmpdir(), "enclave-vocab-"))), /git could not be run .*install git/);
  } finally {
    process.env.PATH = savedPath;
  }
});
