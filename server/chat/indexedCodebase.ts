/**
 * The codebase chat and completions search (CodebaseSearch): the persistent workspace index
 * (server/index/indexService.ts: kept in the workspace storage, updated by the file watcher) as
 * soon as it holds chunks, and the in-memory indexes of folderCodebase.ts only where the
 * persistent one cannot run at all — no workspace storage from the client (other editors, tests)
 * or `enclave.index.enable` off. While the first build is still running, search answers from
 * what is indexed so far rather than building a second index of the same folder in memory.
 */
import type { IndexService } from "../index/indexService";
import { withUris } from "../index/folderIndexes";
import type { CodebaseHit, CodebaseSearch } from "./codebaseSearch";

export class IndexedCodebase implements CodebaseSearch {
  constructor(private readonly service: IndexService, private readonly fallback: CodebaseSearch) {}

  /** True when the persistent index can answer (it runs, or has run, for this workspace). */
  private persistent(): boolean {
    const status = this.service.status();
    return status.state !== "off" && !(status.state === "error" && status.chunks === 0);
  }

  get ready(): boolean {
    return this.persistent() ? this.service.status().chunks > 0 : this.fallback.ready;
  }

  async search(query: string, top: number): Promise<CodebaseHit[]> {
    if (!this.persistent()) return this.fallback.search(query, top);
    return withUris(await this.service.search(query, top));
  }

  async definitions(names: readonly string[]): Promise<CodebaseHit[]> {
    if (!this.persistent()) return this.fallback.definitions(names);
    return withUris(this.service.definitions(names));
  }
}
