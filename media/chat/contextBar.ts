/**
 * The context bar: a chip for each thing the next message carries, each removable, "Add file",
 * and the "Search codebase" toggle (the same as writing @workspace in every message while on).
 */
import type { ContextChip } from "./messages";

export class ContextBar {
  private readonly searchToggle: HTMLButtonElement;

  constructor(private readonly root: HTMLElement, private readonly actions: { remove(id: string): void; addFile(): void }) {
    this.searchToggle = document.createElement("button");
    this.searchToggle.type = "button";
    this.searchToggle.className = "search-toggle";
    this.searchToggle.setAttribute("aria-pressed", "false");
    this.searchToggle.title = "Search the codebase for each message and send the best matches with it (like @workspace)";
    this.searchToggle.innerHTML = `<span class="codicon codicon-search" aria-hidden="true"></span> Search codebase`;
    this.searchToggle.addEventListener("click", () => this.searchToggle.setAttribute("aria-pressed", String(!this.searchCodebase)));
    root.classList.add("context-bar");
    root.setAttribute("role", "group");
    root.setAttribute("aria-label", "Attached to the next message");
    root.addEventListener("click", (event) => {
      const button = (event.target as HTMLElement).closest<HTMLElement>("[data-remove], [data-add]");
      if (!button) return;
      if (button.dataset.remove) this.actions.remove(button.dataset.remove);
      else if (button.dataset.add) this.actions.addFile();
    });
    this.update([]);
  }

  /** Whether the next message should search the codebase. */
  get searchCodebase(): boolean {
    return this.searchToggle.getAttribute("aria-pressed") === "true";
  }

  update(chips: readonly ContextChip[]): void {
    this.root.replaceChildren();
    for (const chip of chips) {
      const span = document.createElement("span");
      span.className = "chip";
      span.dataset.kind = chip.kind;
      span.title = chip.detail;
      const label = document.createElement("span");
      label.textContent = chip.label;
      const remove = document.createElement("vscode-icon");
      remove.setAttribute("name", "close");
      remove.setAttribute("action-icon", "");
      remove.setAttribute("label", `Remove ${chip.detail}`);
      remove.title = `Remove ${chip.detail}`;
      remove.dataset.remove = chip.id;
      span.append(label, remove);
      this.root.append(span);
    }
    const add = document.createElement("vscode-toolbar-button");
    add.className = "add-file";
    add.dataset.add = "file";
    add.setAttribute("icon", "attach");
    add.setAttribute("label", "Attach a file");
    add.textContent = "File";
    add.title = "Attach a file (or type @)";
    this.root.append(add, this.searchToggle);
  }
}
