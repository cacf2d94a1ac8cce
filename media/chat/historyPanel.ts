/** The list of past conversations of this workspace: open, rename or delete each. */
import type { HistoryEntry } from "./messages";

export interface HistoryActions {
  open(id: string): void;
  rename(id: string): void;
  remove(id: string): void;
}

export class HistoryPanel {
  private readonly list: HTMLUListElement;

  constructor(private readonly root: HTMLElement, private readonly actions: HistoryActions) {
    root.classList.add("history");
    root.setAttribute("aria-label", "Conversations");
    root.hidden = true;
    root.innerHTML = `<h2>Conversations</h2><ul></ul>`;
    this.list = root.querySelector("ul")!;
    this.list.addEventListener("click", (event) => {
      const button = (event.target as HTMLElement).closest<HTMLElement>("[data-id]");
      if (!button) return;
      const id = button.dataset.id!;
      if (button.dataset.op === "open") {
        this.toggle(false);
        this.actions.open(id);
      } else if (button.dataset.op === "rename") this.actions.rename(id);
      else this.actions.remove(id);
    });
  }

  get visible(): boolean {
    return !this.root.hidden;
  }

  toggle(show = this.root.hidden): void {
    this.root.hidden = !show;
    if (show) this.list.querySelector<HTMLElement>("button.open")?.focus();
  }

  update(entries: readonly HistoryEntry[]): void {
    this.list.replaceChildren();
    if (!entries.length) {
      const empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = "No conversations yet.";
      this.list.append(empty);
      return;
    }
    for (const entry of entries) {
      const item = document.createElement("li");
      if (entry.current) item.className = "current";
      const title = entry.title || "New chat";
      const when = new Date(entry.updatedAt).toLocaleString(undefined, { dateStyle: "short", timeStyle: "short" });
      item.append(
        this.button("open", entry.id, `${title}`, `Open ${title}, ${entry.messageCount} messages, ${when}`, `${when} · ${entry.messageCount} messages`),
        this.iconButton("rename", entry.id, "edit", `Rename ${title}`),
        this.iconButton("delete", entry.id, "trash", `Delete ${title}`),
      );
      this.list.append(item);
    }
  }

  /** A codicon toolbar button (vscode-elements) for an action on a conversation. */
  private iconButton(op: string, id: string, icon: string, label: string): HTMLElement {
    const button = document.createElement("vscode-toolbar-button");
    button.dataset.op = op;
    button.dataset.id = id;
    button.className = op;
    button.setAttribute("icon", icon);
    button.setAttribute("label", label);
    button.title = label;
    return button;
  }

  private button(op: string, id: string, text: string, label: string, detail?: string): HTMLButtonElement {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.op = op;
    button.dataset.id = id;
    button.className = op;
    button.setAttribute("aria-label", label);
    button.textContent = text;
    if (detail) {
      const small = document.createElement("small");
      small.textContent = detail;
      button.append(small);
    }
    return button;
  }
}
