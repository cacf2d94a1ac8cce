/**
 * The chat webview's state and DOM: it shows what the host says (the host owns conversations and
 * talks to the language server) and forwards what the user does. Streaming answers re-render at
 * most once per animation frame; Shield results patch only their block, so keyboard focus on a
 * button survives.
 */
import { ContextBar } from "./contextBar";
import { Composer } from "./composer";
import { HistoryPanel } from "./historyPanel";
import { renderScan } from "./markdown";
import { renderMessage } from "./messageView";
import type { CodeAction, HostMessage, ViewMessage, WebviewMessage } from "./messages";

const WELCOME = "Ask about your code. Select code and use /explain, /fix, /tests or /doc, type @ to attach a file, or start with @workspace to search the whole codebase. The model runs on this machine: nothing you write leaves it.";

export class ChatApp {
  private messages: ViewMessage[] = [];
  private readonly dirty = new Set<string>();
  private frame = 0;
  private followOnce = false;
  private readonly transcript: HTMLElement;
  private readonly title: HTMLElement;
  private readonly status: HTMLElement;
  private readonly toast: HTMLElement;
  private readonly composer: Composer;
  private readonly context: ContextBar;
  private readonly history: HistoryPanel;

  constructor(private readonly root: HTMLElement, private readonly post: (message: WebviewMessage) => void, private readonly sanitize: (html: string) => string) {
    root.innerHTML = `
      <div class="topbar">
        <vscode-toolbar-button id="new-chat" icon="add" label="New chat" title="Start a new conversation"></vscode-toolbar-button>
        <vscode-toolbar-button id="show-history" icon="history" label="History" title="Conversations of this workspace" aria-expanded="false" aria-controls="history"></vscode-toolbar-button>
        <span id="chat-title" class="chat-title"></span>
      </div>
      <section id="history"></section>
      <div id="transcript" class="transcript" role="log" aria-live="polite" aria-label="Conversation" aria-busy="true" tabindex="0"></div>
      <div id="toast" class="toast" role="status"></div>
      <div class="bottom">
        <div id="status" class="status-line" role="status"></div>
        <div id="context"></div>
        <div id="composer"></div>
      </div>`;
    const $ = (id: string): HTMLElement => root.querySelector(`#${id}`)!;
    this.transcript = $("transcript");
    this.title = $("chat-title");
    this.status = $("status");
    this.toast = $("toast");
    this.composer = new Composer($("composer"), {
      send: (text) => this.post({ type: "send", text, ...(this.context.searchCodebase ? { searchWorkspace: true } : {}) }),
      stop: () => this.post({ type: "stop" }),
      addFile: () => this.post({ type: "addFile" }),
    });
    this.context = new ContextBar($("context"), { remove: (id) => this.post({ type: "removeContext", id }), addFile: () => this.post({ type: "addFile" }) });
    const historyToggle = $("show-history");
    this.history = new HistoryPanel($("history"), {
      open: (id) => { historyToggle.setAttribute("aria-expanded", "false"); this.post({ type: "openConversation", id }); },
      rename: (id) => this.post({ type: "renameConversation", id }),
      remove: (id) => this.post({ type: "deleteConversation", id }),
    });
    $("new-chat").addEventListener("click", () => this.post({ type: "newChat" }));
    historyToggle.addEventListener("click", () => {
      this.history.toggle();
      historyToggle.setAttribute("aria-expanded", String(this.history.visible));
    });
    this.status.addEventListener("click", (event) => {
      if ((event.target as HTMLElement).closest("[data-select-model]")) this.post({ type: "selectModel" });
    });
    this.transcript.addEventListener("click", (event) => this.onTranscriptClick(event));
    this.renderAll();
  }

  receive(message: HostMessage): void {
    switch (message.type) {
      case "conversation":
        // Busy until the host has said what the conversation holds: a fresh view is not yet empty.
        this.transcript.setAttribute("aria-busy", "false");
        this.messages = [...message.messages];
        this.title.textContent = message.title;
        this.renderAll();
        break;
      case "message": {
        const at = this.messages.findIndex((m) => m.id === message.message.id);
        if (at >= 0) this.messages[at] = message.message;
        else this.messages.push(message.message);
        // A message the user just sent is always scrolled into view.
        if (at < 0 && message.message.role === "user") this.followOnce = true;
        if (at < 0 && this.messages.length === 1) this.renderAll();
        else this.schedule(message.message.id);
        break;
      }
      case "delta":
        this.update(message.messageId, (m) => ({ ...m, text: m.text + message.text }));
        break;
      case "scan":
        this.update(message.messageId, (m) => ({ ...m, scans: { ...m.scans, [message.blockIndex]: message.scan } }), message.blockIndex);
        break;
      case "history": this.history.update(message.entries); break;
      case "context": this.context.update(message.chips); break;
      case "busy": this.composer.setBusy(message.busy); break;
      case "prefill": this.composer.prefill(message.text); break;
      case "toast": this.showToast(message.text); break;
      case "showHistory": this.history.toggle(true); this.root.querySelector("#show-history")?.setAttribute("aria-expanded", "true"); break;
      case "status": {
        this.status.dataset.state = message.state;
        this.status.textContent = message.text;
        if (message.state === "noModel" || message.state === "error") {
          const button = document.createElement("vscode-button");
          button.setAttribute("icon", "gear");
          button.dataset.selectModel = "1";
          button.textContent = "Select model";
          this.status.append(" ", button);
        }
        break;
      }
    }
  }

  /** Changes one message; a scan of a finished message patches its block only. */
  private update(id: string, change: (m: ViewMessage) => ViewMessage, scannedBlock?: number): void {
    const at = this.messages.findIndex((m) => m.id === id);
    if (at < 0) return;
    const next = change(this.messages[at]!);
    this.messages[at] = next;
    const scanElement = scannedBlock === undefined || next.streaming ? null
      : this.transcript.querySelector(`article[data-id="${CSS.escape(id)}"] .code-scan[data-block="${scannedBlock}"]`);
    if (scanElement) scanElement.outerHTML = this.sanitize(renderScan(next.scans?.[scannedBlock!], scannedBlock!));
    else this.schedule(id);
  }

  private schedule(id: string): void {
    this.dirty.add(id);
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      const stick = this.followOnce || this.nearBottom();
      this.followOnce = false;
      for (const dirty of this.dirty) this.renderOne(dirty);
      this.dirty.clear();
      if (stick) this.transcript.scrollTop = this.transcript.scrollHeight;
    });
  }

  private renderAll(): void {
    this.transcript.replaceChildren();
    if (!this.messages.length) {
      const welcome = document.createElement("p");
      welcome.className = "welcome";
      welcome.textContent = WELCOME;
      this.transcript.append(welcome);
    }
    for (const message of this.messages) this.transcript.append(this.articleFor(message));
    this.transcript.scrollTop = this.transcript.scrollHeight;
  }

  private renderOne(id: string): void {
    const message = this.messages.find((m) => m.id === id);
    if (!message) return;
    const existing = this.transcript.querySelector(`article[data-id="${CSS.escape(id)}"]`);
    if (existing) {
      existing.innerHTML = renderMessage(message, this.sanitize);
      existing.setAttribute("aria-busy", String(!!message.streaming));
    } else {
      this.transcript.querySelector(".welcome")?.remove();
      this.transcript.append(this.articleFor(message));
    }
  }

  private articleFor(message: ViewMessage): HTMLElement {
    const article = document.createElement("article");
    article.className = `msg msg-${message.role}`;
    article.dataset.id = message.id;
    // Screen readers announce a streaming answer once it is complete, not at every frame.
    article.setAttribute("aria-busy", String(!!message.streaming));
    article.innerHTML = renderMessage(message, this.sanitize);
    return article;
  }

  private onTranscriptClick(event: Event): void {
    const citation = (event.target as HTMLElement).closest<HTMLButtonElement>("button.citation");
    const cited = citation?.closest<HTMLElement>("article[data-id]");
    if (citation && cited) {
      const { path, start, end } = citation.dataset;
      this.post({ type: "openSource", messageId: cited.dataset.id!, path: path ?? "", startLine: Number(start), endLine: Number(end) });
      return;
    }
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>("button[data-action]");
    const article = button?.closest<HTMLElement>("article[data-id]");
    if (!button || !article) return;
    this.post({ type: "codeAction", action: button.dataset.action as CodeAction, messageId: article.dataset.id!, blockIndex: Number(button.dataset.block) });
  }

  private nearBottom(): boolean {
    const t = this.transcript;
    return t.scrollHeight - t.scrollTop - t.clientHeight < 48;
  }

  private showToast(text: string): void {
    this.toast.textContent = text;
    this.toast.classList.add("visible");
    setTimeout(() => { if (this.toast.textContent === text) this.toast.classList.remove("visible"); }, 2500);
  }
}
