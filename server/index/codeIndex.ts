/**
 * The codebase index of one directory, kept on disk in `<DIR>/.enclave/index/`: beside the code
 * rather than in a cache keyed by a path, so that moving or copying the folder keeps its index,
 * two checkouts never share one by accident, and deleting the folder deletes it. A `.gitignore`
 * inside keeps it out of commits. Each file's mtime and size are stored, so an update re-chunks
 * only changed and added files and drops deleted ones. The language server keeps its index in
 * the workspace storage instead (`indexDir`), and applies a file watcher's changes one file at
 * a time (`applyChanges`) without walking the tree.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ChunkKind } from "./chunk";
import { chunkFile } from "./chunker";
import { KeywordIndex } from "./keywordIndex";
import { looksBinary, walkedFileAt, walkFiles, type WalkedFile, type WalkOptions } from "./walker";

/** Bumped whenever terms or chunks change meaning; an index of another format is rebuilt. */
const FORMAT = 3;

export interface StoredChunk {
  readonly id: number;
  readonly startLine: number;
  readonly endLine: number;
  readonly symbol: string | null;
  readonly kind: ChunkKind;
}

/** A binary file is remembered too (with no chunks), so that an update does not read it again. */
interface StoredFile { readonly mtimeMs: number; readonly size: number; readonly chunks: StoredChunk[]; readonly binary?: true }

interface Manifest { format: number; nextId: number; files: Record<string, StoredFile> }

export interface UpdateStats {
  readonly files: number;
  readonly chunks: number;
  /** Files chunked in this run (added or changed). */
  readonly chunked: number;
  readonly removed: number;
  readonly skipped: number;
  readonly seconds: number;
}

export interface UpdateOptions extends WalkOptions {
  /** Where the index is kept; `<root>/.enclave/index` unless said otherwise. */
  readonly indexDir?: string;
  readonly onWarning?: (line: string) => void;
  /** Stops the walk; what was chunked so far is saved, so the next update resumes from there. */
  readonly signal?: AbortSignal;
  /** Files looked at so far and in all; called every few files. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface SearchHit {
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly symbol: string | null;
  readonly score: number;
}

/** Where the index of `root` lives. */
export function indexDirOf(root: string): string {
  return path.join(root, ".enclave", "index");
}

const manifestFile = (dir: string) => path.join(dir, "chunks.json");
const keywordFile = (dir: string) => path.join(dir, "keyword.bin");
/** Where format 2 kept its keyword index (minisearch's JSON); removed at the first save. */
const oldKeywordFile = (dir: string) => path.join(dir, "keyword.json");

export class CodeIndex {
  private dirty = false;

  /** `indexDir` undefined: kept in memory only (`inMemory`), and `save` writes nothing. */
  private constructor(readonly root: string, readonly indexDir: string | undefined, private readonly manifest: Manifest, private readonly keywords: KeywordIndex) {}

  /** An empty index of `root` that lives in memory only, for clients that give no place to keep one. */
  static inMemory(root: string): CodeIndex {
    return new CodeIndex(root, undefined, { format: FORMAT, nextId: 1, files: {} }, KeywordIndex.empty());
  }

  /** Loads the saved index of `root`, or undefined when there is none (or it is of another format). */
  static load(root: string, indexDir = indexDirOf(root)): CodeIndex | undefined {
    try {
      const manifest = JSON.parse(fs.readFileSync(manifestFile(indexDir), "utf8")) as Manifest;
      if (manifest.format !== FORMAT) return undefined;
      return new CodeIndex(root, indexDir, manifest, KeywordIndex.deserialize(fs.readFileSync(keywordFile(indexDir))));
    } catch {
      return undefined;
    }
  }

  /** Builds the index of `root`, or brings a saved one up to date, and saves it. */
  static async update(root: string, options: UpdateOptions = {}): Promise<{ index: CodeIndex; stats: UpdateStats & { cancelled: boolean } }> {
    const indexDir = options.indexDir ?? indexDirOf(root);
    const index = CodeIndex.load(root, indexDir) ?? new CodeIndex(root, indexDir, { format: FORMAT, nextId: 1, files: {} }, KeywordIndex.empty());
    return { index, stats: await index.refresh(options) };
  }

  /** Walks the tree and brings this index up to date with it, then saves it. */
  async refresh(options: UpdateOptions = {}): Promise<UpdateStats & { cancelled: boolean }> {
    const started = performance.now();
    const seen = new Set<string>();
    const counts = { chunked: 0, removed: 0, skipped: 0 };
    const walked = walkFiles(this.root, options);
    let cancelled = false;
    for (let i = 0; i < walked.length; i++) {
      if (options.signal?.aborted) {
        cancelled = true;
        break;
      }
      const file = walked[i]!;
      seen.add(file.path);
      // Every few files, let other work run: a language server stays responsive while it indexes.
      if (i % 16 === 15) {
        options.onProgress?.(i, walked.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
      const old = this.manifest.files[file.path];
      if (old && old.mtimeMs === file.mtimeMs && old.size === file.size) continue;
      const outcome = await this.reindex(file, options.onWarning);
      // A binary file is remembered, not chunked.
      if (outcome !== "binary") counts[outcome === "unreadable" ? "skipped" : "chunked"]++;
    }
    // A cancelled walk has not seen every file: nothing may be dropped as deleted.
    if (!cancelled) for (const file of Object.keys(this.manifest.files)) if (!seen.has(file) && this.drop(file)) counts.removed++;
    options.onProgress?.(walked.length, walked.length);
    this.save();
    return { ...this.totals(), ...counts, cancelled, seconds: (performance.now() - started) / 1000 };
  }

  /**
   * Applies changes reported for some files (relative paths): each is re-chunked, dropped
   * (deleted, or now excluded) or left alone (unchanged). Nothing is saved: the caller saves
   * when it suits it, and an update after a restart catches up from the saved mtimes.
   */
  async applyChanges(files: readonly string[], options: WalkOptions & { readonly onWarning?: (line: string) => void } = {}): Promise<{ chunked: number; removed: number }> {
    let chunked = 0;
    let removed = 0;
    for (const relative of new Set(files)) {
      const file = walkedFileAt(this.root, relative, options);
      if (!file) {
        if (this.drop(relative)) removed++;
        continue;
      }
      const old = this.manifest.files[relative];
      if (old && old.mtimeMs === file.mtimeMs && old.size === file.size) continue;
      if ((await this.reindex(file, options.onWarning)) === "chunked") chunked++;
    }
    return { chunked, removed };
  }

  /** True when changes were applied that are not saved yet. */
  get unsaved(): boolean {
    return this.dirty;
  }

  private async reindex(file: WalkedFile, onWarning?: (line: string) => void): Promise<"chunked" | "binary" | "unreadable"> {
    this.drop(file.path);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file.absolute);
    } catch (error) {
      onWarning?.(`${file.path}: not indexed (${(error as Error).message})`);
      return "unreadable";
    }
    this.dirty = true;
    if (looksBinary(bytes)) {
      this.manifest.files[file.path] = { mtimeMs: file.mtimeMs, size: file.size, chunks: [], binary: true };
      return "binary";
    }
    const chunks = await chunkFile(file.path, bytes.toString("utf8"));
    const stored = chunks.map((c) => ({ id: this.manifest.nextId++, startLine: c.startLine, endLine: c.endLine, symbol: c.symbol, kind: c.kind }));
    this.keywords.add(chunks.map((c, i) => ({ id: stored[i]!.id, symbol: c.symbol ?? "", path: file.path, content: c.text })));
    this.manifest.files[file.path] = { mtimeMs: file.mtimeMs, size: file.size, chunks: stored };
    if (this.table) for (const chunk of stored) this.remember(file.path, chunk);
    return "chunked";
  }

  /** Forgets a file and its chunks; false when it was not indexed. */
  private drop(file: string): boolean {
    const old = this.manifest.files[file];
    if (!old) return false;
    this.keywords.remove(old.chunks.map((c) => c.id));
    if (this.table) for (const chunk of old.chunks) this.forget(chunk);
    delete this.manifest.files[file];
    this.dirty = true;
    return true;
  }

  /** Files (binary ones not counted) and chunks in the index. */
  totals(): { files: number; chunks: number } {
    const all = Object.values(this.manifest.files);
    return { files: all.filter((f) => !f.binary).length, chunks: all.reduce((n, f) => n + f.chunks.length, 0) };
  }

  /** A chunk and its file by id, or undefined when the chunk is gone. */
  chunk(id: number): { path: string; chunk: StoredChunk } | undefined {
    return this.chunkTable().get(id);
  }

  /** Every chunk id, file by file in path order. */
  *chunkIds(): IterableIterator<number> {
    for (const stored of Object.values(this.manifest.files)) for (const chunk of stored.chunks) yield chunk.id;
  }

  /** Chunks that define `name`: named exactly so, or a member of that name (`Class.name`). */
  definitionsOf(name: string): Array<{ path: string; chunk: StoredChunk }> {
    this.chunkTable();
    const out: Array<{ path: string; chunk: StoredChunk }> = [];
    for (const id of this.symbols.get(lastPart(name)) ?? []) {
      const entry = this.table!.get(id);
      const symbol = entry?.chunk.symbol;
      if (entry && symbol && (symbol === name || symbol.endsWith(`.${name}`))) out.push(entry);
    }
    return out;
  }

  /** The best keyword matches as ids with their BM25 scores, best first. */
  keywordSearch(query: string, top: number): Array<{ id: number; score: number }> {
    return this.keywords.query(query, top).filter((hit) => this.chunkTable().has(hit.id));
  }

  /** The chunks of a file as stored (for tests and, later, citations). */
  chunksOf(file: string): readonly StoredChunk[] | undefined {
    return this.manifest.files[file]?.chunks;
  }

  /** How many chunks the keyword index holds (equal to the stored chunks when nothing is stale). */
  keywordDocumentCount(): number {
    return this.keywords.documentCount;
  }

  /** The best `top` chunks for a query, best first. */
  search(query: string, top: number): SearchHit[] {
    const byId = this.chunkTable();
    const hits: SearchHit[] = [];
    for (const hit of this.keywords.query(query, top)) {
      const found = byId.get(hit.id);
      if (found) hits.push({ path: found.path, startLine: found.chunk.startLine, endLine: found.chunk.endLine, symbol: found.chunk.symbol, score: Number(hit.score.toFixed(4)) });
    }
    return hits;
  }

  private table: Map<number, { path: string; chunk: StoredChunk }> | undefined;
  /** Definition chunks by the last part of their name (`Api.fetchUser` under fetchUser), built with the table. */
  private readonly symbols = new Map<string, number[]>();

  private chunkTable(): Map<number, { path: string; chunk: StoredChunk }> {
    if (this.table) return this.table;
    this.table = new Map();
    for (const [file, stored] of Object.entries(this.manifest.files)) for (const chunk of stored.chunks) this.remember(file, chunk);
    return this.table;
  }

  private remember(file: string, chunk: StoredChunk): void {
    this.table!.set(chunk.id, { path: file, chunk });
    if (!chunk.symbol || chunk.kind === "window") return;
    const key = lastPart(chunk.symbol);
    const ids = this.symbols.get(key);
    if (ids) ids.push(chunk.id);
    else this.symbols.set(key, [chunk.id]);
  }

  private forget(chunk: StoredChunk): void {
    this.table!.delete(chunk.id);
    if (!chunk.symbol || chunk.kind === "window") return;
    const key = lastPart(chunk.symbol);
    const left = (this.symbols.get(key) ?? []).filter((id) => id !== chunk.id);
    if (left.length) this.symbols.set(key, left);
    else this.symbols.delete(key);
  }

  /**
   * Writes both files through a temporary name, so a crash mid-write leaves the old index whole.
   * Chunk ids are never reused, so a search that reads the new keyword file with the old chunk
   * table only misses new chunks; it never maps an id to the wrong lines.
   */
  save(): void {
    const dir = this.indexDir;
    if (!dir) {
      this.dirty = false;
      return;
    }
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, ".gitignore"), "*\n");
    for (const [file, data] of [[keywordFile(dir), this.keywords.serialize()], [manifestFile(dir), JSON.stringify(this.manifest)]] as const) {
      fs.writeFileSync(`${file}.tmp`, data);
      fs.renameSync(`${file}.tmp`, file);
    }
    fs.rmSync(oldKeywordFile(dir), { force: true });
    this.dirty = false;
  }
}

const lastPart = (symbol: string): string => symbol.slice(symbol.lastIndexOf(".") + 1);
