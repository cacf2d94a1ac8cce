/**
 * The message box: Enter sends, Shift+Enter starts a new line, Escape stops an answer, `/` offers
 * the slash commands (arrow keys and Tab or Enter pick one), and `@` at the start of a word offers
 * `@workspace` (search the codebase) and `@file` (ask the host to attach a file). The suggestions
 * follow the ARIA combobox pattern. Commands are read by common/slashCommand.ts, the same parser
 * the extension and the server use.
 */
import { parseSlashCommand, SLASH_COMMANDS, slashCompletions } from "../../common/slashCommand";

/** What `@` offers; picking `file` opens the file picker instead of inserting text. */
const MENTIONS = [
  { name: "workspace", detail: "Search the whole codebase for this question" },
  { name: "file", detail: "Attach a file…" },
] as const;

/** `@` and the letters typed after it, when the caret ends a word that starts with it. */
const MENTION_AT_CARET = /(^|\s)@([a-z]*)$/i;
export interface ComposerActions {
  send(text: string): void;
  stop(): void;
  addFile(): void;
}

export class Composer {
  readonly input: HTMLTextAreaElement;
  private readonly list: HTMLUListElement;
  private readonly sendButton: HTMLElement;
  private readonly stopButton: HTMLElement;
  private matches: string[] = [];
  /** Whether the open list holds slash commands or @ mentions. */
  private kind: "slash" | "mention" = "slash";
  private active = 0;
  private busy = false;

  constructor(root: HTMLElement, private readonly actions: ComposerActions) {
    root.classList.add("composer");
    root.innerHTML = `
      <ul id="suggestions" class="suggestions" role="listbox" aria-label="Suggestions" hidden></ul>
      <textarea id="input" rows="3" role="combobox" aria-autocomplete="list" aria-controls="suggestions" aria-expanded="false"
        aria-label="Message to Enclave" placeholder="Ask about your code. / for commands, @workspace to search the codebase, @file to attach"></textarea>
      <div class="composer-actions">
        <vscode-button id="send" icon="send" title="Send (Enter)">Send</vscode-button>
        <vscode-button id="stop" icon="debug-stop" secondary title="Stop the answer (Escape)" hidden>Stop</vscode-button>
      </div>`;
    this.input = root.querySelector("#input")!;
    this.list = root.querySelector("#suggestions")!;
    this.sendButton = root.querySelector("#send")!;
    this.stopButton = root.querySelector("#stop")!;
    this.sendButton.addEventListener("click", () => this.submit());
    this.stopButton.addEventListener("click", () => this.actions.stop());
    this.input.addEventListener("keydown", (event) => this.onKeyDown(event));
    this.input.addEventListener("input", (event) => this.onInput(event as InputEvent));
    this.list.addEventListener("mousedown", (event) => {
      const option = (event.target as HTMLElement).closest<HTMLElement>("[data-command]");
      if (!option) return;
      event.preventDefault();
      this.accept(option.dataset.command!);
    });
  }

  setBusy(busy: boolean): void {
    const hadFocus = document.activeElement === this.stopButton;
    this.busy = busy;
    this.sendButton.hidden = busy;
    this.stopButton.hidden = !busy;
    if (hadFocus && !busy) this.input.focus();
  }

  prefill(text: string): void {
    this.input.value = text;
    this.input.focus();
    this.input.setSelectionRange(text.length, text.length);
    this.refreshSuggestions();
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (!text || this.busy) return;
    this.actions.send(text);
    this.input.value = "";
    this.refreshSuggestions();
  }

  private onKeyDown(event: KeyboardEvent): void {
    const open = !this.list.hidden;
    if (open && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      this.active = (this.active + (event.key === "ArrowDown" ? 1 : this.matches.length - 1)) % this.matches.length;
      this.renderSuggestions();
    } else if (open && (event.key === "Tab" || (event.key === "Enter" && !event.shiftKey && (this.kind === "mention" || !parseSlashCommand(this.input.value).command)))) {
      event.preventDefault();
      this.accept(this.matches[this.active]!);
    } else if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.submit();
    } else if (event.key === "Escape") {
      if (open) this.hideSuggestions();
      else if (this.busy) this.actions.stop();
    }
  }

  private onInput(_event: InputEvent): void {
    this.refreshSuggestions();
  }

  private accept(name: string): void {
    if (this.kind === "mention") return this.acceptMention(name);
    const rest = this.input.value.replace(/^\s*\/\S*\s*/, "");
    this.input.value = `/${name} ${rest}`;
    this.hideSuggestions();
    this.input.focus();
  }

  /** Replaces the `@…` being typed with `@workspace `, or removes it and asks for a file. */
  private acceptMention(name: string): void {
    const caret = this.input.selectionStart;
    const before = this.input.value.slice(0, caret);
    const typed = MENTION_AT_CARET.exec(before);
    const start = typed ? caret - typed[2]!.length - 1 : caret;
    const insert = name === "workspace" ? "@workspace " : "";
    this.input.value = this.input.value.slice(0, start) + insert + this.input.value.slice(caret);
    this.input.setSelectionRange(start + insert.length, start + insert.length);
    this.hideSuggestions();
    this.input.focus();
    if (name === "file") this.actions.addFile();
  }

  private refreshSuggestions(): void {
    const mention = MENTION_AT_CARET.exec(this.input.value.slice(0, this.input.selectionStart));
    this.kind = mention ? "mention" : "slash";
    this.matches = mention ? MENTIONS.map((m) => m.name).filter((n) => n.startsWith(mention[2]!.toLowerCase())) : slashCompletions(this.input.value);
    if (!this.matches.length) return this.hideSuggestions();
    this.active = Math.min(this.active, this.matches.length - 1);
    this.renderSuggestions();
  }

  private renderSuggestions(): void {
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    this.list.innerHTML = "";
    this.matches.forEach((name, i) => {
      const item = document.createElement("li");
      item.id = `suggestion-${name}`;
      item.role = "option";
      item.dataset.command = name;
      item.setAttribute("aria-selected", String(i === this.active));
      item.textContent = this.kind === "mention"
        ? `@${name} — ${MENTIONS.find((m) => m.name === name)!.detail}`
        : `/${name} — ${SLASH_COMMANDS.find((c) => c.name === name)!.detail}`;
      this.list.append(item);
    });
    this.input.setAttribute("aria-activedescendant", `suggestion-${this.matches[this.active]}`);
  }

  private hideSuggestions(): void {
    this.list.hidden = true;
    this.matches = [];
    this.active = 0;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }
}
