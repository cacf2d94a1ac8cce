/**
 * The codebase index of one directory, kept on disk in `<DIR>/.enclave/index/`: beside the code
 * rather than in a cache keyed by a path, so that moving or copying the folder keeps its index,
 * two checkouts never share one by accident, and deleting the folder deletes it. A `.gitignore`
 * inside keeps it out of commits. Each file's mtime and size are stored, so an update re-chunks
 * only changed and added files and drops deleted ones.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ChunkKind } from "./chunk";
import { chunkFile } from "./chunker";
import { KeywordIndex } from "./keywordIndex";
import { looksBinary, walkFiles, type WalkOptions } from "./walker";

/** Bumped whenever terms or chunks change meaning; an index of another format is rebuilt. */
const FORMAT = 2;

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

const manifestFile = (root: string) => path.join(indexDirOf(root), "chunks.json");
const keywordFile = (root: string) => path.join(indexDirOf(root), "keyword.json");

export class CodeIndex {
  private constructor(readonly root: string, private readonly manifest: Manifest, private readonly keywords: KeywordIndex) {}

  /** Loads the saved index of `root`, or undefined when there is none (or it is of another format). */
  static load(root: string): CodeIndex | undefined {
    try {
      const manifest = JSON.parse(fs.readFileSync(manifestFile(root), "utf8")) as Manifest;
      if (manifest.format !== FORMAT) return undefined;
      return new CodeIndex(root, manifest, KeywordIndex.fromJSON(fs.readFileSync(keywordFile(root), "utf8")));
    } catch {
      return undefined;
    }
  }

  /** Builds the index of `root`, or brings a saved one up to date, and saves it. */
  static async update(root: string, options: WalkOptions & { readonly onWarning?: (line: string) => void } = {}): Promise<{ index: CodeIndex; stats: UpdateStats }> {
    const started = performance.now();
    const index = CodeIndex.load(root) ?? new CodeIndex(root, { format: FORMAT, nextId: 1, files: {} }, KeywordIndex.empty());
    const { manifest, keywords } = index;
    const seen = new Set<string>();
    let chunked = 0;
    let removed = 0;
    let skipped = 0;
    for (const file of walkFiles(root, options)) {
      seen.add(file.path);
      const old = manifest.files[file.path];
      if (old && old.mtimeMs === file.mtimeMs && old.size === file.size) continue;
      if (old) keywords.remove(old.chunks.map((c) => c.id));
      delete manifest.files[file.path];
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file.absolute);
      } catch (error) {
        options.onWarning?.(`${file.path}: not indexed (${(error as Error).message})`);
        skipped++;
        continue;
      }
      if (looksBinary(bytes)) {
        manifest.files[file.path] = { mtimeMs: file.mtimeMs, size: file.size, chunks: [], binary: true };
        continue;
      }
      const chunks = await chunkFile(file.path, bytes.toString("utf8"));
      const stored = chunks.map((c) => ({ id: manifest.nextId++, startLine: c.startLine, endLine: c.endLine, symbol: c.symbol, kind: c.kind }));
      keywords.add(chunks.map((c, i) => ({ id: stored[i]!.id, symbol: c.symbol ?? "", path: file.path, content: c.text })));
      manifest.files[file.path] = { mtimeMs: file.mtimeMs, size: file.size, chunks: stored };
      chunked++;
    }
    for (const [file, stored] of Object.entries(manifest.files)) {
      if (seen.has(file)) continue;
      keywords.remove(stored.chunks.map((c) => c.id));
      delete manifest.files[file];
      removed++;
    }
    index.save();
    const files = Object.values(manifest.files).filter((f) => !f.binary).length;
    const chunks = Object.values(manifest.files).reduce((n, f) => n + f.chunks.length, 0);
    return { index, stats: { files, chunks, chunked, removed, skipped, seconds: (performance.now() - started) / 1000 } };
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

  private chunkTable(): Map<number, { path: string; chunk: StoredChunk }> {
    if (this.table) return this.table;
    this.table = new Map();
    for (const [file, stored] of Object.entries(this.manifest.files)) for (const chunk of stored.chunks) this.table.set(chunk.id, { path: file, chunk });
    return this.table;
  }

  /**
   * Writes both files through a temporary name, so a crash mid-write leaves the old index whole.
   * Chunk ids are never reused, so a search that reads the new keyword file with the old chunk
   * table only misses new chunks; it never maps an id to the wrong lines.
   */
  private save(): void {
    const dir = indexDirOf(this.root);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, ".gitignore"), "*\n");
    for (const [file, text] of [[keywordFile(this.root), this.keywords.toJSON()], [manifestFile(this.root), JSON.stringify(this.manifest)]] as const) {
      fs.writeFileSync(`${file}.tmp`, text);
      fs.renameSync(`${file}.tmp`, file);
    }
    this.table = undefined;
  }
}
