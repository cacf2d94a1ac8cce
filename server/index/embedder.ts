/**
 * What the index needs of an embedding model, so that the index never imports the engine's
 * runtime (and unit tests can hand it a fake). `stamp` names the exact model file: vectors made
 * by one model are never compared with another's.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import type { EmbeddingModel } from "../engine/llama";

export interface Embedder {
  readonly name: string;
  readonly stamp: string;
  readonly dimensions: number;
  embed(text: string, signal?: AbortSignal): Promise<Float32Array>;
  dispose(): Promise<void>;
}

/** A model file's stamp: its absolute path, size and modification time. */
export function modelStamp(path: string): string {
  const absolute = resolve(path);
  const stat = statSync(absolute);
  return `${absolute}|${stat.size}|${Math.round(stat.mtimeMs)}`;
}

/** The loaded model as the index sees it. */
export function embedderOf(model: EmbeddingModel): Embedder {
  return {
    name: model.name,
    stamp: modelStamp(model.path),
    dimensions: model.dimensions,
    embed: (text, signal) => model.embed(text, signal),
    dispose: () => model.dispose(),
  };
}

/** The text embedded for a chunk: where it is and what it defines, then its code. */
export function chunkEmbeddingText(path: string, symbol: string | null, text: string): string {
  return `${path}${symbol ? ` ${symbol}` : ""}\n${text}`;
}
