/**
 * Fixed line windows: the chunking for languages without a grammar, for files the parser
 * refuses, and for definitions too long to be one chunk. Windows overlap so that a few lines
 * cut at a border still appear whole in one of them.
 */
import type { Chunk, ChunkKind } from "./chunk";

export const windowLines = 60;
export const windowOverlap = 10;

/** Windows over lines `first..last` (1-based, inclusive) of `lines`, each naming `symbol`. */
export function lineWindows(lines: readonly string[], first: number, last: number, symbol: string | null, kind: ChunkKind): Chunk[] {
  const out: Chunk[] = [];
  for (let start = first; start <= last; start += windowLines - windowOverlap) {
    const end = Math.min(last, start + windowLines - 1);
    const text = lines.slice(start - 1, end).join("\n");
    if (text.trim()) out.push({ startLine: start, endLine: end, symbol, kind, text });
    if (end === last) break;
  }
  return out;
}
