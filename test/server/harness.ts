import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import {
  createProtocolConnection, ConfigurationRequest, ExitNotification, InitializedNotification, InitializeRequest,
  ShutdownRequest, PublishDiagnosticsNotification, type Diagnostic, type InitializeResult, type ProtocolConnection,
} from "vscode-languageserver-protocol/node";
import { StatusNotification, StatusRequest, type StatusParams } from "../../common/protocol";

export const repoRoot = join(__dirname, "..", "..", "..");
export const serverPath = join(repoRoot, "dist", "server.js");

export interface RunningServer {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly initializeResult: InitializeResult;
  /** Every status notification received so far, oldest first. */
  readonly statuses: StatusParams[];
  /** Lines the server logged through window/logMessage. */
  readonly logs: string[];
  /** The latest diagnostics the server published, by document URI. */
  readonly diagnostics: Map<string, Diagnostic[]>;
  /** Resolves with the next diagnostics published for `uri` that satisfy `match`. */
  waitForDiagnostics(uri: string, match: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  /** Work-done progress values the server reported (begin/report/end), in order. */
  readonly progress: Array<{ kind: string; title?: string; message?: string; percentage?: number }>;
  /** Resolves with the first status (received now or later) that matches. */
  waitForStatus(match: (s: StatusParams) => boolean, timeoutMs?: number): Promise<StatusParams>;
  /** Changes the settings the fake client answers `workspace/configuration` with, and tells the server. */
  setSettings(settings: Record<string, unknown>): void;
  stop(): Promise<number | null>;
}

/**
 * Starts `dist/server.js --stdio` as a real child process and speaks LSP to it, like any editor
 * would. The client answers `workspace/configuration` for the `enclave` section with `settings`.
 */
/**
 * `workspace` is the first workspace folder; `moreFolders` makes a multi-root workspace, and the
 * client then says it can send folder changes (workspace/didChangeWorkspaceFolders).
 */
export async function startServer(settings: Record<string, unknown>, options: { workspace?: string; moreFolders?: readonly string[]; pull?: boolean; init?: Record<string, unknown> } = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, [serverPath, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  const stderr: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const statuses: StatusParams[] = [];
  const logs: string[] = [];
  const progress: RunningServer["progress"] = [];
  const diagnostics = new Map<string, Diagnostic[]>();
  const diagnosticWaiters: Array<{ uri: string; match: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    diagnostics.set(params.uri, params.diagnostics);
    for (const waiter of [...diagnosticWaiters]) {
      if (waiter.uri === params.uri && waiter.match(params.diagnostics)) {
        diagnosticWaiters.splice(diagnosticWaiters.indexOf(waiter), 1);
        waiter.resolve(params.diagnostics);
      }
    }
  });
  const waiters: Array<{ match: (s: StatusParams) => boolean; resolve: (s: StatusParams) => void }> = [];
  let current = settings;
  connection.onNotification(StatusNotification.type, (status) => {
    statuses.push(status);
    for (const waiter of [...waiters]) {
      if (waiter.match(status)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(status);
      }
    }
  });
  connection.onNotification("window/logMessage", (params: { message: string }) => { logs.push(params.message); });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => current));
  connection.onRequest("window/workDoneProgress/create", () => null);
  connection.onNotification("$/progress", (params: { value: RunningServer["progress"][number] }) => { progress.push(params.value); });
  connection.listen();

  const workspace = options.workspace ?? repoRoot;
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [workspace, ...(options.moreFolders ?? [])].map((folder, i) => ({ uri: pathToFileURL(folder).href, name: `ws${i || ""}` })),
    // pull: false plays a push-only client (no workspace/configuration): settings come only from didChangeConfiguration.
    capabilities: { workspace: { configuration: options.pull ?? true, ...(options.moreFolders ? { workspaceFolders: true } : {}) }, window: { workDoneProgress: true } },
    initializationOptions: { enclave: settings, ...options.init },
  });
  await connection.sendNotification(InitializedNotification.type, {});

  return {
    connection, process: child, initializeResult, statuses, logs, progress, diagnostics,
    waitForDiagnostics(uri, match, timeoutMs = 20_000) {
      const seen = diagnostics.get(uri);
      if (seen && match(seen)) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(diagnostics.get(uri))}`)), timeoutMs);
        diagnosticWaiters.push({ uri, match, resolve: (d) => { clearTimeout(timer); resolve(d); } });
      });
    },
    waitForStatus(match, timeoutMs = 60_000) {
      const seen = statuses.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`No matching status within ${timeoutMs} ms; saw ${JSON.stringify(statuses)}; stderr: ${stderr.join("")}`)), timeoutMs);
        waiters.push({ match, resolve: (s) => { clearTimeout(timer); resolve(s); } });
      });
    },
    setSettings(next) {
      current = next;
      void connection.sendNotification("workspace/didChangeConfiguration", { settings: { enclave: next } });
    },
    async stop() {
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      if (child.exitCode === null) {
        await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
        await connection.sendNotification(ExitNotification.type).catch(() => undefined);
      }
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      const code = child.exitCode ?? (await exited);
      clearTimeout(timer);
      connection.dispose();
      return code;
    },
  };
}

/** Asks the server for its current status. */
export function currentStatus(server: RunningServer): Promise<StatusParams> {
  return server.connection.sendRequest(StatusRequest.type);
}
