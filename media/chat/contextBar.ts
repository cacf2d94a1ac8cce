/** The context bar: a chip for each thing the next message carries, each removable, and "Add file". */
import type { ContextChip } from "./messages";

export class ContextBar {
  constructor(private readonly root: HTMLElement, private readonly actions: { remove(id: string): void; addFile(): void }) {
    root.classList.add("context-bar");
    root.setAttribute("role", "group");
    root.setAttribute("aria-label", "Attached to the next message");
    root.addEventListener("click", (event) => {
      const button = (event.target as HTMLElement).closest<HTMLButtonElement>("button");
      if (!button) return;
      if (button.dataset.remove) this.actions.remove(button.dataset.remove);
      else if (button.dataset.add) this.actions.addFile();
    });
    this.update([]);
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
      const remove = document.createElement("button");
      remove.type = "button";
      remove.dataset.remove = chip.id;
      remove.textContent = "×";
      remove.setAttribute("aria-label", `Remove ${chip.detail}`);
      span.append(label, remove);
      this.root.append(span);
    }
    const add = document.createElement("button");
    add.type = "button";
    add.className = "add-file";
    add.dataset.add = "file";
    add.textContent = "+ File";
    add.title = "Attach a file (or type @)";
    this.root.append(add);
  }
}
