import * as vscode from "vscode";
import { CloseAction, ErrorAction, LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { ReloadModelRequest, StatusNotification, StatusRequest, type StatusParams } from "../common/protocol";
import { ClientHooks, type ClientHook } from "./clientHooks";
import { currentSettings, SECTION } from "./config";
import { RestartBudget } from "./restartBudget";
import { StatusBar } from "./status";

/** Answers an inline completion request in place of the server, or undefined to let the server answer. */
export type InlineCompletionOverride = (document: vscode.TextDocument, position: vscode.Position) => vscode.InlineCompletionItem[] | undefined;

/**
 * Owns the language client and every disposable of the extension, so deactivation (and
 * restart) leaves nothing behind. Handlers on the client are attached through `onClient`, which
 * runs them for every client this context creates; a crashed server is restarted within a
 * budget (RestartBudget) and then left stopped until the user restarts it.
 */
export class EnclaveContext implements vscode.Disposable {
  readonly status = new StatusBar();
  private client: LanguageClient | undefined;
  /** The client whose start succeeded: a close before that is a failed start, not a crash. */
  private started: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly hooks = new ClientHooks();
  private readonly budget = new RestartBudget();
  private readonly disposables: vscode.Disposable[] = [this.status, this.hooks];
  private lastStatus: StatusParams = { state: "starting" };
  private pid: number | undefined;
  private readonly statusEmitter = new vscode.EventEmitter<StatusParams>();
  private inlineOverride?: InlineCompletionOverride;
  /** Fires on every model status the server reports (and on restarts). */
  readonly onStatus = this.statusEmitter.event;

  constructor(readonly extension: vscode.ExtensionContext, readonly log: vscode.LogOutputChannel) {
    this.disposables.push(this.statusEmitter);
    this.onClient((client) => [
      client.onNotification(StatusNotification.type, (status) => this.setStatus(status)),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) void this.refreshStatus(client);
      }),
    ]);
  }

  get modelStatus(): StatusParams {
    return this.lastStatus;
  }

  /**
   * Attaches handlers to the current client and to every later one; what the hook returns is
   * disposed with its client. The returned Disposable removes the hook (the context owns it too).
   */
  onClient(hook: ClientHook): vscode.Disposable {
    const registration = this.hooks.add(hook);
    this.disposables.push(registration);
    return registration;
  }

  /** The running client, starting the server on first need (or again after a failed start). */
  ensureClient(): Promise<LanguageClient> {
    this.starting ??= this.start().catch(async (error: unknown) => {
      this.starting = undefined;
      await this.discardClient();
      const message = `The Enclave server did not start: ${(error as Error).message}`;
      this.log.error(message);
      this.setStatus({ state: "error", message: `${message}. Run "Enclave: Restart Server" to try again.` });
      throw error;
    });
    return this.starting;
  }

  /**
   * Lets a feature answer an inline completion request itself (a pending next edit at the
   * cursor); without an answer from it the server's completion is asked as usual.
   */
  setInlineCompletionOverride(override: InlineCompletionOverride): void {
    this.inlineOverride = override;
  }

  /** The server process id as the server itself reports it (tests use it to kill the server). */
  get serverPid(): number | undefined {
    return this.pid;
  }

  /** Crash restarts counted in the current window (at most RestartBudget.max). */
  get restartCount(): number {
    return this.budget.count();
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
        // The codebase index lives in this workspace's storage (absent when no folder is open).
        workspaceStorageDirectory: this.extension.storageUri?.fsPath,
      },
      middleware: {
        provideInlineCompletionItems: (document, position, context, token, next) => this.inlineOverride?.(document, position) ?? next(document, position, context, token),
        // An edit made while the server is down cannot be sent; the restarted server is sent every
        // open document whole, so the change is not lost, and it must not become an unhandled rejection.
        didChange: (event, next) => next(event).catch((error: unknown) => this.log.debug(`A document change was not sent: ${(error as Error).message}`)),
      },
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue, handled: true }),
        closed: () => this.onServerClosed(client),
      },
    };
    const client = new LanguageClient("enclave", "Enclave", serverOptions, clientOptions);
    this.client = client;
    this.hooks.attach(client);
    await client.start();
    this.started = client;
    return client;
  }

  /** Decides what to do when the server process ends without being asked to. */
  private async onServerClosed(client: LanguageClient): Promise<{ action: CloseAction; handled: boolean }> {
    this.pid = undefined;
    // A server that never came up is reported by ensureClient; restarting it would hide that.
    if (client !== this.started) return { action: CloseAction.DoNotRestart, handled: true };
    const decision = this.budget.onCrash();
    if (!decision.restart) {
      this.giveUp();
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.log.warn(`The Enclave server stopped unexpectedly; restarting in ${decision.delayMs} ms (restart ${decision.attempt} of at most ${this.budget.max} in ${this.budget.windowMs / 60_000} minutes).`);
    this.lastStatus = { state: "starting", message: `The Enclave server stopped unexpectedly; restarting (${decision.attempt}).` };
    this.statusEmitter.fire(this.lastStatus);
    this.status.showRestarting(decision.attempt, decision.delayMs);
    await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
    return { action: CloseAction.Restart, handled: true };
  }

  /** The restart budget is spent: stop, say so in the status, and offer a restart. */
  private giveUp(): void {
    const message = `The Enclave server stopped ${this.budget.max} times within ${this.budget.windowMs / 60_000} minutes and is not restarted again. See the log for why, then run "Enclave: Restart Server".`;
    this.log.error(message);
    this.setStatus({ state: "error", message });
    this.status.showStopped(message);
    void vscode.window.showErrorMessage(`Enclave: ${message}`, "Restart", "Show Log").then((choice) => {
      if (choice === "Restart") void this.restartServer().catch((error: unknown) => this.log.error(`Restart failed: ${(error as Error).message}`));
      else if (choice === "Show Log") this.log.show(true);
    });
  }

  private async refreshStatus(client: LanguageClient): Promise<void> {
    try {
      this.setStatus(await client.sendRequest(StatusRequest.type));
    } catch (error) {
      this.log.debug(`Status request failed: ${(error as Error).message}`);
    }
  }

  private setStatus(status: StatusParams): void {
    if (status.pid !== undefined) this.pid = status.pid;
    this.lastStatus = status;
    this.status.show(status);
    this.statusEmitter.fire(status);
  }

  async reloadModel(): Promise<void> {
    const client = await this.ensureClient();
    this.setStatus(await client.sendRequest(ReloadModelRequest.type));
  }

  /**
   * "Enclave: Restart Server": the user asked, so the restart budget starts again. A running
   * client restarts its server; a client that gave up or never started is replaced by a new one.
   */
  async restartServer(): Promise<void> {
    this.budget.reset();
    const client = this.client;
    if (client && client === this.started && client.isRunning()) {
      this.pid = undefined;
      await client.restart();
      return;
    }
    await this.starting?.catch(() => undefined);
    if (this.client && this.client === this.started && this.client.isRunning()) return;
    this.starting = undefined;
    await this.discardClient();
    this.setStatus({ state: "starting" });
    await this.ensureClient();
  }

  /** Lets go of the current client and everything attached to it. */
  private async discardClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.started = undefined;
    this.pid = undefined;
    this.hooks.detach();
    await client?.dispose(2000).catch(() => undefined);
  }

  push(...items: vscode.Disposable[]): void {
    this.disposables.push(...items);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.started = undefined;
    this.starting = undefined;
    this.hooks.detach();
    if (client?.isRunning()) await client.stop(5000).catch(() => undefined);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}
