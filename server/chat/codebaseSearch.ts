/**
 * What chat and completions need from a codebase index, and nothing more: ranked chunks for a
 * question, and the chunks that define given names. Both features depend on this interface only,
 * so the index behind it can change (the in-memory one of memoryCodebase.ts now, the persistent,
 * incrementally updated workspace index later) without touching either feature.
 */
import type { ChunkKind } from "../index/chunk";

/** One chunk of a workspace file. */
export interface CodebaseHit {
  /** Relative to its workspace folder, with forward slashes (what the model cites). */
  readonly path: string;
  /** The file's URI (what an editor opens). */
  readonly uri: string;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** The defined name (`Class.method` for methods), or null for grouped statements and windows. */
  readonly symbol: string | null;
  readonly kind: ChunkKind;
  /** The chunk's lines as they were indexed. */
  readonly text: string;
  /** Higher is better; comparable only within one answer. */
  readonly score: number;
}

export interface CodebaseSearch {
  /** The best `top` chunks for a question, best first; builds the index first when there is none. */
  search(query: string, top: number): Promise<CodebaseHit[]>;
  /** Chunks that define any of `names` (`fetchUser` matches `fetchUser` and `Api.fetchUser`), in the order of `names`. */
  definitions(names: readonly string[]): Promise<CodebaseHit[]>;
  /**
   * True when both calls answer from an index that exists, without building one first. Callers on
   * a keystroke's path (completions) ask only then, so they never wait for a build.
   */
  readonly ready: boolean;
}
