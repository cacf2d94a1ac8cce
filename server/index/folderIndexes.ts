/**
 * The codebase index of every folder of a workspace, used as one: a multi-root workspace (or an
 * editor that sends several folders) is searched across all its folders, a watcher's change goes
 * to the folder that holds the file, and counts, walks and embedding passes cover them all. Each
 * folder keeps its own WorkspaceIndex (saved or in memory), so adding or removing a folder
 * never touches the others. Hits carry their folder, since a path alone is relative to it.
 */
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { UpdateStats } from "./codeIndex";
import type { Embedder } from "./embedder";
import type { WalkOptions } from "./walker";
import type { IndexHit, WorkspaceIndex } from "./workspaceIndex";

/** A hit and the folder its path is relative to. */
export interface FolderHit extends IndexHit {
  readonly root: string;
  /** The path as shown and cited: prefixed by the folder's name when there are several folders. */
  readonly label: string;
}

/** A hit with its file's URI instead of its folder (what an editor opens, and what the protocol sends). */
export type UriHit = IndexHit & { readonly uri: string; readonly label: string };

export function withUris(hits: readonly FolderHit[]): UriHit[] {
  return hits.map(({ root, ...hit }) => ({ ...hit, uri: pathToFileURL(path.join(root, hit.path)).href }));
}

type Progress = (done: number, total: number) => void;

export class FolderIndexes {
  private readonly folders = new Map<string, WorkspaceIndex>();

  get roots(): string[] {
    return [...this.folders.keys()];
  }

  get(root: string): WorkspaceIndex | undefined {
    return this.folders.get(root);
  }

  /** Adds (or replaces) the index of a folder. */
  set(root: string, index: WorkspaceIndex): void {
    this.folders.set(root, index);
  }

  /** Forgets a folder; the caller saves or disposes its index. */
  delete(root: string): WorkspaceIndex | undefined {
    const index = this.folders.get(root);
    this.folders.delete(root);
    return index;
  }

  /** The folders that hold `file` (an absolute path): more than one when folders nest, and each indexes it. */
  holdersOf(file: string): WorkspaceIndex[] {
    return [...this.folders].filter(([root]) => {
      const relative = path.relative(root, file);
      return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
    }).map(([, index]) => index);
  }

  setWalkOptions(walk: WalkOptions): void {
    for (const index of this.folders.values()) index.setWalkOptions(walk);
  }

  counts(): { files: number; chunks: number; embedded: number } {
    const total = { files: 0, chunks: 0, embedded: 0 };
    for (const index of this.folders.values()) {
      const c = index.counts();
      total.files += c.files;
      total.chunks += c.chunks;
      total.embedded += c.embedded;
    }
    return total;
  }

  /** Walks every folder in turn; progress counts the files of the folders walked so far. */
  async refresh(options: { readonly signal?: AbortSignal; readonly onProgress?: Progress; readonly onWarning?: (line: string) => void } = {}): Promise<UpdateStats & { cancelled: boolean }> {
    const sum = { files: 0, chunks: 0, chunked: 0, removed: 0, skipped: 0, seconds: 0, cancelled: false };
    let before = 0;
    for (const index of this.folders.values()) {
      let walked = 0;
      const stats = await index.refresh({ signal: options.signal, onWarning: options.onWarning, onProgress: (done, total) => options.onProgress?.(before + done, before + (walked = total)) });
      before += walked;
      sum.files += stats.files;
      sum.chunks += stats.chunks;
      sum.chunked += stats.chunked;
      sum.removed += stats.removed;
      sum.skipped += stats.skipped;
      sum.seconds += stats.seconds;
      if (stats.cancelled) return { ...sum, cancelled: true };
    }
    return sum;
  }

  /** Sends each changed file (absolute paths) to the folders holding it; files outside every folder are ignored. */
  async applyChanges(files: readonly string[]): Promise<{ chunked: number; removed: number }> {
    const byFolder = new Map<WorkspaceIndex, string[]>();
    for (const file of files) {
      for (const holder of this.holdersOf(file)) {
        const list = byFolder.get(holder);
        if (list) list.push(file);
        else byFolder.set(holder, [file]);
      }
    }
    const sum = { chunked: 0, removed: 0 };
    for (const [index, changed] of byFolder) {
      const result = await index.applyChanges(changed);
      sum.chunked += result.chunked;
      sum.removed += result.removed;
    }
    return sum;
  }

  noteEdit(file: string): void {
    for (const holder of this.holdersOf(file)) holder.noteEdit(file);
  }

  save(): void {
    for (const index of this.folders.values()) index.save();
  }

  useEmbedder(embedder: Embedder | undefined): void {
    for (const index of this.folders.values()) index.useEmbedder(embedder);
  }

  /** Embeds the chunks without a vector, folder after folder; progress counts them all. */
  async embedPending(options: { readonly signal?: AbortSignal; readonly onProgress?: Progress } = {}): Promise<{ embedded: number; seconds: number }> {
    const pending = [...this.folders.values()].map((index) => index.counts()).reduce((n, c) => n + c.chunks - c.embedded, 0);
    const sum = { embedded: 0, seconds: 0 };
    for (const index of this.folders.values()) {
      if (options.signal?.aborted) break;
      const run = await index.embedPending({ signal: options.signal, onProgress: (done) => options.onProgress?.(sum.embedded + done, pending) });
      sum.embedded += run.embedded;
      sum.seconds += run.seconds;
    }
    return sum;
  }

  /**
   * The best `top` chunks of all folders. Fused scores are rank-based, so the folders' lists
   * compare; a stable sort keeps folder order on ties.
   */
  async search(query: string, top: number, signal?: AbortSignal): Promise<FolderHit[]> {
    const hits: FolderHit[] = [];
    for (const [root, index] of this.folders) hits.push(...(await index.search(query, top, signal)).map((hit) => this.rooted(root, hit)));
    return hits.sort((a, b) => b.score - a.score).slice(0, top);
  }

  /** Chunks defining any of `names`, of all folders, in the order of `names`. */
  definitions(names: readonly string[], top = 10): FolderHit[] {
    const hits: FolderHit[] = [];
    for (const [root, index] of this.folders) hits.push(...index.definitions(names, top).map((hit) => this.rooted(root, hit)));
    const order = (hit: FolderHit) => names.findIndex((name) => hit.symbol === name || hit.symbol?.endsWith(`.${name}`));
    return hits.sort((a, b) => order(a) - order(b)).slice(0, top);
  }

  /** Two folders may both hold `README.md`: with several, a path is cited as `folder/README.md`. */
  private rooted(root: string, hit: IndexHit): FolderHit {
    return { ...hit, root, label: this.folders.size > 1 ? `${path.basename(root)}/${hit.path}` : hit.path };
  }

  async dispose(): Promise<void> {
    for (const index of this.folders.values()) await index.dispose();
    this.folders.clear();
  }
}
