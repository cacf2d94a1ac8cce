/**
 * Loads a real-vocabulary fixture model (generated on first use) in node-llama-cpp for the
 * length of `run`, for the tests that check its tokenizer against llama.cpp's.
 */
import { loadLocalModel, type LocalModel } from "../../server/engine/llama";
import { silentLogger } from "../../server/logger";
import { defaultModelsDir, ensureRealVocabModel, type VocabName } from "../fixtures/gguf";

export async function withRealVocabModel(vocab: VocabName, run: (model: LocalModel) => Promise<void> | void): Promise<void> {
  const generated = ensureRealVocabModel(defaultModelsDir(), undefined, vocab);
  const model = await loadLocalModel({
    path: generated.path, gpu: "off", gpuLayers: 0, threads: 1, contextSize: 256, log: silentLogger, autoThreads: () => 1,
  });
  try {
    await run(model);
  } finally {
    await model.dispose();
  }
}
