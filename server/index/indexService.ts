/**
 * Keeps the workspace's codebase index alive in the language server: opens the saved index of
 * each workspace folder (resuming: only files changed since it was saved are chunked again),
 * follows the folders the client adds and removes, walks them,
 * applies the file watcher's changes one file at a time, loads the embedding model the
 * settings name and embeds in the background, and reports each step as a status. This is the
 * object chat and completions search through (`search`, `definitions`).
 */
import type { EmbeddingState, IndexState, IndexStatusParams } from "../../common/protocol";
import type { EnclaveSettings } from "../../common/settings";
import type { Logger } from "../logger";
import type { Embedder } from "./embedder";
import { settingModelFile } from "../engine/settingModelFile";
import { loadEmbedder } from "./embeddingSource";
import { FolderIndexes, type FolderHit } from "./folderIndexes";
import { WorkspaceIndex } from "./workspaceIndex";

/** Changes arriving together (a branch switch, a formatter over many files) are applied as one. */
const CHANGE_DELAY_MS = 150;
/** Saving a large index takes a while; after changes it waits for a quiet moment. */
const SAVE_DELAY_MS = 5_000;

export interface IndexServiceOptions {
  readonly log: Logger;
  /** Where downloaded embedding models go when enclave.modelsDirectory is empty. */
  readonly modelsDirectory?: string;
}

/** A workspace folder and the directory its index is kept in. */
export interface IndexedFolder {
  readonly root: string;
  readonly indexDir: string;
}

export class IndexService {
  /** Undefined until start(): before it nothing is indexed or searched. */
  private index: FolderIndexes | undefined;
  private embedder: Embedder | undefined;
  private embedderKey = "";
  private excludeKey = "";
  private state: IndexState = "off";
  private embeddings: EmbeddingState = "off";
  private detail = "";
  private work: Promise<unknown> = Promise.resolve();
  private abort = new AbortController();
  private pending = new Set<string>();
  private changeTimer: NodeJS.Timeout | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(status: IndexStatusParams) => void>();

  constructor(private readonly options: IndexServiceOptions) {}

  /** The best chunks for a query; empty while there is no index (never an error for the caller). */
  async search(query: string, top: number, signal?: AbortSignal): Promise<FolderHit[]> {
    return this.index ? this.index.search(query, top, signal) : [];
  }

  /** Where these symbols are defined; empty while there is no index. */
  definitions(names: readonly string[], top = 10): FolderHit[] {
    return this.index ? this.index.definitions(names, top) : [];
  }

  status(): IndexStatusParams {
    const counts = this.index?.counts() ?? { files: 0, chunks: 0, embedded: 0 };
    return { state: this.state, embeddings: this.embeddings, ...counts, ...(this.embedder ? { embeddingModel: this.embedder.name } : {}), message: this.message(counts) };
  }

  onStatus(listener: (status: IndexStatusParams) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Opens the index of each folder, kept in its `indexDir`, and brings them up to date with `settings`. */
  start(folders: readonly IndexedFolder[], settings: EnclaveSettings): Promise<unknown> {
    return this.enqueue(async () => {
      this.index = new FolderIndexes();
      this.excludeKey = JSON.stringify(settings["index.exclude"]);
      await this.open(folders, settings["index.exclude"]);
    }).then(() => this.configure(settings));
  }

  /** The client's folders changed: removed ones are saved and dropped, added ones opened and walked. */
  setFolders(folders: readonly IndexedFolder[], settings: EnclaveSettings): Promise<unknown> {
    if (!this.index) return this.work;
    const index = this.index;
    const keep = new Set(folders.map((f) => f.root));
    const added = folders.filter((f) => !index.get(f.root));
    const removed = index.roots.filter((root) => !keep.has(root));
    // A walk or embedding pass in progress may be in a folder being removed: it is stopped rather
    // than waited for, and the walk resumes afterwards for the folders that stay (by mtime: cheap).
    const interrupted = removed.length > 0 && (this.state === "indexing" || this.embeddings === "embedding");
    if (interrupted) this.cancel();
    return this.enqueue(async () => {
      for (const root of removed) await index.delete(root)?.dispose();
      await this.open(added, settings["index.exclude"]);
      this.emit();
    }).then(() => ((added.length || interrupted) && settings["index.enable"] && this.state !== "off" ? this.refresh() : this.work));
  }

  private async open(folders: readonly IndexedFolder[], exclude: readonly string[]): Promise<void> {
    for (const { root, indexDir } of folders) {
      const opened = await WorkspaceIndex.open(root, indexDir, { exclude });
      if (this.embedder) opened.useEmbedder(this.embedder);
      this.index?.set(root, opened);
    }
  }

  /** Applies settings: off, new excludes (walk again), another embedding model (load it, embed). */
  configure(settings: EnclaveSettings, baseDirectory?: string): Promise<unknown> {
    if (!this.index) return this.work;
    if (!settings["index.enable"]) {
      this.cancel();
      this.setState("off", "The codebase index is off (enclave.index.enable).");
      return this.work;
    }
    const excludeKey = JSON.stringify(settings["index.exclude"]);
    const walkAgain = this.state === "off" || this.state === "cancelled" || excludeKey !== this.excludeKey;
    this.excludeKey = excludeKey;
    this.index.setWalkOptions({ exclude: settings["index.exclude"] });
    const embedderKey = JSON.stringify([settings.embeddingModel.trim(), settings.gpu, settings.modelsDirectory, settings.huggingFaceEndpoint]);
    const newModel = embedderKey !== this.embedderKey;
    this.embedderKey = embedderKey;
    if (newModel) void this.enqueue(() => this.loadModel(settings, baseDirectory)).then(() => this.embedInBackground());
    if (walkAgain) return this.refresh();
    return this.work;
  }

  /** Walks the whole folder again (resumes after a cancel); embeds what is new afterwards. */
  refresh(): Promise<unknown> {
    return this.enqueue(async () => {
      const index = this.index;
      if (!index) return;
      this.abort = new AbortController();
      this.setState("indexing", "Indexing the codebase");
      const stats = await index.refresh({
        signal: this.abort.signal,
        onProgress: (done, total) => this.setState("indexing", `Indexing the codebase: ${done} of ${total} files`, done / Math.max(1, total)),
      });
      this.options.log.info(`Codebase index: ${stats.chunked} files chunked, ${stats.removed} removed in ${stats.seconds.toFixed(1)} s${stats.cancelled ? " (cancelled)" : ""}.`);
      this.setState(stats.cancelled ? "cancelled" : "ready");
    }).then(() => this.embedInBackground());
  }

  /** Files the watcher or a save reported (absolute paths); applied together a moment later. */
  filesChanged(files: readonly string[]): void {
    for (const file of files) this.pending.add(file);
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => void this.applyPending(), CHANGE_DELAY_MS);
  }

  /** A file being edited ranks higher among a query's candidates. */
  noteEdit(file: string): void {
    this.index?.noteEdit(file);
  }

  /** The index cannot run here (no folder, no storage): say why in the status. */
  unavailable(message: string): void {
    this.setState("off", message);
  }

  /** Stops the walk or the embedding pass in progress; the index keeps what was done. */
  cancel(): void {
    this.abort.abort();
  }

  async dispose(): Promise<void> {
    this.cancel();
    clearTimeout(this.changeTimer);
    clearTimeout(this.saveTimer);
    await this.work.catch(() => undefined);
    this.index?.save();
    await this.embedder?.dispose();
    this.index = undefined;
  }

  private async applyPending(): Promise<void> {
    const files = [...this.pending];
    this.pending.clear();
    await this.enqueue(async () => {
      const result = await this.index?.applyChanges(files);
      if (!result || (result.chunked === 0 && result.removed === 0)) return;
      this.options.log.debug(`Codebase index: ${result.chunked} files chunked again, ${result.removed} removed.`);
      clearTimeout(this.saveTimer);
      this.saveTimer = setTimeout(() => void this.enqueue(async () => this.index?.save()), SAVE_DELAY_MS);
      this.emit();
    });
    await this.embedInBackground();
  }

  private async loadModel(settings: EnclaveSettings, baseDirectory?: string): Promise<void> {
    await this.embedder?.dispose();
    this.embedder = undefined;
    this.index?.useEmbedder(undefined);
    const value = settings.embeddingModel.trim();
    if (!value) return this.setEmbeddings("off");
    // A new setting is a new request: an earlier cancel does not stop its download.
    if (this.abort.signal.aborted) this.abort = new AbortController();
    try {
      this.setEmbeddings("loading", `Loading the embedding model ${value}`);
      const file = await settingModelFile(
        { value, modelsDirectory: settings.modelsDirectory || this.options.modelsDirectory || "", endpoint: settings.huggingFaceEndpoint, baseDirectory },
        { purpose: "embedding", log: this.options.log, signal: this.abort.signal, onProgress: (message) => this.setEmbeddings("downloading", message) },
      );
      // One thread: embedding is background work and must leave the other cores to completions and chat.
      this.embedder = await loadEmbedder(file, { gpu: settings.gpu, threads: 1, log: this.options.log });
      this.index?.useEmbedder(this.embedder);
      this.setEmbeddings("ready");
    } catch (error) {
      this.options.log.warn(`Codebase index: no embedding model (${(error as Error).message}); searching by keywords alone.`);
      this.setEmbeddings("error", `The embedding model could not be used (${(error as Error).message}); searching by keywords alone.`);
    }
  }

  /** Embeds chunks without a vector, after other index work, until done or cancelled. */
  private embedInBackground(): Promise<unknown> {
    return this.enqueue(async () => {
      const index = this.index;
      if (!index || !this.embedder || this.state !== "ready") return;
      const { chunks, embedded } = index.counts();
      if (embedded >= chunks) return;
      this.setEmbeddings("embedding", `Embedding ${chunks - embedded} chunks with ${this.embedder.name}`);
      const run = await index.embedPending({
        signal: this.abort.signal,
        onProgress: (done, total) => this.setEmbeddings("embedding", `Embedding chunks with ${this.embedder?.name}: ${done} of ${total}`, done / Math.max(1, total)),
      });
      this.options.log.info(`Codebase index: ${run.embedded} chunks embedded in ${run.seconds.toFixed(1)} s.`);
      this.setEmbeddings("ready");
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T | undefined> {
    const next = this.work.then(task).catch((error: unknown) => {
      this.options.log.error(`Codebase index: ${(error as Error).stack ?? error}`);
      this.setState("error", `The codebase index failed: ${(error as Error).message}`);
      return undefined;
    });
    this.work = next;
    return next;
  }

  private progress: number | undefined;

  private setState(state: IndexState, detail = "", progress?: number): void {
    this.state = state;
    this.detail = detail;
    this.progress = progress;
    this.emit();
  }

  private setEmbeddings(state: EmbeddingState, detail = "", progress?: number): void {
    this.embeddings = state;
    if (this.state !== "indexing") this.detail = detail;
    this.progress = progress;
    this.emit();
  }

  /** Work done of the step in progress, 0..1, when known (for the status bar's progress). */
  get fraction(): number | undefined {
    return this.progress;
  }

  private emit(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }

  private message(counts: { files: number; chunks: number; embedded: number }): string {
    if (this.state === "off" || this.state === "error" || this.state === "indexing") return this.detail || "The codebase index has not started yet.";
    const folders = this.index?.roots.length ?? 0;
    const held = `Codebase index: ${counts.files} files${folders > 1 ? ` in ${folders} folders` : ""}, ${counts.chunks} chunks${this.state === "cancelled" ? " (indexing was cancelled; Refresh resumes it)" : ""}.`;
    switch (this.embeddings) {
      case "off": return `${held} Keyword search only: run "Enclave: Use the Recommended Embedding Model" or set enclave.embeddingModel to add semantic search.`;
      case "ready": return `${held} Hybrid search (keywords, ${this.embedder?.name ?? "embeddings"}: ${counts.embedded} chunks with vectors, recent edits).`;
      case "error": return `${held} ${this.detail}`;
      default: return `${held} Keyword search for now; ${this.detail}.`;
    }
  }
}
