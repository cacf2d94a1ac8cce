/**
 * The live conversations of this server process, in memory. Persisting them is the client's
 * business (VS Code keeps them in the workspace's storage and restores them after a restart),
 * so the server never writes chat history to disk.
 */
import { randomUUID } from "node:crypto";
import type { ChatConversation, ChatConversationSummary, ChatMessageRecord, ChatSource } from "../../common/protocol";

/** Beyond this many live conversations the least recently updated one is forgotten. */
const MAX_CONVERSATIONS = 100;
const MAX_TITLE = 80;

export class ConversationStore {
  private readonly conversations = new Map<string, ChatConversation>();

  constructor(private readonly now: () => number = Date.now) {}

  create(): ChatConversation {
    const at = this.now();
    return this.put({ id: randomUUID(), title: "", createdAt: at, updatedAt: at, messageCount: 0, messages: [], firstInContext: 0 });
  }

  get(id: string): ChatConversation | undefined {
    return this.conversations.get(id);
  }

  /** Summaries, most recently updated first. */
  list(): ChatConversationSummary[] {
    return [...this.conversations.values()].sort((a, b) => b.updatedAt - a.updatedAt).map(summaryOf);
  }

  /** Adds or replaces a conversation (a new one, or one a client restores). */
  put(conversation: ChatConversation): ChatConversation {
    const stored: ChatConversation = { ...conversation, messageCount: conversation.messages.length, title: conversation.title.slice(0, MAX_TITLE) };
    this.conversations.delete(stored.id);
    this.conversations.set(stored.id, stored);
    if (this.conversations.size > MAX_CONVERSATIONS) {
      const oldest = [...this.conversations.values()].sort((a, b) => a.updatedAt - b.updatedAt)[0];
      if (oldest && oldest.id !== stored.id) this.conversations.delete(oldest.id);
    }
    return stored;
  }

  /** Appends messages and moves the context window start; the title is set once, from the first message. */
  append(id: string, messages: readonly ChatMessageRecord[], firstInContext: number, title: string): ChatConversation {
    const current = this.conversations.get(id);
    if (!current) throw new Error(`Conversation ${id} is gone.`);
    return this.put({
      ...current, title: current.title || title, updatedAt: this.now(),
      messages: [...current.messages, ...messages], firstInContext: Math.max(current.firstInContext, firstInContext),
    });
  }

  rename(id: string, title: string): boolean {
    const current = this.conversations.get(id);
    if (!current) return false;
    this.conversations.set(id, { ...current, title: title.trim().slice(0, MAX_TITLE) || current.title });
    return true;
  }

  delete(id: string): boolean {
    return this.conversations.delete(id);
  }
}

export function summaryOf(c: ChatConversation): ChatConversationSummary {
  return { id: c.id, title: c.title, createdAt: c.createdAt, updatedAt: c.updatedAt, messageCount: c.messages.length };
}

/**
 * Checks the shape of a conversation a client hands back, so a damaged history file becomes a
 * clear error instead of a crash in the middle of a turn. Returns the reason it is unusable.
 */
export function invalidConversation(value: unknown): string | undefined {
  const c = value as Partial<ChatConversation> | null;
  if (!c || typeof c !== "object") return "it is not an object";
  if (typeof c.id !== "string" || !c.id) return "it has no id";
  if (!Array.isArray(c.messages)) return "it has no message list";
  for (const [i, m] of c.messages.entries()) {
    if (!m || (m.role !== "user" && m.role !== "assistant") || typeof m.text !== "string") return `message ${i} is not a user or assistant message with text`;
    if (m.context !== undefined && (!Array.isArray(m.context) || m.context.some((x: unknown) => typeof (x as { text?: unknown } | null)?.text !== "string"))) return `message ${i} has malformed attachments`;
    if (m.sources !== undefined && (!Array.isArray(m.sources) || m.sources.some(malformedSource))) return `message ${i} has malformed workspace sources`;
  }
  return undefined;
}

function malformedSource(value: unknown): boolean {
  const s = value as Partial<ChatSource> | null;
  return !s || typeof s.path !== "string" || typeof s.uri !== "string" || typeof s.text !== "string"
    || !Number.isInteger(s.startLine) || !Number.isInteger(s.endLine);
}
