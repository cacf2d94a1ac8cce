/**
 * A CodebaseSearch over the workspace folders, held in memory: built on first use with the
 * index's walker, syntax chunker and BM25 keyword index (server/index/), and brought up to date
 * before a search when files changed (by mtime and size, as CodeIndex.update does). It writes
 * nothing to disk; the persistent workspace index replaces it behind the same interface.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { chunkFile } from "../index/chunker";
import type { Chunk } from "../index/chunk";
import { KeywordIndex } from "../index/keywordIndex";
import { looksBinary, walkFiles } from "../index/walker";
import type { CodebaseHit, CodebaseSearch } from "./codebaseSearch";

/** A search within this long after the last walk trusts it, so a burst of questions walks once. */
const FRESH_MS = 2_000;
/** How many definitions one name may contribute (overloads, same name in two packages). */
const PER_NAME = 2;

interface Entry { readonly folder: string; readonly path: string; readonly chunk: Chunk }
interface FileState { readonly mtimeMs: number; readonly size: number; readonly ids: readonly number[] }

export class MemoryCodebase implements CodebaseSearch {
  private keywords = KeywordIndex.empty();
  private readonly entries = new Map<number, Entry>();
  /** By folder and relative path. */
  private readonly files = new Map<string, FileState>();
  /** The last part of each symbol (`Api.fetchUser` → fetchUser) to chunk ids. */
  private readonly symbols = new Map<string, number[]>();
  private nextId = 1;
  private walkedAt = -Infinity;
  private refreshing: Promise<void> | undefined;

  /** `folders` is asked on each refresh, so added workspace folders are picked up. */
  constructor(private readonly folders: () => readonly string[], private readonly onWarning: (line: string) => void = () => undefined) {}

  get ready(): boolean {
    return this.walkedAt > -Infinity;
  }

  async search(query: string, top: number): Promise<CodebaseHit[]> {
    await this.refresh();
    return this.keywords.query(query, top).flatMap((hit) => {
      const entry = this.entries.get(hit.id);
      return entry ? [this.hitOf(entry, hit.score)] : [];
    });
  }

  async definitions(names: readonly string[]): Promise<CodebaseHit[]> {
    await this.refresh();
    const out: CodebaseHit[] = [];
    const seen = new Set<number>();
    for (const name of names) {
      for (const id of (this.symbols.get(name) ?? []).slice(0, PER_NAME)) {
        const entry = this.entries.get(id);
        if (!entry || seen.has(id)) continue;
        seen.add(id);
        out.push(this.hitOf(entry, 1));
      }
    }
    return out;
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
    const seen = new Set<string>();
    for (const folder of this.folders()) {
      for (const file of walkFiles(folder)) {
        const key = path.join(folder, file.path);
        seen.add(key);
        const old = this.files.get(key);
        if (old && old.mtimeMs === file.mtimeMs && old.size === file.size) continue;
        if (old) this.drop(key, old);
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(file.absolute);
        } catch (error) {
          this.onWarning(`${file.path}: not indexed (${(error as Error).message})`);
          continue;
        }
        const chunks = looksBinary(bytes) ? [] : await chunkFile(file.path, bytes.toString("utf8"));
        const ids = chunks.map((chunk) => {
          const id = this.nextId++;
          this.entries.set(id, { folder, path: file.path, chunk });
          if (chunk.symbol) {
            const last = chunk.symbol.slice(chunk.symbol.lastIndexOf(".") + 1);
            this.symbols.set(last, [...(this.symbols.get(last) ?? []), id]);
          }
          return id;
        });
        this.keywords.add(chunks.map((c, i) => ({ id: ids[i]!, symbol: c.symbol ?? "", path: file.path, content: c.text })));
        this.files.set(key, { mtimeMs: file.mtimeMs, size: file.size, ids });
      }
    }
    for (const [key, state] of this.files) if (!seen.has(key)) this.drop(key, state);
  }

  private drop(key: string, state: FileState): void {
    this.keywords.remove(state.ids);
    for (const id of state.ids) {
      const symbol = this.entries.get(id)?.chunk.symbol;
      this.entries.delete(id);
      if (!symbol) continue;
      const last = symbol.slice(symbol.lastIndexOf(".") + 1);
      const left = (this.symbols.get(last) ?? []).filter((other) => other !== id);
      if (left.length) this.symbols.set(last, left);
      else this.symbols.delete(last);
    }
    this.files.delete(key);
  }

  private hitOf(entry: Entry, score: number): CodebaseHit {
    const { chunk } = entry;
    return {
      path: entry.path, uri: pathToFileURL(path.join(entry.folder, entry.path)).href,
      startLine: chunk.startLine, endLine: chunk.endLine, symbol: chunk.symbol, kind: chunk.kind, text: chunk.text, score: Number(score.toFixed(4)),
    };
  }
}
