/**
 * What chat and completions need from a codebase index, and nothing more: ranked chunks for a
 * question, and the chunks that define given names. Both features depend on this interface only;
 * behind it is always server/index/workspaceIndex.ts — the persistent index of the workspace
 * (indexedCodebase.ts) or, for clients that give it no storage, in-memory ones of each folder
 * (folderCodebase.ts).
 */
import type { UriHit } from "../index/folderIndexes";

/** One chunk of a workspace file: the index's hit and the file's URI (what an editor opens). */
export type CodebaseHit = UriHit;

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
