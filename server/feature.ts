import type { ClientCapabilities, Connection, Disposable, ServerCapabilities, TextDocuments } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { SettingsSource } from "./settingsSource";
import type { Logger } from "./logger";
import type { FeatureModels } from "./featureModels";
import type { MetricsRegistry } from "./metricsRegistry";
import type { CodeActionRegistry } from "./codeActions";
import type { CommandRegistry } from "./commandRegistry";
import type { CodebaseSearch } from "./chat/codebaseSearch";

/**
 * Everything a feature may use. Features get their collaborators here instead of reaching
 * for globals, so each one can be started in a test with a fake connection.
 */
export interface FeatureContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly settings: SettingsSource;
  readonly log: Logger;
  /** The model runtime, narrowed to what features use: the engine, the status, a reload. */
  readonly models: FeatureModels;
  /** Features add their section to the `enclave/metrics` answer here. */
  readonly metrics: MetricsRegistry;
  /** Features offer code actions here; never call `connection.onCodeAction` directly (there is one handler). */
  readonly codeActions: CodeActionRegistry;
  /** Features add `workspace/executeCommand` commands here; never call `connection.onExecuteCommand` (there is one handler). */
  readonly commands: CommandRegistry;
  /** The workspace's code, searched by chat's @workspace and completions' definitions (one shared index). */
  readonly codebase: CodebaseSearch;
}

/**
 * A capability of the server (completion, chat, shield, ...). `main.ts` only composes
 * features: each contributes its part of the server capabilities and registers its own
 * handlers, returning the disposables that undo them.
 */
export interface Feature {
  readonly name: string;
  capabilities(client: ClientCapabilities): ServerCapabilities;
  register(ctx: FeatureContext): Disposable[];
}
