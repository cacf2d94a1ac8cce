/**
 * The codebase index as a service: keyword index, vectors and recent edits of one folder, kept
 * in a directory of the caller's choosing (the workspace storage in the language server, the
 * folder's own `.enclave/index` for the CLI). Search fuses three rankings by reciprocal rank:
 * BM25, vector similarity (when an embedding model is set) and the recency of edits. The
 * keyword index is usable the moment a walk has finished; embeddings follow in the background
 * and are resumable: a chunk without a vector is simply embedded by the next pass.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ChunkKind } from "./chunk";
import { CodeIndex, type UpdateOptions, type UpdateStats } from "./codeIndex";
import { chunkEmbeddingText, type Embedder } from "./embedder";
import { reciprocalRankFusion, recencyRanking } from "./fusion";
import { VectorIndex } from "./vectorIndex";
import type { WalkOptions } from "./walker";

/** One search result: a chunk with its text, as chat cites it (lines 1-based, inclusive; path relative to the root). */
export interface IndexHit {
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly symbol: string | null;
  readonly kind: ChunkKind;
  readonly text: string;
  readonly score: number;
}

/** Candidates each ranking contributes to the fusion. */
const CANDIDATES = 50;
/** Recency reorders candidates but counts half as much as the query's own rankings. */
const RECENCY_WEIGHT = 0.5;
const RECENT_FILES = 50;
/** Vectors are saved after this many new ones, so a stopped pass loses little. */
const SAVE_EVERY = 256;

/** Where the vectors are saved; an index kept in memory only has no such file. */
const vectorFile = (dir: string | undefined) => (dir ? path.join(dir, "vectors.bin") : undefined);
/** How many definitions one name may contribute (overloads, the same name in two packages). */
const PER_NAME = 2;

export class WorkspaceIndex {
  private vectors: VectorIndex | undefined;
  private embedder: Embedder | undefined;
  private readonly recent: string[] = [];

  private constructor(private readonly index: CodeIndex, private walk: WalkOptions) {}

  /** An empty index of `root` kept in memory only (nothing saved): for clients without workspace storage. */
  static inMemory(root: string, walk: WalkOptions = {}): WorkspaceIndex {
    return new WorkspaceIndex(CodeIndex.inMemory(root), walk);
  }

  /** The saved index of `root` in `indexDir` (nothing walked yet), or an empty one. */
  static async open(root: string, indexDir: string, walk: WalkOptions = {}): Promise<WorkspaceIndex> {
    const loaded = CodeIndex.load(root, indexDir);
    if (loaded) return new WorkspaceIndex(loaded, walk);
    // An empty index is one cancelled walk: nothing read, nothing saved.
    const { index } = await CodeIndex.update(root, { indexDir, signal: AbortSignal.abort() });
    return new WorkspaceIndex(index, walk);
  }

  get root(): string {
    return this.index.root;
  }

  /** New rules (enclave.index.exclude) apply from the next refresh or change on. */
  setWalkOptions(walk: WalkOptions): void {
    this.walk = walk;
  }

  /** Files and chunks indexed, and how many chunks have a vector. */
  counts(): { files: number; chunks: number; embedded: number } {
    return { ...this.index.totals(), embedded: this.vectors?.size ?? 0 };
  }

  /** The embedding model in use, or undefined for keyword search alone. */
  get embeddingModel(): string | undefined {
    return this.embedder?.name;
  }

  /** Walks the folder, re-chunks what changed since the saved index, drops what is gone, saves. */
  async refresh(options: Omit<UpdateOptions, "indexDir" | keyof WalkOptions> = {}): Promise<UpdateStats & { cancelled: boolean }> {
    const stats = await this.index.refresh({ ...this.walk, ...options });
    this.forgetStaleVectors();
    return stats;
  }

  /** Applies a watcher's changes (absolute or root-relative paths); saving waits for `save`. */
  async applyChanges(files: readonly string[]): Promise<{ chunked: number; removed: number }> {
    const relative = files.map((f) => (path.isAbsolute(f) ? path.relative(this.root, f) : f).split(path.sep).join("/")).filter((f) => f && !f.startsWith(".."));
    const result = await this.index.applyChanges(relative, this.walk);
    this.forgetStaleVectors();
    return result;
  }

  /** Remembers that a file was just edited: its chunks rank higher among a query's candidates. */
  noteEdit(file: string): void {
    const relative = (path.isAbsolute(file) ? path.relative(this.root, file) : file).split(path.sep).join("/");
    const at = this.recent.indexOf(relative);
    if (at >= 0) this.recent.splice(at, 1);
    this.recent.unshift(relative);
    this.recent.length = Math.min(this.recent.length, RECENT_FILES);
  }

  /** Writes what changed since the last save (keyword index, chunk table, vectors). */
  save(): void {
    if (this.index.unsaved) this.index.save();
    this.saveVectors();
  }

  /**
   * Uses `embedder` for vectors from now on (undefined: keyword search alone). Saved vectors of
   * the same model are kept; those of another model are dropped.
   */
  useEmbedder(embedder: Embedder | undefined): void {
    this.embedder = embedder;
    const file = vectorFile(this.index.indexDir);
    this.vectors = !embedder ? undefined : file ? VectorIndex.load(file, embedder.stamp, embedder.dimensions) : new VectorIndex(embedder.stamp, embedder.dimensions);
    this.forgetStaleVectors();
  }

  /** Embeds every chunk that has no vector yet; stops (and saves) when `signal` aborts. */
  async embedPending(options: { readonly signal?: AbortSignal; readonly onProgress?: (done: number, total: number) => void } = {}): Promise<{ embedded: number; seconds: number }> {
    const { embedder, vectors } = this;
    const started = performance.now();
    if (!embedder || !vectors) return { embedded: 0, seconds: 0 };
    const pending = [...this.index.chunkIds()].filter((id) => !vectors.has(id));
    let embedded = 0;
    let lines: { file: string; lines: string[] } | undefined;
    try {
      for (const id of pending) {
        if (options.signal?.aborted) break;
        const found = this.index.chunk(id);
        if (!found) continue;
        if (lines?.file !== found.path) lines = { file: found.path, lines: this.readLines(found.path) };
        const text = lines.lines.slice(found.chunk.startLine - 1, found.chunk.endLine).join("\n");
        try {
          vectors.set(id, await embedder.embed(chunkEmbeddingText(found.path, found.chunk.symbol, text), options.signal));
        } catch (error) {
          if (options.signal?.aborted) break;
          throw error;
        }
        embedded++;
        if (embedded % 16 === 0) options.onProgress?.(embedded, pending.length);
        if (embedded % SAVE_EVERY === 0) this.saveVectors();
      }
    } finally {
      if (embedded > 0) this.saveVectors();
    }
    return { embedded, seconds: (performance.now() - started) / 1000 };
  }

  /**
   * The best `top` chunks for a question, best first, with their text. `only` keeps one ranking
   * (the benchmark compares them); callers leave it out.
   */
  async search(query: string, top: number, signal?: AbortSignal, only?: "keyword" | "vectors"): Promise<IndexHit[]> {
    if (!query.trim() || top < 1) return [];
    const keyword = only === "vectors" ? [] : this.index.keywordSearch(query, Math.max(CANDIDATES, top)).map((h) => h.id);
    let similar: number[] = [];
    if (only !== "keyword" && this.embedder && this.vectors?.size) {
      try {
        similar = this.vectors.search(await this.embedder.embed(query, signal), Math.max(CANDIDATES, top)).map((h) => h.id);
      } catch (error) {
        if (signal?.aborted) return [];
        throw error;
      }
    }
    const candidates = [...new Set([...keyword, ...similar])];
    const recency = only ? [] : recencyRanking(candidates, (id) => this.index.chunk(id)?.path, this.recent);
    const fused = reciprocalRankFusion([{ ids: keyword }, { ids: similar }, { ids: recency, weight: RECENCY_WEIGHT }]);
    return this.hits(fused.slice(0, top));
  }

  /**
   * Definitions of these symbol names (functions, classes, methods named so), in the order of
   * `names`, at most two per name and `top` in all: one common name (`get`) must not crowd out
   * the others.
   */
  definitions(names: readonly string[], top = 10): IndexHit[] {
    const found = new Map<number, { id: number; score: number }>();
    for (const name of new Set(names)) {
      for (const { chunk } of this.index.definitionsOf(name).slice(0, PER_NAME)) if (!found.has(chunk.id)) found.set(chunk.id, { id: chunk.id, score: 1 });
      if (found.size >= top) break;
    }
    return this.hits([...found.values()].slice(0, top));
  }

  async dispose(): Promise<void> {
    this.save();
    this.vectors = undefined;
    this.embedder = undefined;
  }

  private hits(ranked: ReadonlyArray<{ id: number; score: number }>): IndexHit[] {
    const files = new Map<string, string[]>();
    const out: IndexHit[] = [];
    for (const { id, score } of ranked) {
      const found = this.index.chunk(id);
      if (!found) continue;
      let lines = files.get(found.path);
      if (!lines) files.set(found.path, (lines = this.readLines(found.path)));
      const { startLine, endLine, symbol, kind } = found.chunk;
      out.push({ path: found.path, startLine, endLine, symbol, kind, text: lines.slice(startLine - 1, endLine).join("\n"), score: Number(score.toFixed(6)) });
    }
    return out;
  }

  private saveVectors(): void {
    const file = vectorFile(this.index.indexDir);
    if (file) this.vectors?.save(file);
  }

  /** A file's lines as they are on disk now; a file gone since it was indexed has none. */
  private readLines(relative: string): string[] {
    try {
      return fs.readFileSync(path.join(this.root, relative), "utf8").split("\n");
    } catch {
      return [];
    }
  }

  /** Chunk ids are never reused, so a vector whose chunk is gone can only be dropped. */
  private forgetStaleVectors(): void {
    if (!this.vectors) return;
    const stale = [...this.vectors.ids()].filter((id) => !this.index.chunk(id));
    this.vectors.delete(stale);
  }
}
