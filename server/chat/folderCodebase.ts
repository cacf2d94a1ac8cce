/**
 * The codebase search where the persistent index cannot run — a client that names no workspace
 * storage (other editors, tests) or `enclave.index.enable` off: the same WorkspaceIndex, one per
 * workspace folder, kept in memory only. Each is walked on first use and walked again before a
 * search once the last walk is older than FRESH_MS (only files whose mtime or size changed are
 * chunked again), so nothing is written to disk and no watcher is needed.
 */
import { WorkspaceIndex } from "../index/workspaceIndex";
import { withUri, type CodebaseHit, type CodebaseSearch } from "./codebaseSearch";

/** A search within this long after the last walk trusts it, so a burst of questions walks once. */
const FRESH_MS = 2_000;

export class FolderCodebase implements CodebaseSearch {
  private readonly indexes = new Map<string, WorkspaceIndex>();
  private walkedAt = -Infinity;
  private refreshing: Promise<void> | undefined;

  /** `folders` is asked on each refresh, so added workspace folders are picked up. */
  constructor(private readonly folders: () => readonly string[], private readonly onWarning: (line: string) => void = () => undefined) {}

  get ready(): boolean {
    return this.walkedAt > -Infinity;
  }

  async search(query: string, top: number): Promise<CodebaseHit[]> {
    await this.refresh();
    const hits: CodebaseHit[] = [];
    for (const [root, index] of this.indexes) hits.push(...withUri(root, await index.search(query, top)));
    // Fused scores are rank-based, so the folders' lists compare; a stable sort keeps folder order on ties.
    return hits.sort((a, b) => b.score - a.score).slice(0, top);
  }

  async definitions(names: readonly string[]): Promise<CodebaseHit[]> {
    await this.refresh();
    const hits: CodebaseHit[] = [];
    for (const [root, index] of this.indexes) hits.push(...withUri(root, index.definitions(names)));
    const order = (hit: CodebaseHit) => names.findIndex((name) => hit.symbol === name || hit.symbol?.endsWith(`.${name}`));
    return hits.sort((a, b) => order(a) - order(b));
  }

  /** Walks the folders and re-chunks what changed; concurrent callers share one walk. */
  refresh(): Promise<void> {
    if (performance.now() - this.walkedAt < FRESH_MS) return Promise.resolve();
    this.refreshing ??= this.update().finally(() => {
      this.walkedAt = performance.now();
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async update(): Promise<void> {
    const folders = new Set(this.folders());
    for (const root of [...this.indexes.keys()]) if (!folders.has(root)) this.indexes.delete(root);
    for (const root of folders) {
      let index = this.indexes.get(root);
      if (!index) this.indexes.set(root, (index = WorkspaceIndex.inMemory(root)));
      await index.refresh({ onWarning: this.onWarning });
    }
  }
}
