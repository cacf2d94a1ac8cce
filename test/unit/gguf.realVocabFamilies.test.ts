import { test } from "node:test";
import assert from "node:assert/strict";
import { REAL_VOCAB_SIZES, VOCAB_FAMILIES, VOCAB_NAMES, defaultModelsDir, ensureRealVocabModel, ensureVocabFiles, readGgufMetadata } from "../fixtures/gguf";
import { readTokenizerTestPairs } from "../fixtures/gguf/tokenizerTestPairs";
import { withRealVocabModel } from "./withRealVocabModel";

// Every real-vocabulary fixture model (Qwen2.5-Coder, CodeLlama, DeepSeek-Coder, StarCoder)
// must tokenize exactly as llama.cpp's own tokenizer test (tests/test-tokenizer-0.cpp)
// expects, on the test pairs that ship beside each vocabulary file, and carry its coder
// model's FIM tokens. No skipping: without git or the bundle these tests fail and say why.

/** LocalModel's names for the FIM tokens, by llama.cpp's key. */
const FIM_NAMES = { fim_pre: "fimPrefix", fim_suf: "fimSuffix", fim_mid: "fimMiddle", fim_pad: "fimPad", fim_rep: "fimRepo", fim_sep: "fimFileSep" } as const;

for (const vocab of VOCAB_NAMES) {
  const family = VOCAB_FAMILIES[vocab];

  // One test (one model load) per vocabulary keeps the suite's time to a few seconds per family.
  test(`${vocab}-vocab-tiny.gguf tokenizes every llama.cpp test pair of ggml-vocab-${vocab} exactly and has ${family.model}'s FIM tokens`, async () => {
    const files = ensureVocabFiles().tests(vocab);
    const pairs = readTokenizerTestPairs(files.inp, files.out);
    assert.ok(pairs.length >= 30, `only ${pairs.length} test pairs`);
    const header = readGgufMetadata(ensureRealVocabModel(defaultModelsDir(), undefined, vocab).path);
    const tokens = header.metadata["tokenizer.ggml.tokens"] as string[];
    assert.equal(tokens.length, REAL_VOCAB_SIZES[vocab]);
    await withRealVocabModel(vocab, (model) => {
      const mismatches = pairs
        .map(({ text, ids }) => ({ text, expected: ids, actual: model.tokenize(text) }))
        .filter(({ expected, actual }) => JSON.stringify(expected) !== JSON.stringify(actual));
      assert.deepEqual(mismatches, [], `${mismatches.length} of ${pairs.length} inputs tokenize differently from llama.cpp`);
      assert.equal(model.info.fim, true, "llama.cpp finds the FIM prefix, suffix and middle tokens");
      for (const [key, text] of Object.entries(family.fim)) {
        const name = FIM_NAMES[key as keyof typeof FIM_NAMES];
        const id = model.specialToken(name);
        assert.equal(id, tokens.indexOf(text), `${name} is ${text}`);
        assert.equal(header.metadata[`tokenizer.ggml.${key}_token_id`], id, `tokenizer.ggml.${key}_token_id`);
        assert.equal(model.specialTokenText(name), text, `${name} detokenizes to its text`);
      }
    });
  });
}
