/**
 * The codebase index in the language server: starts the index service once settings can be
 * read, feeds it file changes (a `**` file watcher registered with the client, saves, edits for
 * recency), shows its work as LSP work-done progress (the status bar in VS Code; cancelling it
 * stops the walk or the embedding pass) and answers the `enclave/index/*` requests.
 */
import { createHash } from "node:crypto";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { DidChangeWatchedFilesNotification, type Disposable, type WorkDoneProgressServerReporter, type WorkspaceFolder } from "vscode-languageserver/node";
import { IndexRefreshRequest, IndexSearchRequest, IndexStatusNotification, IndexStatusRequest, type IndexStatusParams } from "../../common/protocol";
import type { EnclaveSettings } from "../../common/settings";
import type { Feature, FeatureContext } from "../feature";
import type { IndexedFolder, IndexService } from "./indexService";
import { withUris } from "./folderIndexes";

export interface IndexPlace {
  /** The workspace folders indexed (file: URIs' paths), as the client opened them. */
  readonly folders: readonly string[];
  /**
   * The client's per-workspace storage (VS Code's ExtensionContext.storageUri); the index goes in
   * its `index/` folder. Any LSP client may pass a folder of its own here.
   */
  readonly workspaceStorage?: string;
}

/**
 * Where a folder's index is kept: `index/` when the workspace has one folder; with several, each
 * folder has its own directory named by a hash of its path, so the order of the folders does not
 * matter. (VS Code gives a multi-root workspace a storage folder of its own.)
 */
export function indexDirsOf(storage: string, folders: readonly string[]): IndexedFolder[] {
  if (folders.length === 1) return [{ root: folders[0]!, indexDir: path.join(storage, "index") }];
  return folders.map((root) => ({ root, indexDir: path.join(storage, "index-folders", createHash("sha256").update(root).digest("hex").slice(0, 16)) }));
}

/** The folder's path on disk; undefined for a folder that is not a file: URI (the index reads the disk). */
const folderPath = (folder: WorkspaceFolder): string | undefined => (folder.uri.startsWith("file:") ? fileURLToPath(folder.uri) : undefined);

/** Status notifications and progress reports while the index works, at most this often. */
const REPORT_EVERY_MS = 250;

export interface IndexFeature extends Feature {
  /** Called with every settings read (the first one, after `initialized`, starts the index). */
  configure(settings: EnclaveSettings): void;
  /** The workspace folders now (file: paths), following the client's changes. */
  readonly folders: readonly string[];
}

export function createIndexFeature(service: IndexService, place: IndexPlace): IndexFeature {
  let ctx: FeatureContext | undefined;
  let started = false;
  let watching = false;
  let foldersChange = false;
  let supportsFolders = false;
  let folders = [...place.folders];
  let latest: EnclaveSettings | undefined;
  const dirs = () => indexDirsOf(place.workspaceStorage!, folders);
  /** Follows added and removed folders (after `initialized`: the subscription may register with the client). */
  const listenToFolders = () => {
    if (foldersChange || !ctx || !supportsFolders) return;
    foldersChange = true;
    ctx.connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map(folderPath));
      folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map(folderPath).filter((f): f is string => !!f && !folders.includes(f))];
      ctx?.log.info(`Workspace folders now: ${folders.join(", ") || "none"}.`);
      // A workspace that had no folder starts its index now; a running one follows the change.
      if (latest && started) void service.setFolders(dirs(), latest);
      else if (latest) feature.configure(latest);
    });
  };
  const feature: IndexFeature = {
    name: "index",
    // A client that can say when folders are added or removed is asked to; the index follows them.
    capabilities: (client) => {
      supportsFolders = client.workspace?.workspaceFolders === true;
      return supportsFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {};
    },
    register(context: FeatureContext): Disposable[] {
      ctx = context;
      const { connection, documents } = context;
      const toPath = (uri: string): string | undefined => (uri.startsWith("file:") ? fileURLToPath(uri) : undefined);
      const reporter = progressReporter(context, service);
      return [
        reporter,
        service.onStatus(reporter.onStatus),
        connection.onRequest(IndexStatusRequest.type, () => service.status()),
        connection.onRequest(IndexRefreshRequest.type, async () => {
          await service.refresh();
          return service.status();
        }),
        connection.onRequest(IndexSearchRequest.type, async (params, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          return withUris(await service.search(params.query, params.top ?? 10, abort.signal));
        }),
        connection.onDidChangeWatchedFiles((change) => service.filesChanged(change.changes.map((c) => toPath(c.uri)).filter((p): p is string => !!p))),
        documents.onDidSave((e) => {
          const file = toPath(e.document.uri);
          if (file) service.filesChanged([file]);
        }),
        documents.onDidChangeContent((e) => {
          const file = toPath(e.document.uri);
          if (file) service.noteEdit(file);
        }),
        { dispose: () => void service.dispose() },
      ];
    },
    get folders() {
      return folders;
    },
    configure(settings: EnclaveSettings): void {
      if (!ctx) return;
      latest = settings;
      listenToFolders();
      if (!folders.length || !place.workspaceStorage) {
        // Without a storage folder the index would have to be written into the workspace or a shared cache; it stays off.
        service.unavailable(folders.length ? "The codebase index is off: the client gave no workspace storage folder (initializationOptions.workspaceStorageDirectory). `enclave index DIR` builds one from the command line." : "The codebase index is off: no workspace folder is open.");
        return;
      }
      if (!started) {
        started = true;
        for (const { root, indexDir } of dirs()) ctx.log.info(`Codebase index of ${root} kept in ${indexDir}.`);
        void service.start(dirs(), settings);
      } else {
        void service.configure(settings, folders[0]);
      }
      if (!watching && settings["index.enable"]) {
        watching = true;
        // The client watches the files; a client that cannot register watchers still sends saves.
        ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*" }] })
          .catch((error: unknown) => ctx?.log.debug(`No file watcher: ${(error as Error).message}`));
      }
    },
  };
  return feature;
}

/** Mirrors the index's work as one work-done progress at a time, and its status as notifications. */
function progressReporter(ctx: FeatureContext, service: IndexService): Disposable & { onStatus(status: IndexStatusParams): void } {
  let progress: Promise<WorkDoneProgressServerReporter | undefined> | undefined;
  let lastReport = 0;
  let lastState = "";
  const end = () => {
    void progress?.then((p) => p?.done());
    progress = undefined;
  };
  return {
    onStatus(status) {
      const busy = status.state === "indexing" || ["downloading", "loading", "embedding"].includes(status.embeddings);
      const key = `${status.state}/${status.embeddings}`;
      const now = Date.now();
      if (key === lastState && now - lastReport < REPORT_EVERY_MS) return;
      lastReport = now;
      lastState = key;
      void ctx.connection.sendNotification(IndexStatusNotification.type, status);
      const percent = service.fraction === undefined ? undefined : Math.round(service.fraction * 100);
      if (!busy) return end();
      if (!progress) {
        progress = ctx.connection.window.createWorkDoneProgress()
          .then((reporter) => {
            reporter.begin("Enclave: indexing codebase", percent ?? 0, status.message, true);
            reporter.token.onCancellationRequested(() => service.cancel());
            return reporter;
          })
          .catch((error: unknown) => {
            ctx.log.debug(`No progress UI: ${(error as Error).message}`);
            return undefined;
          });
      } else void progress.then((p) => p?.report(percent ?? 0, status.message));
    },
    dispose: end,
  };
}
