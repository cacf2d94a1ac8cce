/**
 * The chat history of one workspace, kept by the extension: the language server only holds the
 * live conversations (and may serve other editors), while VS Code's per-workspace storage is
 * what survives reloads and restarts. Storage is behind a small interface so this runs in tests.
 */
import type { ChatConversation, ChatConversationSummary } from "../../common/protocol";

/** Where conversations are written; see chatStorage.ts for VS Code's workspace storage. */
export interface ChatStorage {
  ids(): Promise<string[]>;
  read(id: string): Promise<unknown>;
  write(id: string, value: unknown): Promise<void>;
  delete(id: string): Promise<void>;
}

/** The file format version; a reader meeting a newer one skips the file instead of misreading it. */
const FORMAT = 1;
/** Titles are for a list; very long ones are cut. */
const MAX_TITLE = 80;

interface StoredFile {
  readonly format: number;
  readonly conversation: ChatConversation;
}

export class ChatHistory {
  private summaries: Map<string, ChatConversationSummary> | undefined;
  private readonly listeners = new Set<() => void>();
  /** Writes run one after another so that a later save never lands before an earlier one. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly storage: ChatStorage) {}

  /** Fires after any change (save, rename, delete). */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Summaries, most recently updated first. */
  async list(): Promise<ChatConversationSummary[]> {
    return [...(await this.load()).values()].sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async get(id: string): Promise<ChatConversation | undefined> {
    await this.writing;
    const file = (await this.storage.read(id).catch(() => undefined)) as StoredFile | undefined;
    if (!file || file.format > FORMAT || !file.conversation || !Array.isArray(file.conversation.messages)) return undefined;
    return file.conversation;
  }

  async save(conversation: ChatConversation): Promise<void> {
    const summaries = await this.load();
    const stored: ChatConversation = { ...conversation, messageCount: conversation.messages.length };
    summaries.set(stored.id, summaryOf(stored));
    await this.enqueue(() => this.storage.write(stored.id, { format: FORMAT, conversation: stored } satisfies StoredFile));
  }

  async rename(id: string, title: string): Promise<boolean> {
    const conversation = await this.get(id);
    const clean = title.replace(/\s+/g, " ").trim().slice(0, MAX_TITLE);
    if (!conversation || !clean) return false;
    await this.save({ ...conversation, title: clean });
    return true;
  }

  async delete(id: string): Promise<boolean> {
    const summaries = await this.load();
    const known = summaries.delete(id);
    await this.enqueue(() => this.storage.delete(id));
    return known;
  }

  private async load(): Promise<Map<string, ChatConversationSummary>> {
    if (this.summaries) return this.summaries;
    const found = new Map<string, ChatConversationSummary>();
    for (const id of await this.storage.ids()) {
      const conversation = await this.get(id);
      if (conversation) found.set(conversation.id, summaryOf(conversation));
    }
    this.summaries ??= found;
    return this.summaries;
  }

  private async enqueue(write: () => Promise<void>): Promise<void> {
    const next = this.writing.then(write);
    this.writing = next.catch(() => undefined);
    await next;
    for (const listener of this.listeners) listener();
  }
}

function summaryOf(c: ChatConversation): ChatConversationSummary {
  return { id: c.id, title: c.title, createdAt: c.createdAt, updatedAt: c.updatedAt, messageCount: c.messages.length };
}
