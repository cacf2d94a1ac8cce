import * as vscode from "vscode";
import type { StatusParams } from "../common/protocol";
import { describeBackend, privacyLine } from "../common/describeBackend";

/**
 * The "Model" view in the Enclave side bar: which model runs, where (CPU or GPU name), and the
 * promise that no code leaves the machine. It is empty while no model is configured, so VS Code
 * shows the welcome content (download or pick a model) instead. Once a model is ready the view
 * is hidden (its `when` clause reads enclave.modelState), so the chat has the side bar; the
 * status item's menu tells the same facts.
 */
export class ModelView implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private status: StatusParams = { state: "starting" };
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  update(status: StatusParams): void {
    this.status = status;
    // The welcome content's `when` clauses read this context key.
    void vscode.commands.executeCommand("setContext", "enclave.modelState", status.state);
    this.changed.fire();
  }

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  getChildren(): vscode.TreeItem[] {
    const s = this.status;
    const item = (label: string, description: string, icon: string, tooltip?: string, command?: string): vscode.TreeItem => {
      const t = new vscode.TreeItem(label);
      t.description = description;
      t.iconPath = new vscode.ThemeIcon(icon);
      t.tooltip = tooltip ?? `${label}: ${description}`;
      if (command) t.command = { title: label, command };
      return t;
    };
    switch (s.state) {
      case "noModel":
        return [];
      case "error":
        return [
          item("Error", s.message ?? "The model could not be loaded.", "error"),
          ...(s.retryable ? [item("Retry Download", "try the download again now", "refresh", "Download the model again (Enclave: Reload Model)", "enclave.reloadModel")] : []),
          item("Select Model…", "download another model or pick a .gguf file", "gear", "Enclave: Select Model", "enclave.selectModel"),
          item("Show Log", "what went wrong, in detail", "output", "Enclave: Show Log", "enclave.showLog"),
        ];
      case "downloading":
      case "loading":
      case "starting": {
        const percent = s.progress !== undefined ? `${Math.round(s.progress * 100)}%` : "";
        return [item(s.state === "starting" ? "Starting" : s.state === "loading" ? "Loading" : "Downloading", `${percent} ${s.message ?? ""}`.trim(), "loading~spin")];
      }
      case "ready": {
        const model = s.model!;
        const items = [
          item("Model", `${model.name}${model.demo ? " (demo: not a real model)" : ""}`, "hubot", model.path),
          item("Runs on", describeBackend(s.backend), s.backend?.gpu === "cpu" ? "chip" : "rocket"),
          item("Privacy", privacyLine(s.backend), s.backend?.remote ? "cloud" : "shield"),
          item("Context", `${model.contextSize} tokens`, "symbol-ruler"),
        ];
        if (!model.fim) items.push(item("Completions", "unavailable: this model has no fill-in-the-middle tokens", "warning"));
        return items;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
