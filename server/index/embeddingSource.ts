/**
 * Where the index's embedding model comes from: `enclave.embeddingModel` is a path or an hf:
 * URI, resolved and downloaded exactly like `enclave.model` (same parser, same resumable,
 * checksummed download, same memory of a failed download). Setting an hf: URI is the user's
 * consent to that one download; with the setting empty nothing is ever fetched.
 */
import type { Logger } from "../logger";
import { downloadModel } from "../engine/download";
import { forgetFailure, rememberedFailure, rememberFailure } from "../engine/downloadFailures";
import { DownloadError } from "../engine/errors";
import { loadEmbeddingModel, type GpuSetting } from "../engine/llama";
import { defaultModelsDirectory, isPresent, parseModelSetting } from "../engine/resolve";
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

export interface EmbeddingSetting {
  readonly value: string;
  readonly modelsDirectory: string;
  readonly endpoint: string;
  readonly baseDirectory?: string;
  readonly sha256?: string;
}

/**
 * The model file the setting names, downloading it first when it is an hf: URI not yet on disk.
 * A download that failed before is not retried by itself (the status says so); `asked` retries.
 */
export async function embeddingModelFile(setting: EmbeddingSetting, options: { log: Logger; signal?: AbortSignal; asked?: boolean; onProgress?: (message: string) => void }): Promise<string> {
  const source = parseModelSetting(setting.value, { modelsDirectory: setting.modelsDirectory || defaultModelsDirectory(), endpoint: setting.endpoint, baseDirectory: setting.baseDirectory });
  if (source.kind === "path" || isPresent(source)) return source.path;
  const key = `embedding:${setting.value}`;
  const failed = options.asked ? undefined : await rememberedFailure(source.path, key);
  if (failed) throw new DownloadError(source.url, `${failed.message}; not retried by itself`);
  try {
    await downloadModel({
      url: source.url, dest: source.path, sha256: setting.sha256, signal: options.signal, log: options.log,
      onProgress: (received, total) => options.onProgress?.(`Downloading ${source.uri}: ${(received / 1e6).toFixed(0)}${total ? ` of ${(total / 1e6).toFixed(0)}` : ""} MB`),
    });
  } catch (error) {
    if (!options.signal?.aborted && error instanceof DownloadError) await rememberFailure(source.path, { key, message: error.message, at: Date.now() });
    throw error;
  }
  await forgetFailure(source.path);
  return source.path;
}
