import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";

/** Where a model comes from: a file on disk, or a Hugging Face file to download first. */
export type ModelSource =
  | { readonly kind: "path"; readonly path: string }
  | { readonly kind: "hf"; readonly uri: string; readonly url: string; readonly path: string };

/** A model we recommend, with the numbers the choice depends on. */
export interface CatalogEntry {
  readonly uri: string;
  readonly label: string;
  /** Approximate download size, shown before the user agrees to download. */
  readonly approxBytes: number;
  readonly why: string;
}

/**
 * The recommendations, best first. A 7B Llama code model is the strongest that fits a laptop
 * GPU with 6 GB free; on a CPU, generation speed is bound by memory bandwidth and a model of
 * 0.5-1.5B parameters is the largest that keeps ghost text interactive.
 */
export const catalog = {
  gpu: {
    uri: "hf:TheBloke/CodeLlama-7B-Instruct-GGUF/codellama-7b-instruct.Q4_K_M.gguf",
    label: "CodeLlama 7B Instruct (Q4_K_M)", approxBytes: 4_080_000_000,
    why: "a Llama code model with fill-in-the-middle and chat, fast when a GPU has 6 GB free",
  },
  cpuLarge: {
    uri: "hf:Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    label: "Qwen2.5-Coder 1.5B Instruct (Q4_K_M)", approxBytes: 1_120_000_000,
    why: "a Llama-architecture code model small enough for a CPU with 4 or more cores",
  },
  cpuSmall: {
    uri: "hf:Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF/qwen2.5-coder-0.5b-instruct-q8_0.gguf",
    label: "Qwen2.5-Coder 0.5B Instruct (Q8_0)", approxBytes: 531_000_000,
    why: "the fastest usable code model, for small CPUs (about 20 tokens/s on 2 cores)",
  },
} as const satisfies Record<string, CatalogEntry>;

export interface Hardware {
  readonly gpu: boolean;
  readonly vramFreeBytes: number;
  readonly ramFreeBytes: number;
  readonly physicalCores: number;
}

/** Picks the recommended model for this machine's free VRAM, free RAM and cores. */
export function recommendModel(hw: Hardware): CatalogEntry {
  if (hw.gpu && hw.vramFreeBytes >= 6 * 1024 ** 3) return catalog.gpu;
  if (hw.physicalCores >= 4 && hw.ramFreeBytes >= 4 * 1024 ** 3) return catalog.cpuLarge;
  return catalog.cpuSmall;
}

/** The default folder for downloaded models when neither the setting nor the client names one. */
export function defaultModelsDirectory(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "enclave", "models");
}

/** Thrown for a model setting that is neither a path nor a well-formed hf: URI. */
export class ModelSettingError extends Error {}

const HF_URI = /^hf:([\w.-]+)\/([\w.-]+)\/(.+\.gguf)$/i;

/**
 * Interprets the `enclave.model` setting. Relative paths are taken from the workspace folder;
 * hf: URIs map to `<endpoint>/<owner>/<repo>/resolve/main/<file>` and a stable place on disk, so
 * a second start finds the finished (or half-finished) download.
 */
export function parseModelSetting(value: string, options: { modelsDirectory: string; endpoint: string; baseDirectory?: string }): ModelSource {
  const trimmed = value.trim();
  if (/^hf:/i.test(trimmed)) {
    const match = HF_URI.exec(trimmed);
    if (!match) throw new ModelSettingError(`"${trimmed}" is not a Hugging Face model URI; write it as hf:owner/repo/file.gguf.`);
    const [, owner, repo, file] = match as unknown as [string, string, string, string];
    if (file.split("/").some((part) => part === ".." || part === "")) throw new ModelSettingError(`"${trimmed}" has an unsafe file path.`);
    const endpoint = options.endpoint.replace(/\/+$/, "");
    const url = `${endpoint}/${owner}/${repo}/resolve/main/${file.split("/").map(encodeURIComponent).join("/")}`;
    return { kind: "hf", uri: trimmed, url, path: join(options.modelsDirectory, owner, repo, ...file.split("/")) };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    throw new ModelSettingError(`"${trimmed}" is a URL; enclave.model takes a path to a .gguf file or an hf:owner/repo/file.gguf URI.`);
  }
  const expanded = trimmed.startsWith("~/") ? join(homedir(), trimmed.slice(2)) : trimmed;
  const path = isAbsolute(expanded) ? expanded : resolve(options.baseDirectory ?? process.cwd(), expanded);
  return { kind: "path", path };
}

/** True when a download has finished for this source (the file exists under its final name). */
export function isPresent(source: ModelSource): boolean {
  return existsSync(source.path);
}
