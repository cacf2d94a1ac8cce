/**
 * Wires the chat into the extension: the side bar view, the history in workspace storage, the
 * editor commands and code actions. Everything registered here is owned by the context, so it
 * all goes away on deactivation. Returns the chat's part of the extension API (tests use it).
 */
import * as vscode from "vscode";
import type { EnclaveContext } from "../ctx";
import { ChatCodeActions } from "./chatCodeActions";
import { ChatController } from "./chatController";
import { ChatHistory } from "./chatHistory";
import { ChatServer } from "./chatServer";
import { chatStorageFor } from "./chatStorage";
import { CHAT_VIEW_ID, ChatViewProvider } from "./chatView";
import { CodeBlockActions } from "./codeBlockActions";
import { ContextCollector, type ChatTarget } from "./contextCollector";
import { FIX_WITH_ENCLAVE_COMMAND, fixWithEnclave, type FixTarget } from "./fixWithEnclave";
import type { InlineEdits } from "./inlineEdits";
import { EditLocateRequest, type EditLocateParams } from "../../common/protocol";

export interface ChatApi {
  readonly controller: ChatController;
  readonly history: ChatHistory;
  /** Where the history is written (a folder URI, or "workspaceState"). */
  readonly storageLocation: string;
  /** A fresh reader of the same storage, as a reloaded window creates one. */
  reopenHistory(): ChatHistory;
  readonly view: ChatViewProvider;
}

const commands = { explain: "/explain", fix: "/fix", tests: "/tests", doc: "/doc" } as const;

/** `edits` is the inline edit's review, which Apply (and so the chat's /fix) goes through. */
export function registerChat(ctx: EnclaveContext, edits: InlineEdits): ChatApi {
  const { storage, where } = chatStorageFor(ctx.extension);
  const history = new ChatHistory(storage);
  const collector = new ContextCollector();
  const server = new ChatServer(() => ctx.ensureClient());
  ctx.onClient((client) => server.attach(client));
  let controller: ChatController | undefined;
  const applyDeps = {
    edits,
    locate: async (params: EditLocateParams) => (await ctx.ensureClient()).sendRequest(EditLocateRequest.type, params),
    log: (line: string) => ctx.log.info(line),
  };
  const actions = new CodeBlockActions(collector, applyDeps, (text) => controller?.show({ type: "toast", text }));
  controller = new ChatController({
    history, server, context: collector, actions, onStatus: ctx.onStatus, status: ctx.modelStatus, log: ctx.log, memento: ctx.extension.workspaceState,
  });
  const chat = controller;
  const view = new ChatViewProvider(ctx.extension.extensionUri, chat);
  const focus = (): Thenable<unknown> => vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);

  ctx.push(
    collector, chat,
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, view),
    vscode.languages.registerCodeActionsProvider({ scheme: "*" }, new ChatCodeActions(), { providedCodeActionKinds: ChatCodeActions.kinds }),
    // The conversation is reset before the view is revealed: the view then opens on the new chat
    // (not the old one for a moment), and what the user types into it comes after the reset.
    vscode.commands.registerCommand("enclave.chat.new", async () => { await chat.newChat(); await focus(); }),
    vscode.commands.registerCommand(FIX_WITH_ENCLAVE_COMMAND, (target: FixTarget) => fixWithEnclave(edits, target)),
    vscode.commands.registerCommand("enclave.chat.history", async () => { await focus(); chat.show({ type: "showHistory" }); }),
    ...Object.entries(commands).map(([name, slash]) => vscode.commands.registerCommand(`enclave.chat.${name}`, async (arg?: unknown) => {
      await focus();
      await chat.send(slash, targetOf(arg));
    })),
  );
  ctx.log.info(`Chat history is kept in ${where}.`);
  void chat.restoreLast().catch((error: unknown) => ctx.log.warn(`The last chat could not be reopened: ${(error as Error).message}`));
  return { controller: chat, history, storageLocation: where, reopenHistory: () => new ChatHistory(chatStorageFor(ctx.extension).storage), view };
}

/** A code action passes `{ uri, range }`; the editor's context menu passes the file's URI only. */
function targetOf(arg: unknown): ChatTarget | undefined {
  const candidate = arg as Partial<ChatTarget> | undefined;
  return candidate?.uri instanceof vscode.Uri && candidate.range instanceof vscode.Range ? { uri: candidate.uri, range: candidate.range } : undefined;
}
