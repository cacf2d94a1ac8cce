/**
 * The chat feature: `enclave/chat/*` requests. Answers run one at a time on the engine's chat
 * sequence (a newer send stops an older one), stream as delta notifications, and end with the
 * stored messages, their token counts and timings. Cancelling is a normal end, not an error.
 */
import { randomUUID } from "node:crypto";
import { ResponseError, type CancellationToken, type Disposable } from "vscode-languageserver/node";
import { abortSignalFor } from "../cancellation";
import type { Feature, FeatureContext } from "../feature";
import {
  ChatCancelRequest, ChatDeleteRequest, ChatDeltaNotification, ChatErrors, ChatListRequest, ChatLoadRequest, ChatRenameRequest,
  ChatRestoreRequest, ChatSendRequest, type ChatMessageRecord, type ChatSendParams, type ChatSendResult,
} from "../../common/protocol";
import { defaultScanner } from "../shield/defaultScanner";
import { ChatMetrics } from "./chatMetrics";
import { repairChatAnswer } from "./chatRepair";
import { MessageTooLongError, runTurn } from "./chatTurn";
import { ConversationStore, invalidConversation, summaryOf } from "./conversationStore";
import { DeltaStream } from "./deltaStream";
import { fitAttachments } from "./fitAttachments";
import { commandPrompts } from "./prompts";
import { parseSlashCommand } from "../../common/slashCommand";
import { parseWorkspaceMention } from "../../common/workspaceMention";
import { fitSources, SEARCH_TOP } from "./workspaceSources";

/** Attachments of one message may take at most this share of the context window. */
const ATTACHMENT_SHARE = 0.5;
/** Chunks found by a workspace search may take at most this share of the context window. */
const WORKSPACE_SHARE = 0.25;
const TITLE_CHARS = 60;

export const chatFeature: Feature = {
  name: "chat",
  capabilities: () => ({}),
  register(ctx: FeatureContext): Disposable[] {
    const store = new ConversationStore();
    const metrics = new ChatMetrics();
    const running = new Map<string, AbortController>();
    let queue: Promise<unknown> = Promise.resolve();

    const send = async (params: ChatSendParams, token: CancellationToken): Promise<ChatSendResult> => {
      const startedAt = performance.now();
      const { requestId } = params;
      const slash = parseSlashCommand(params.text ?? "");
      // `@workspace` asks for a codebase search; the word itself is not part of the question.
      const mention = parseWorkspaceMention(slash.text);
      const parsed = { ...slash, text: mention.text };
      const searchWorkspace = mention.workspace || params.searchWorkspace === true;
      if (parsed.command === "clear") {
        const fresh = store.create();
        return { requestId, conversationId: fresh.id, title: "", firstInContext: 0, cleared: true, notices: [], deltas: 0 };
      }
      if (!parsed.command && !parsed.text && !params.context?.length) {
        throw new ResponseError(-32602, mention.workspace ? "@workspace needs a question to search the codebase for, such as \"@workspace where is the retry logic?\"" : "An empty message cannot be answered.");
      }
      if (params.conversationId && !store.get(params.conversationId)) {
        throw new ResponseError(ChatErrors.unknownConversation, `This server does not hold conversation ${params.conversationId}; restore it first.`);
      }

      // One answer at a time: the chat sequence is shared, and the newest question is the one the user waits for.
      for (const older of running.values()) older.abort();
      const { controller, dispose } = abortSignalFor(token);
      running.set(requestId, controller);
      const stream = new DeltaStream(requestId, (delta) => void ctx.connection.sendNotification(ChatDeltaNotification.type, delta));

      const turn = queue.then(async (): Promise<ChatSendResult> => {
        const engine = await ctx.models.engine();
        if (!engine) {
          const why = ctx.models.status.message ?? `the model is ${ctx.models.status.state}`;
          throw new ResponseError(ChatErrors.noModel, `No model is loaded, so chat cannot answer: ${why}`);
        }
        // A new conversation is created only now, so a message that fails leaves none behind.
        const conversation = params.conversationId ? store.get(params.conversationId) : store.create();
        if (!conversation) throw new ResponseError(ChatErrors.unknownConversation, `Conversation ${params.conversationId} was deleted.`);
        const conversationId = conversation.id;
        const settings = await ctx.settings.get(params.context?.find((c) => c.uri)?.uri);
        const attachments = fitAttachments(params.context ?? [], Math.floor(engine.model.contextSize * ATTACHMENT_SHARE), (t) => engine.countTokens(t));
        const found = searchWorkspace ? await searchCodebase(parsed.text, Math.floor(engine.model.contextSize * WORKSPACE_SHARE), (t) => engine.countTokens(t)) : undefined;
        const user: ChatMessageRecord = {
          id: randomUUID(), role: "user", text: parsed.text, createdAt: Date.now(),
          ...(parsed.command ? { command: parsed.command } : {}),
          ...(attachments.items.length ? { context: attachments.items } : {}),
          ...(found?.sources.length ? { sources: found.sources } : {}),
        };
        const outcome = await runTurn({
          engine, history: conversation.messages, firstInContext: conversation.firstInContext, user,
          maxTokens: settings["chat.maxTokens"], temperature: settings["chat.temperature"],
          signal: controller.signal, onText: (chunk) => stream.push(chunk), startedAt,
        });
        const deltas = stream.finish();
        // The secure generation loop: one more question when a code block is insecure.
        const repair = settings["shield.chatRepair"] && outcome.assistant.stopReason !== "abort"
          ? await repairChatAnswer(outcome.assistant.text, engine, defaultScanner().scanner, {
            signal: controller.signal, maxTokens: settings["chat.maxTokens"], fallbackLanguage: params.context?.find((c) => c.languageId)?.languageId ?? "plaintext",
          })
          : undefined;
        if (repair?.repaired) {
          const r = repair.repaired;
          outcome.notices.push(`Shield found ${r.cwe} in code block ${r.block} (line ${r.line}: ${r.message}); Enclave asked the model again with that as feedback, and the block shown is its rewrite, which Shield finds clean.`);
        }
        const assistant: ChatMessageRecord = {
          ...outcome.assistant,
          ...(repair?.repaired ? { text: repair.text } : {}),
          timings: { ...outcome.assistant.timings!, ...(stream.firstSentAt ? { firstTextMs: stream.firstSentAt - startedAt } : {}) },
        };
        const updated = store.append(conversationId, [user, assistant], outcome.firstInContext, titleFor(user));
        metrics.record(assistant, outcome.droppedNow, attachments.notices.length);
        ctx.log.debug(`Chat ${requestId}: ${assistant.usage?.generatedTokens} tokens, ${assistant.stopReason}, prompt ${assistant.usage?.promptTokens} (reused ${assistant.usage?.promptTokensReused}) in ${assistant.timings?.totalMs.toFixed(0)} ms.`);
        return {
          requestId, conversationId, title: updated.title, firstInContext: updated.firstInContext, user, assistant,
          notices: [...attachments.notices, ...(found?.notices ?? []), ...outcome.notices], deltas, ...(repair?.repaired ? { repaired: repair.repaired } : {}),
        };
      });
      queue = turn.catch(() => undefined);
      try {
        return await turn;
      } catch (error) {
        stream.finish();
        if (error instanceof ResponseError) throw error;
        if (error instanceof MessageTooLongError) throw new ResponseError(-32602, error.message);
        ctx.log.warn(`Chat ${requestId} failed: ${(error as Error).stack ?? error}`);
        throw new ResponseError(-32603, `Chat failed: ${(error as Error).message}`);
      } finally {
        dispose();
        running.delete(requestId);
      }
    };

    /** The chunks for a question within `budget` tokens, and a sentence when the search found nothing to send. */
    const searchCodebase = async (query: string, budget: number, countTokens: (text: string) => number) => {
      if (!query.trim()) return { sources: [], notices: ["@workspace needs a question to search the codebase for."] };
      const started = performance.now();
      let hits;
      try {
        hits = await ctx.codebase.search(query, SEARCH_TOP);
      } catch (error) {
        // The question is still answered, without the codebase, and the user is told why.
        ctx.log.warn(`Chat: workspace search failed: ${(error as Error).stack ?? error}`);
        return { sources: [], notices: [`The workspace search failed (${(error as Error).message}), so the answer does not draw on the codebase.`] };
      }
      const sources = fitSources(hits, budget, countTokens);
      ctx.log.debug(`Chat: workspace search found ${hits.length} chunks, sent ${sources.length} in ${(performance.now() - started).toFixed(0)} ms.`);
      return { sources, notices: sources.length ? [] : ["The workspace search found no code for this question, so the answer does not draw on the codebase."] };
    };

    return [
      ctx.metrics.add("chat", () => metrics.snapshot()),
      ctx.connection.onRequest(ChatSendRequest.type, send),
      ctx.connection.onRequest(ChatCancelRequest.type, ({ requestId }) => {
        const controller = running.get(requestId);
        controller?.abort();
        return { cancelled: controller !== undefined };
      }),
      ctx.connection.onRequest(ChatListRequest.type, () => store.list()),
      ctx.connection.onRequest(ChatLoadRequest.type, ({ conversationId }) => store.get(conversationId) ?? null),
      ctx.connection.onRequest(ChatRestoreRequest.type, ({ conversation }) => {
        const problem = invalidConversation(conversation);
        if (problem) throw new ResponseError(-32602, `The conversation cannot be restored: ${problem}.`);
        const firstInContext = Math.min(Math.max(0, conversation.firstInContext | 0), conversation.messages.length);
        return summaryOf(store.put({ ...conversation, title: conversation.title ?? "", firstInContext }));
      }),
      ctx.connection.onRequest(ChatRenameRequest.type, ({ conversationId, title }) => store.rename(conversationId, title)),
      ctx.connection.onRequest(ChatDeleteRequest.type, ({ conversationId }) => store.delete(conversationId)),
      { dispose: () => { for (const controller of running.values()) controller.abort(); } },
    ];
  },
};

/** A conversation's title from its first message: the command, then the words or what is attached. */
function titleFor(user: ChatMessageRecord): string {
  const about = user.text || user.context?.find((c) => c.kind !== "problems")?.label || "";
  const title = user.command && user.command !== "clear" ? [commandPrompts[user.command].title, about].filter(Boolean).join(": ") : about;
  const line = title.replace(/\s+/g, " ").trim() || "New chat";
  return line.length > TITLE_CHARS ? `${line.slice(0, TITLE_CHARS - 1)}…` : line;
}
