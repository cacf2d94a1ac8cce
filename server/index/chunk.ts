/** One piece of a file in the index: what search returns and, later, what chat cites. */
export type ChunkKind = "function" | "method" | "class" | "type" | "statements" | "window";

export interface Chunk {
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** The defined name (`Class.method` for methods), or null for grouped statements and windows. */
  readonly symbol: string | null;
  readonly kind: ChunkKind;
  /** The chunk's lines, indexed but not stored with the index. */
  readonly text: string;
}
