/**
 * The codebase search where the persistent index cannot run — a client that names no workspace
 * storage (other editors, tests) or `enclave.index.enable` off: the same WorkspaceIndex, one per
 * workspace folder, kept in memory only. Each is walked on first use and walked again before a
 * search once the last walk is older than FRESH_MS (only files whose mtime or size changed are
 * chunked again), so nothing is written to disk and no watcher is needed. Completions ask for
 * definitions as the names near the cursor change, which is often: they are answered from the
 * last walk, and start a walk in the background only once it is DEFINITIONS_FRESH_MS old.
 */
import { FolderIndexes, withUris } from "../index/folderIndexes";
import { WorkspaceIndex } from "../index/workspaceIndex";
import type { CodebaseHit, CodebaseSearch } from "./codebaseSearch";

/** A search within this long after the last walk trusts it, so a burst of questions walks once. */
const FRESH_MS = 2_000;
/** Definitions for completions may be this old: a walk stats every file, too much to do while typing. */
const DEFINITIONS_FRESH_MS = 30_000;

export class FolderCodebase implements CodebaseSearch {
  private readonly indexes = new FolderIndexes();
  private walkedAt = -Infinity;
  private refreshing: Promise<void> | undefined;

  /** `folders` is asked on each refresh, so added workspace folders are picked up. */
  constructor(private readonly folders: () => readonly string[], private readonly onWarning: (line: string) => void = () => undefined) {}

  get ready(): boolean {
    return this.walkedAt > -Infinity;
  }

  async search(query: string, top: number): Promise<CodebaseHit[]> {
    await this.refresh();
    return withUris(await this.indexes.search(query, top));
  }

  async definitions(names: readonly string[]): Promise<CodebaseHit[]> {
    if (!this.ready) await this.refresh();
    else void this.refresh(DEFINITIONS_FRESH_MS).catch((error: unknown) => this.onWarning(`the folders could not be walked again: ${(error as Error).message}`));
    return withUris(this.indexes.definitions(names));
  }

  /** Walks the folders and re-chunks what changed; concurrent callers share one walk. */
  refresh(maxAgeMs = FRESH_MS): Promise<void> {
    if (performance.now() - this.walkedAt < maxAgeMs) return Promise.resolve();
    this.refreshing ??= this.update().finally(() => {
      this.walkedAt = performance.now();
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async update(): Promise<void> {
    const folders = new Set(this.folders());
    for (const root of this.indexes.roots) if (!folders.has(root)) this.indexes.delete(root);
    for (const root of folders) if (!this.indexes.get(root)) this.indexes.set(root, WorkspaceIndex.inMemory(root));
    await this.indexes.refresh({ onWarning: this.onWarning });
  }
}
