/**
 * The "Chat" webview view in the Enclave side bar. It serves the HTML and routes what the
 * webview asks for to the controller; prompts that belong to VS Code (rename, delete, pick a
 * file) are shown here, by the host, so they are native and keyboard-usable.
 */
import * as vscode from "vscode";
import type { WebviewMessage } from "../../media/chat/messages";
import type { ChatController } from "./chatController";
import { chatHtml, makeNonce } from "./chatHtml";
import { pickFileToAttach } from "./pickFile";

export const CHAT_VIEW_ID = "enclave.chat";

export class ChatViewProvider implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly controller: ChatController) {}

  /** Whether the view is resolved and visible (tests and commands check it). */
  get visible(): boolean {
    return this.view?.visible ?? false;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const media = vscode.Uri.joinPath(this.extensionUri, "media");
    const dist = vscode.Uri.joinPath(this.extensionUri, "dist");
    view.webview.options = { enableScripts: true, localResourceRoots: [media, dist] };
    view.webview.html = chatHtml({
      cspSource: view.webview.cspSource,
      scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(dist, "webview.js")).toString(),
      styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(media, "chat", "chat.css")).toString(),
      codiconUri: view.webview.asWebviewUri(vscode.Uri.joinPath(dist, "codicons", "codicon.css")).toString(),
      nonce: makeNonce(),
    });
    const received = view.webview.onDidReceiveMessage((message: WebviewMessage) => {
      this.receive(message).catch((error: unknown) => this.controller.show({ type: "toast", text: `Enclave: ${(error as Error).message}` }));
    });
    view.onDidDispose(() => {
      received.dispose();
      this.controller.detach();
      this.view = undefined;
    });
  }

  private async receive(message: WebviewMessage): Promise<void> {
    const c = this.controller;
    switch (message?.type) {
      case "ready": return c.attach((m) => void this.view?.webview.postMessage(m));
      case "send": if (typeof message.text === "string") await c.send(message.text, undefined, message.searchWorkspace === true); return;
      case "stop": return c.stop();
      case "newChat": return c.newChat();
      case "openConversation": await c.open(String(message.id)); return;
      case "renameConversation": return this.rename(String(message.id));
      case "deleteConversation": return this.delete(String(message.id));
      case "removeContext": return c.context.remove(String(message.id));
      case "addFile": {
        const uri = await pickFileToAttach();
        if (uri) c.context.pin(uri);
        return;
      }
      case "selectModel": await vscode.commands.executeCommand("enclave.selectModel"); return;
      case "codeAction": await c.codeAction(message.action, String(message.messageId), Number(message.blockIndex)); return;
      case "openSource": {
        const opened = await c.openSource(String(message.messageId), String(message.path), Number(message.startLine), Number(message.endLine));
        if (!opened) c.show({ type: "toast", text: `${String(message.path)} is not among the sources this answer was given.` });
        return;
      }
    }
  }

  private async rename(id: string): Promise<void> {
    const current = (await this.controller.history.list()).find((s) => s.id === id);
    if (!current) return;
    const title = await vscode.window.showInputBox({ title: "Rename conversation", value: current.title, prompt: "A new name for this conversation" });
    if (title === undefined) return;
    await this.controller.history.rename(id, title);
    await this.controller.refreshCurrent();
  }

  private async delete(id: string): Promise<void> {
    const current = (await this.controller.history.list()).find((s) => s.id === id);
    if (!current) return;
    const choice = await vscode.window.showWarningMessage(`Delete the conversation "${current.title || "New chat"}"?`, { modal: true, detail: "It is removed from this workspace's chat history." }, "Delete");
    if (choice !== "Delete") return;
    await this.controller.history.delete(id);
    await this.controller.refreshCurrent();
  }
}
