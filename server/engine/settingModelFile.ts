/**
 * The model file a secondary model setting names (`enclave.embeddingModel`,
 * `enclave.nextEdit.model`): a path, or an hf: URI resolved and downloaded exactly like
 * `enclave.model` (same parser, same resumable, checksummed download, same memory of a failed
 * download). Setting an hf: URI is the user's consent to that one download; with the setting
 * empty nothing is ever fetched.
 */
import type { Logger } from "../logger";
import { downloadModel } from "./download";
import { forgetFailure, rememberedFailure, rememberFailure } from "./downloadFailures";
import { DownloadError } from "./errors";
import { defaultModelsDirectory, isPresent, parseModelSetting } from "./resolve";

export interface ModelSetting {
  readonly value: string;
  readonly modelsDirectory: string;
  readonly endpoint: string;
  readonly baseDirectory?: string;
  readonly sha256?: string;
}

export interface SettingModelOptions {
  /** Keeps each setting's remembered download failure apart ("embedding", "next-edit"). */
  readonly purpose: string;
  readonly log: Logger;
  readonly signal?: AbortSignal;
  /** The user asked again: a download that failed before is retried. */
  readonly asked?: boolean;
  readonly onProgress?: (message: string) => void;
}

/** True when the setting names a file that still has to be downloaded. */
export function needsDownload(setting: ModelSetting): boolean {
  const source = parseModelSetting(setting.value, { modelsDirectory: setting.modelsDirectory || defaultModelsDirectory(), endpoint: setting.endpoint, baseDirectory: setting.baseDirectory });
  return source.kind !== "path" && !isPresent(source);
}

/**
 * The model file the setting names, downloading it first when it is an hf: URI not yet on disk.
 * A download that failed before is not retried by itself (the status says so); `asked` retries.
 */
export async function settingModelFile(setting: ModelSetting, options: SettingModelOptions): Promise<string> {
  const source = parseModelSetting(setting.value, { modelsDirectory: setting.modelsDirectory || defaultModelsDirectory(), endpoint: setting.endpoint, baseDirectory: setting.baseDirectory });
  if (source.kind === "path" || isPresent(source)) return source.path;
  const key = `${options.purpose}:${setting.value}`;
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
