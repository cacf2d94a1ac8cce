import * as vscode from "vscode";
import { CloseAction, ErrorAction, LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { ReloadModelRequest, StatusNotification, StatusRequest, type StatusParams } from "../common/protocol";
import { currentSettings, SECTION } from "./config";
import { StatusBar } from "./status";

/** Restart delays after crashes: quick at first, then slower, reset after a healthy minute. */
const BACKOFF_MS = [500, 2000, 5000, 15000, 30000];
const HEALTHY_MS = 60_000;

/**
 * Owns the language client and every disposable of the extension, so deactivation (and
 * restart) leaves nothing behind.
 */
export class EnclaveContext implements vscode.Disposable {
  readonly status = new StatusBar();
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.status];
  private crashes = 0;
  private startedAt = 0;
  private lastStatus: StatusParams = { state: "starting" };
  private readonly statusEmitter = new vscode.EventEmitter<StatusParams>();
  /** Fires on every model status the server reports (and on restarts). */
  readonly onStatus = this.statusEmitter.event;

  constructor(readonly extension: vscode.ExtensionContext, readonly log: vscode.LogOutputChannel) {
    this.disposables.push(this.statusEmitter);
  }

  get modelStatus(): StatusParams {
    return this.lastStatus;
  }

  /** The running client, starting the server on first need. */
  ensureClient(): Promise<LanguageClient> {
    this.starting ??= this.start().catch((error: unknown) => {
      this.starting = undefined;
      this.log.error(`The Enclave server did not start: ${(error as Error).message}`);
      this.status.show({ state: "error", message: `The Enclave server did not start: ${(error as Error).message}` });
      throw error;
    });
    return this.starting;
  }

  /** The server process id, when it runs (tests use it to kill the server). */
  get serverPid(): number | undefined {
    return (this.client as unknown as { _serverProcess?: { pid?: number } } | undefined)?._serverProcess?.pid;
  }

  private async start(): Promise<LanguageClient> {
    const module = this.extension.asAbsolutePath("dist/server.js");
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6011"] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: "file" }, { scheme: "untitled" }, { scheme: "vscode-remote" }],
      outputChannel: this.log,
      synchronize: { configurationSection: SECTION },
      initializationOptions: {
        enclave: currentSettings(),
        storageDirectory: vscode.Uri.joinPath(this.extension.globalStorageUri, "models").fsPath,
      },
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue, handled: true }),
        closed: () => this.onServerClosed(),
      },
    };
    const client = new LanguageClient("enclave", "Enclave", serverOptions, clientOptions);
    this.client = client;
    this.disposables.push(
      client.onNotification(StatusNotification.type, (status) => this.setStatus(status)),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) void this.refreshStatus();
      }),
    );
    await client.start();
    this.startedAt = Date.now();
    return client;
  }

  /** Decides what to do when the server process ends without being asked to. */
  private async onServerClosed(): Promise<{ action: CloseAction; handled: boolean }> {
    if (Date.now() - this.startedAt > HEALTHY_MS) this.crashes = 0;
    const delay = BACKOFF_MS[Math.min(this.crashes, BACKOFF_MS.length - 1)]!;
    this.crashes++;
    this.log.warn(`The Enclave server stopped unexpectedly; restarting in ${delay} ms (restart ${this.crashes}).`);
    this.lastStatus = { state: "starting", message: `The Enclave server stopped unexpectedly; restarting (${this.crashes}).` };
    this.statusEmitter.fire(this.lastStatus);
    this.status.showRestarting(this.crashes, delay);
    await new Promise((resolve) => setTimeout(resolve, delay));
    this.startedAt = Date.now();
    return { action: CloseAction.Restart, handled: true };
  }

  /** How many times the server was restarted after a crash since the last healthy minute. */
  get restartCount(): number {
    return this.crashes;
  }

  private async refreshStatus(): Promise<void> {
    try {
      const client = this.client;
      if (client) this.setStatus(await client.sendRequest(StatusRequest.type));
    } catch (error) {
      this.log.debug(`Status request failed: ${(error as Error).message}`);
    }
  }

  private setStatus(status: StatusParams): void {
    this.lastStatus = status;
    this.status.show(status);
    this.statusEmitter.fire(status);
  }

  async reloadModel(): Promise<void> {
    const client = await this.ensureClient();
    this.setStatus(await client.sendRequest(ReloadModelRequest.type));
  }

  async restartServer(): Promise<void> {
    const client = await this.ensureClient();
    await client.restart();
  }

  push(...items: vscode.Disposable[]): void {
    this.disposables.push(...items);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (client?.isRunning()) await client.stop(5000).catch(() => undefined);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}
