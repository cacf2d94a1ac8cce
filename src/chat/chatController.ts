/**
 * The host's chat brain: one current conversation, one answer at a time. It sends messages to the
 * language server with what the context bar shows, relays the streamed answer to the webview,
 * has every finished code block scanned by Shield, and saves each finished turn in the
 * workspace's history. The webview may come and go; everything it shows is re-sent on `ready`.
 */
import { randomUUID } from "node:crypto";
import * as vscode from "vscode";
import { codeBlocksOf } from "../../media/chat/codeBlocks";
import type { BlockScan, CodeAction, HostMessage, ViewMessage } from "../../media/chat/messages";
import type { ChatConversation, ChatSendResult, StatusParams } from "../../common/protocol";
import { parseSlashCommand } from "../../common/slashCommand";
import { BlockScanner } from "./blockScanner";
import type { ChatHistory } from "./chatHistory";
import type { ChatServer } from "./chatServer";
import type { ChatTarget, ContextCollector } from "./contextCollector";
import { statusLine, toViewMessage } from "./viewModel";
import type { CodeBlockActions } from "./codeBlockActions";
import type { SmartApplyResult } from "./smartApply";
import { openSourceAt, sourceFor } from "./openSource";

/** The workspaceState key remembering which conversation is open. */
const CURRENT_KEY = "enclave.chat.current";

export interface ChatControllerDeps {
  readonly history: ChatHistory;
  readonly server: ChatServer;
  readonly context: ContextCollector;
  readonly actions: CodeBlockActions;
  readonly onStatus: vscode.Event<StatusParams>;
  readonly status: StatusParams;
  readonly log: vscode.LogOutputChannel;
  /** workspaceState, for the id of the open conversation. */
  readonly memento: vscode.Memento;
}

interface Turn {
  readonly requestId: string;
  readonly user: ViewMessage;
  answer: ViewMessage;
  readonly language?: string;
  readonly done: Promise<void>;
}

export class ChatController implements vscode.Disposable {
  readonly history: ChatHistory;
  readonly context: ContextCollector;
  private readonly server: ChatServer;
  private readonly actions: CodeBlockActions;
  private readonly log: vscode.LogOutputChannel;
  private conversation: ChatConversation | undefined;
  private turn: Turn | undefined;
  /** Messages of failed turns, shown until another conversation is opened. */
  private failed: ViewMessage[] = [];
  private readonly scans = new Map<string, Record<number, BlockScan>>();
  private readonly notices = new Map<string, readonly string[]>();
  /** Streamed answers get their final id at the end; late scan results follow the alias. */
  private readonly alias = new Map<string, string>();
  private readonly scanner: BlockScanner;
  private post: ((message: HostMessage) => void) | undefined;
  private readonly pending: HostMessage[] = [];
  private statusMessage: HostMessage;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly deps: ChatControllerDeps) {
    const { context, history, onStatus, status } = deps;
    this.history = history;
    this.context = context;
    this.server = deps.server;
    this.actions = deps.actions;
    this.log = deps.log;
    this.scanner = new BlockScanner((text, languageId) => this.server.scan(text, languageId), (key, index, scan) => this.onScan(key, index, scan));
    this.statusMessage = { type: "status", ...statusLine(status) };
    this.subscriptions.push(
      onStatus((s) => this.show((this.statusMessage = { type: "status", ...statusLine(s) }))),
      context.onDidChange(() => this.show({ type: "context", chips: context.chips() })),
      history.onDidChange(() => void this.sendHistory()),
    );
  }

  /** Reopens the conversation that was open when the window closed (or reloaded). */
  async restoreLast(): Promise<void> {
    const id = this.deps.memento.get<string>(CURRENT_KEY);
    if (id && !this.conversation && !this.turn) await this.open(id);
  }

  get current(): ChatConversation | undefined {
    return this.conversation;
  }

  /** Resolves when no answer is being generated. */
  async idle(): Promise<void> {
    while (this.turn) await this.turn.done;
  }

  /** The webview is up (again): give it everything it shows. */
  attach(post: (message: HostMessage) => void): void {
    this.post = post;
    this.sendConversation();
    this.show(this.statusMessage);
    this.show({ type: "context", chips: this.context.chips() });
    this.show({ type: "busy", busy: !!this.turn });
    void this.sendHistory();
    for (const message of this.pending.splice(0)) this.show(message);
  }

  detach(): void {
    this.post = undefined;
  }

  /** Sends to the webview; requests to the UI made before it loaded are kept for when it has. */
  show(message: HostMessage): void {
    if (this.post) this.post(message);
    else if (message.type === "showHistory" || message.type === "prefill") this.pending.push(message);
  }

  /** Sends a message (or runs a slash command) about the context bar's items or `target`; `searchWorkspace` is the context bar's toggle. */
  async send(text: string, target?: ChatTarget, searchWorkspace = false): Promise<void> {
    const parsed = parseSlashCommand(text);
    if (parsed.command === "clear") return this.newChat();
    await this.stopAndWait();
    const items = await this.context.collect(target);
    const requestId = randomUUID();
    const command = parsed.command;
    const words = command ? parsed.text : text;
    const user: ViewMessage = { id: `user-${requestId}`, role: "user", text: words, attachments: items.map((i) => i.label), scans: {}, ...(command ? { command } : {}) };
    let resolveDone!: () => void;
    const turn: Turn = {
      requestId, user, answer: { id: `answer-${requestId}`, role: "assistant", text: "", streaming: true, scans: {} },
      language: items.find((i) => i.languageId)?.languageId, done: new Promise((r) => (resolveDone = r)),
    };
    this.turn = turn;
    this.show({ type: "message", message: user });
    this.show({ type: "message", message: turn.answer });
    // Code the user pasted is scanned like code in answers.
    this.scanner.update(user.id, user.text, true, turn.language);
    this.show({ type: "busy", busy: true });
    try {
      const result = await this.server.send({ requestId, conversationId: this.conversation?.id, text, context: items, ...(searchWorkspace ? { searchWorkspace } : {}) }, this.conversation, (delta) => {
        turn.answer = { ...turn.answer, text: turn.answer.text + delta };
        this.show({ type: "delta", messageId: turn.answer.id, text: delta });
        this.scanner.update(turn.answer.id, turn.answer.text, false, turn.language);
      });
      await this.finish(turn, result);
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      this.log.warn(`Chat failed: ${message}`);
      turn.answer = { ...turn.answer, streaming: false, error: message };
      this.failed.push(turn.user, turn.answer);
      this.show({ type: "message", message: turn.answer });
    } finally {
      this.turn = undefined;
      this.show({ type: "busy", busy: false });
      resolveDone();
    }
  }

  /** Stores a finished turn and shows it with its final ids. */
  private async finish(turn: Turn, result: ChatSendResult): Promise<void> {
    const { user, assistant } = result;
    if (!user || !assistant) return;
    const now = Date.now();
    const base: ChatConversation = this.conversation?.id === result.conversationId ? this.conversation
      : { id: result.conversationId, title: result.title, createdAt: now, updatedAt: now, messageCount: 0, messages: [], firstInContext: 0 };
    const messages = [...base.messages, user, assistant];
    this.conversation = { ...base, title: base.title || result.title, updatedAt: now, messages, messageCount: messages.length, firstInContext: result.firstInContext };
    for (const [from, to] of [[turn.user.id, user.id], [turn.answer.id, assistant.id]] as const) {
      this.alias.set(from, to);
      this.scanner.rename(from, to);
      this.scans.set(to, this.scans.get(from) ?? {});
      this.scans.delete(from);
    }
    if (result.notices.length) this.notices.set(assistant.id, result.notices);
    this.scanner.update(assistant.id, assistant.text, true, turn.language);
    this.turn = undefined;
    this.sendConversation();
    await this.history.save(this.conversation).catch((e: unknown) => this.log.error(`Chat history could not be saved: ${(e as Error).message}`));
  }

  async stop(): Promise<void> {
    const turn = this.turn;
    if (turn) await this.server.cancel(turn.requestId).catch(() => false);
  }

  private async stopAndWait(): Promise<void> {
    await this.stop();
    await this.idle();
  }

  async newChat(): Promise<void> {
    await this.stopAndWait();
    this.conversation = undefined;
    this.failed = [];
    this.sendConversation();
    void this.sendHistory();
  }

  async open(id: string): Promise<boolean> {
    await this.stopAndWait();
    const conversation = await this.history.get(id);
    if (!conversation) return false;
    this.conversation = conversation;
    this.failed = [];
    conversation.messages.forEach((m, i) => {
      const asked = m.role === "user" ? m : conversation.messages[i - 1];
      this.scanner.update(m.id, m.text, true, asked?.context?.find((c) => c.languageId)?.languageId);
    });
    this.sendConversation();
    void this.sendHistory();
    return true;
  }

  /** Runs a code block button: the block comes from the host's copy of the text, never from the webview. */
  async codeAction(action: CodeAction, messageId: string, blockIndex: number): Promise<SmartApplyResult | undefined> {
    const messages = this.conversation?.messages ?? [];
    const at = messages.findIndex((m) => m.id === messageId);
    const shown = [...this.failed, ...(this.turn ? [this.turn.user, this.turn.answer] : [])].find((m) => m.id === messageId);
    const text = at >= 0 ? messages[at]!.text : shown?.text;
    const block = text === undefined ? undefined : codeBlocksOf(text)[blockIndex];
    if (!block) return undefined;
    const asked = at >= 0 ? (messages[at]!.role === "user" ? messages[at] : messages[at - 1]) : undefined;
    const about = asked?.context?.find((c) => c.kind === "selection");
    return this.actions.run(action, { code: block.code, lang: block.lang, scan: this.scanner.result(messageId, blockIndex), about });
  }

  /** Opens the file of a source that message `messageId` sent (or its question sent) at the lines; false when there is none. */
  async openSource(messageId: string, path: string, startLine: number, endLine: number): Promise<boolean> {
    const source = sourceFor(this.conversation?.messages ?? [], messageId, path);
    if (!source) return false;
    await openSourceAt(source.uri, startLine, endLine);
    return true;
  }

  /** Shield's verdict on a block of a message (waiting for it when it runs); undefined if never scanned. */
  scanOf(messageId: string, blockIndex: number): Promise<BlockScan> | undefined {
    return this.scanner.result(messageId, blockIndex);
  }

  private onScan(key: string, index: number, scan: BlockScan): void {
    const id = this.alias.get(key) ?? key;
    this.scans.set(id, { ...this.scans.get(id), [index]: scan });
    if (this.turn?.answer.id === id) this.turn.answer = { ...this.turn.answer, scans: this.scans.get(id) };
    this.show({ type: "scan", messageId: id, blockIndex: index, scan });
  }

  private sendConversation(): void {
    void this.deps.memento.update(CURRENT_KEY, this.conversation?.id);
    const messages = this.conversation?.messages ?? [];
    // An answer shows the sources its question sent: its citations of them become links.
    const persisted = messages.map((m, i) => toViewMessage(m, this.scans.get(m.id), this.notices.get(m.id), (m.role === "user" ? m : messages[i - 1])?.sources));
    const inFlight = this.turn ? [this.turn.user, this.turn.answer] : [];
    this.show({ type: "conversation", title: this.conversation?.title ?? "", messages: [...persisted, ...this.failed, ...inFlight] });
  }

  private async sendHistory(): Promise<void> {
    if (!this.post) return;
    const entries = (await this.history.list()).map((s) => ({ ...s, current: s.id === this.conversation?.id }));
    this.show({ type: "history", entries });
  }

  /** The history changed outside the controller (rename, delete): keep the current copy in step. */
  async refreshCurrent(): Promise<void> {
    if (!this.conversation) return;
    const stored = await this.history.get(this.conversation.id);
    if (!stored) return this.newChat();
    this.conversation = { ...this.conversation, title: stored.title };
    this.sendConversation();
  }

  dispose(): void {
    void this.stop();
    for (const s of this.subscriptions) s.dispose();
  }
}
