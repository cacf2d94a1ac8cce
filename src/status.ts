import * as vscode from "vscode";
import type { StatusParams } from "../common/protocol";
import { describeBackend, privacyLine } from "../common/describeBackend";

/** The command the status item runs: the quick-pick menu of statusMenu.ts. */
export const MENU_COMMAND = "enclave.statusMenu";

/**
 * The status bar item: what the model is doing and where it runs. Errors show here (with what
 * to do in the tooltip) instead of in pop-ups; clicking opens the Enclave menu (statusMenu.ts).
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("enclave.status", vscode.StatusBarAlignment.Right, 100);

  constructor() {
    this.item.name = "Enclave";
    this.item.command = MENU_COMMAND;
    this.show({ state: "starting" });
    this.item.show();
  }

  /** The text currently shown, for tests and the status command. */
  get text(): string {
    return this.item.text;
  }

  get tooltip(): string {
    return typeof this.item.tooltip === "string" ? this.item.tooltip : (this.item.tooltip?.value ?? "");
  }

  show(status: StatusParams): void {
    const local = privacyLine(status.backend);
    const percent = status.progress !== undefined ? ` ${Math.round(status.progress * 100)}%` : "";
    this.item.backgroundColor = undefined;
    switch (status.state) {
      case "starting":
        this.set("$(loading~spin) Enclave", "Enclave is starting its language server.");
        break;
      case "noModel":
        this.set("$(circle-slash) Enclave: no model", `${status.message ?? "No model configured."}\nClick for the Enclave menu.`);
        break;
      case "downloading":
        this.set(`$(cloud-download) Enclave${percent}`, status.message ?? "Downloading the model.");
        break;
      case "loading":
        this.set(`$(loading~spin) Enclave${percent}`, status.message ?? "Loading the model.");
        break;
      case "ready": {
        const where = describeBackend(status.backend);
        const demo = status.model?.demo ? " (demo model)" : "";
        const device = status.backend?.gpu === "cpu" ? "CPU" : status.backend?.gpu.toUpperCase() ?? "";
        this.set(`$(shield) Enclave${demo}: ${device}`,
          `${status.model?.name ?? "model"}${demo ? " — the generated demo model: its suggestions are canned or random text, not a real model" : ""}\n${where}${status.backend?.remote?.route ? `\n${status.backend.remote.route}` : ""}\n${local}${status.message ? `\n${status.message}` : ""}`);
        break;
      }
      case "error":
        this.set(status.retryable ? "$(error) Enclave: download failed" : "$(error) Enclave",
          `${status.message ?? "The model could not be loaded."}\nClick for the Enclave menu${status.retryable ? " (Retry, Select Model)" : ""}.`);
        this.item.backgroundColor = new vscode.ThemeColor("statusBarItem.errorBackground");
        break;
    }
  }

  /** Shown while the language server is down and being restarted. */
  showRestarting(attempt: number, delayMs: number): void {
    this.set(`$(debug-restart) Enclave: restarting`, `The Enclave server stopped unexpectedly; restart ${attempt} in ${Math.round(delayMs / 1000)} s.`);
    this.item.backgroundColor = new vscode.ThemeColor("statusBarItem.warningBackground");
  }

  /** Shown once crash restarts are given up: the server stays stopped until the user restarts it. */
  showStopped(message: string): void {
    this.set("$(error) Enclave: stopped", `${message}\nClick for the Enclave menu (Restart Server).`);
    this.item.backgroundColor = new vscode.ThemeColor("statusBarItem.errorBackground");
  }

  private completionItem: vscode.StatusBarItem | undefined;

  /** The completion item's text (the last completion's stages, a Shield note or a snooze), for tests. */
  get completionText(): string {
    return this.completionItem?.text ?? "";
  }

  /**
   * Shows inline completion news in a second item beside the model's: the last completion's
   * stages, what Shield held back, or that completions are snoozed or off. Undefined hides it.
   */
  showCompletion(view: { text: string; tooltip: string; warning?: boolean } | undefined): void {
    if (!view) {
      this.completionItem?.hide();
      return;
    }
    if (!this.completionItem) {
      this.completionItem = vscode.window.createStatusBarItem("enclave.completion", vscode.StatusBarAlignment.Right, 99);
      this.completionItem.name = "Enclave completions";
      this.completionItem.command = "enclave.completion.showStats";
    }
    this.completionItem.text = view.text;
    this.completionItem.tooltip = view.tooltip;
    this.completionItem.backgroundColor = view.warning ? new vscode.ThemeColor("statusBarItem.warningBackground") : undefined;
    this.completionItem.show();
  }

  private set(text: string, tooltip: string): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    this.item.dispose();
    this.completionItem?.dispose();
  }
}
