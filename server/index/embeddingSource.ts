/**
 * The index's embedding model: `enclave.embeddingModel` names the file (a path or an hf: URI,
 * resolved by `settingModelFile` like every secondary model); this loads it as an embedder.
 */
import type { Logger } from "../logger";
import { loadEmbeddingModel, type GpuSetting } from "../engine/llama";
import { autoThreads } from "../engine/threads";
import { embedderOf, type Embedder } from "./embedder";

export interface EmbedderOptions {
  readonly gpu: GpuSetting;
  /** 0: automatic (physical cores, 1 for tiny models). */
  readonly threads: number;
  readonly log: Logger;
  readonly signal?: AbortSignal;
}

/** Loads the embedding model at `path` for the index. */
export async function loadEmbedder(path: string, options: EmbedderOptions): Promise<Embedder> {
  return embedderOf(await loadEmbeddingModel({ path, gpu: options.gpu, threads: options.threads, log: options.log, signal: options.signal, autoThreads }));
}
