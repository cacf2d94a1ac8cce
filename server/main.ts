/**
 * The Enclave language server: wiring only. Each feature registers its own handlers and
 * contributes its capabilities; this file composes them. Run it as `node dist/server.js
 * --stdio` from any LSP client, or over IPC from the VS Code extension.
 */
// First: the egress guard must be in place before any other module could open a connection.
import "./net/installGuard";
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Disposable, type InitializeResult, type ServerCapabilities } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { fileURLToPath } from "node:url";
import { chatFeature } from "./chat/feature";
import { completionFeature } from "./completion/feature";
import { editFeature } from "./edit/feature";
import { ModelManager } from "./engine/modelManager";
import type { Feature, FeatureContext } from "./feature";
import { createLogger, type LogLevel } from "./logger";
import { LspSettings } from "./lspSettings";
import { MetricsRegistry } from "./metricsRegistry";
import { modelFeature } from "./model/feature";
import { applyEgressPolicy, askApiKey, networkFeature } from "./net/feature";
import { shieldFeature } from "./shield/feature";
import { CodeActionRegistry } from "./codeActions";
import { CommandRegistry } from "./commandRegistry";
import { featureModels } from "./featureModels";
import { createIndexFeature, type IndexFeature } from "./index/feature";
import { IndexService } from "./index/indexService";
import { FolderCodebase } from "./chat/folderCodebase";
import { IndexedCodebase } from "./chat/indexedCodebase";
import { nextEditFeature } from "./nextEdit/feature";

const features: Feature[] = [modelFeature, completionFeature, shieldFeature, chatFeature, editFeature, nextEditFeature, networkFeature];

/** package.json's version, written in by esbuild (esbuild.mjs `define`); tsc-only builds say "dev". */
declare const ENCLAVE_VERSION: string | undefined;
const SERVER_VERSION = typeof ENCLAVE_VERSION === "string" ? ENCLAVE_VERSION : "dev";

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let level: LogLevel = "info";
const log = createLogger((lvl, line) => {
  const stamped = `${new Date().toISOString().slice(11, 23)} ${line}`;
  if (lvl === "error") connection.console.error(stamped);
  else if (lvl === "warn") connection.console.warn(stamped);
  else connection.console.log(stamped);
}, () => level);

let settings: LspSettings;
let models: ModelManager;
/** The persistent codebase index; chat and completions search it through IndexedCodebase. */
let index: IndexService;
let indexing: IndexFeature | undefined;
const disposables: Disposable[] = [];

connection.onInitialize((params): InitializeResult => {
  const init = (params.initializationOptions ?? {}) as { enclave?: unknown; storageDirectory?: string; workspaceStorageDirectory?: string };
  const pull = params.capabilities.workspace?.configuration === true;
  settings = new LspSettings(connection, log, pull, init.enclave);
  const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  models = new ModelManager({
    log,
    storageDirectory: init.storageDirectory,
    apiKey: askApiKey(connection),
    baseDirectory: folder?.startsWith("file:") ? fileURLToPath(folder) : undefined,
  });
  // The folders as the client opened them; file: URIs only, since the index reads the disk.
  const folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []))
    .map((f) => f.uri).filter((uri) => uri.startsWith("file:")).map((uri) => fileURLToPath(uri));
  index = new IndexService({ log, modelsDirectory: init.storageDirectory });
  const indexFeature = createIndexFeature(index, { folders, workspaceStorage: init.workspaceStorageDirectory });
  indexing = indexFeature;
  const codeActions = new CodeActionRegistry();
  const commands = new CommandRegistry();
  const memory = new FolderCodebase(() => indexFeature.folders, (line) => log.debug(`Codebase index: ${line}`));
  const codebase = new IndexedCodebase(index, memory);
  const ctx: FeatureContext = {
    connection, documents, settings, log, models: featureModels(models, settings), metrics: new MetricsRegistry(), codeActions, commands, codebase,
  };
  disposables.push(codeActions.listen(connection), commands.listen(connection));
  const capabilities: ServerCapabilities = { textDocumentSync: TextDocumentSyncKind.Incremental };
  for (const feature of [...features, indexing]) {
    Object.assign(capabilities, feature.capabilities(params.capabilities));
    disposables.push(...feature.register(ctx));
  }
  // Every command a feature added, and only those: the client offers them to the user.
  if (commands.commands.length) capabilities.executeCommandProvider = { commands: commands.commands };
  return { capabilities, serverInfo: { name: "enclave", version: SERVER_VERSION } };
});

connection.onInitialized(() => void applySettings());

connection.onDidChangeConfiguration((change: { settings?: unknown } | null) => {
  // A malformed change (`null`, `{ enclave: "x" }`) is ignored by the settings, not applied as "all defaults".
  if (settings.update(change?.settings)) void applySettings();
});

/** Reads settings and hands the model-related ones to the model manager (which reloads only on change). */
async function applySettings(): Promise<void> {
  const current = await settings.get();
  level = current["log.level"];
  applyEgressPolicy(current, log);
  indexing?.configure(current);
  await models.configure(current);
}

connection.onShutdown(async () => {
  for (const d of disposables.splice(0)) d.dispose();
  await models?.dispose();
});

documents.listen(connection);
connection.listen();
