/**
 * The extension's side of `enclave/chat/*` and of Shield's scan request: sends messages, routes
 * streamed deltas to whoever waits for them, and gives the server back a persisted conversation
 * when it no longer holds it (after a restart or a window reload).
 */
import type { Disposable } from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import {
  ChatCancelRequest, ChatDeltaNotification, ChatErrors, ChatRestoreRequest, ChatSendRequest, ShieldScanRequest,
  type ChatConversation, type ChatSendParams, type ChatSendResult, type ShieldFinding,
} from "../../common/protocol";

export class ChatServer {
  private readonly streams = new Map<string, (text: string) => void>();

  constructor(private readonly client: () => Promise<LanguageClient>) {}

  /** The handler for streamed deltas; the extension attaches it to every client (ctx.onClient). */
  attach(client: LanguageClient): Disposable {
    return client.onNotification(ChatDeltaNotification.type, ({ requestId, text }) => this.streams.get(requestId)?.(text));
  }

  /** Sends a message; `conversation` is what the history holds, restored when the server lacks it. */
  async send(params: ChatSendParams, conversation: ChatConversation | undefined, onDelta: (text: string) => void): Promise<ChatSendResult> {
    const client = await this.connect();
    this.streams.set(params.requestId, onDelta);
    try {
      try {
        return await client.sendRequest(ChatSendRequest.type, params);
      } catch (error) {
        if (!conversation || (error as { code?: number }).code !== ChatErrors.unknownConversation) throw error;
        await client.sendRequest(ChatRestoreRequest.type, { conversation });
        return await client.sendRequest(ChatSendRequest.type, params);
      }
    } finally {
      this.streams.delete(params.requestId);
    }
  }

  async cancel(requestId: string): Promise<boolean> {
    const client = await this.connect();
    return (await client.sendRequest(ChatCancelRequest.type, { requestId })).cancelled;
  }

  /** Shield's findings for a piece of code; throws when the server has no scanner (yet). */
  async scan(text: string, languageId: string): Promise<ShieldFinding[]> {
    const client = await this.connect();
    return client.sendRequest(ShieldScanRequest.type, { text, languageId });
  }

  private connect(): Promise<LanguageClient> {
    return this.client();
  }
}
