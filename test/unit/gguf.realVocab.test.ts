import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadLocalModel, type LocalModel } from "../../server/engine/llama";
import { silentLogger } from "../../server/logger";
import { defaultModelsDir, ensureRealVocabModel, ensureVocabFiles, readGgufMetadata } from "../fixtures/gguf";

// The fixture generator's real-vocabulary model must tokenize exactly as llama.cpp's own
// tokenizer test (tests/test-tokenizer-0.cpp) expects, on the test pairs that ship beside
// the vocabulary file. No skipping: without git or the bundle these tests fail and say why.

/** llama.cpp's format: inputs separated by a marker line, one line of space-separated ids per input. */
function readTokenizerTests(inpPath: string, outPath: string): Array<{ text: string; ids: number[] }> {
  const raw = fs.readFileSync(inpPath, "utf8");
  const separator = "\n__ggml_vocab_test__\n";
  const inputs: string[] = [];
  for (let pos = 0; pos < raw.length; ) {
    const next = raw.indexOf(separator, pos);
    if (next < 0) {
      inputs.push(raw.slice(pos));
      break;
    }
    inputs.push(raw.slice(pos, next));
    pos = next + separator.length;
  }
  const outputs = fs.readFileSync(outPath, "utf8").split("\n");
  if (outputs[outputs.length - 1] === "") {
    outputs.pop();
  }
  assert.equal(inputs.length, outputs.length, `${inpPath} and ${outPath} hold different numbers of tests`);
  return inputs.map((text, i) => {
    const line = outputs[i]!.trim();
    return { text, ids: line === "" ? [] : line.split(" ").map(Number) };
  });
}

async function withModel(run: (model: LocalModel) => Promise<void> | void): Promise<void> {
  const generated = ensureRealVocabModel(defaultModelsDir());
  const model = await loadLocalModel({
    path: generated.path, gpu: "off", gpuLayers: 0, threads: 1, contextSize: 256, log: silentLogger, autoThreads: () => 1,
  });
  try {
    await run(model);
  } finally {
    await model.dispose();
  }
}

test("qwen2-vocab-tiny.gguf tokenizes every llama.cpp test pair of ggml-vocab-qwen2 exactly", async () => {
  const pairs = readTokenizerTests(ensureVocabFiles().tests("qwen2").inp, ensureVocabFiles().tests("qwen2").out);
  assert.ok(pairs.length >= 30, `only ${pairs.length} test pairs`);
  await withModel((model) => {
    const mismatches = pairs
      .map(({ text, ids }) => ({ text, expected: ids, actual: model.tokenize(text) }))
      .filter(({ expected, actual }) => JSON.stringify(expected) !== JSON.stringify(actual));
    assert.deepEqual(mismatches, [], `${mismatches.length} of ${pairs.length} inputs tokenize differently from llama.cpp`);
  });
});

test("qwen2-vocab-tiny.gguf has Qwen2.5-Coder's FIM and repository tokens at their real ids", async () => {
  const expected = {
    fimPrefix: [151659, "<|fim_prefix|>"], fimMiddle: [151660, "<|fim_middle|>"], fimSuffix: [151661, "<|fim_suffix|>"],
    fimPad: [151662, "<|fim_pad|>"], fimRepo: [151663, "<|repo_name|>"], fimFileSep: [151664, "<|file_sep|>"],
  } as const;
  const header = readGgufMetadata(ensureRealVocabModel(defaultModelsDir()).path);
  const types = header.metadata["tokenizer.ggml.token_type"] as number[];
  assert.equal((header.metadata["tokenizer.ggml.tokens"] as string[]).length, 151936);
  assert.ok(!header.tensors.some((t) => t.name === "output.weight"), "the embedding is tied: no output tensor");
  await withModel((model) => {
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
