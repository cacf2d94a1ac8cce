/**
 * VS Code's storage for chat history: one JSON file per conversation in the extension's
 * workspace storage folder (`context.storageUri/chat/`), written through `workspace.fs`. A window
 * without a folder has no workspace storage folder; there the history lives in workspaceState.
 * Nothing is written anywhere else.
 */
import * as vscode from "vscode";
import type { ChatStorage } from "./chatHistory";

/** Conversation ids are UUIDs from the server; anything else is refused as a file name. */
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;

export function chatStorageFor(context: vscode.ExtensionContext): { storage: ChatStorage; where: string } {
  if (context.storageUri) {
    const dir = vscode.Uri.joinPath(context.storageUri, "chat");
    return { storage: new FileChatStorage(dir), where: dir.toString() };
  }
  return { storage: new MementoChatStorage(context.workspaceState), where: "workspaceState" };
}

class FileChatStorage implements ChatStorage {
  constructor(private readonly dir: vscode.Uri) {}

  async ids(): Promise<string[]> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.dir);
      return entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith(".json")).map(([name]) => name.slice(0, -5));
    } catch {
      return [];
    }
  }

  async read(id: string): Promise<unknown> {
    const bytes = await vscode.workspace.fs.readFile(this.file(id));
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  async write(id: string, value: unknown): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.dir);
    // Write beside, then rename over: a crash mid-write never leaves half a conversation.
    const temporary = vscode.Uri.joinPath(this.dir, `${id}.json.tmp`);
    await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(JSON.stringify(value)));
    await vscode.workspace.fs.rename(temporary, this.file(id), { overwrite: true });
  }

  async delete(id: string): Promise<void> {
    await vscode.workspace.fs.delete(this.file(id)).then(undefined, () => undefined);
  }

  private file(id: string): vscode.Uri {
    if (!SAFE_ID.test(id)) throw new Error(`Not a conversation id: ${JSON.stringify(id)}`);
    return vscode.Uri.joinPath(this.dir, `${id}.json`);
  }
}

class MementoChatStorage implements ChatStorage {
  private static readonly KEY = "enclave.chat.conversations";

  constructor(private readonly memento: vscode.Memento) {}

  private all(): Record<string, unknown> {
    return this.memento.get<Record<string, unknown>>(MementoChatStorage.KEY) ?? {};
  }

  async ids(): Promise<string[]> {
    return Object.keys(this.all());
  }

  async read(id: string): Promise<unknown> {
    return this.all()[id];
  }

  async write(id: string, value: unknown): Promise<void> {
    await this.memento.update(MementoChatStorage.KEY, { ...this.all(), [id]: value });
  }

  async delete(id: string): Promise<void> {
    const { [id]: _gone, ...rest } = this.all();
    await this.memento.update(MementoChatStorage.KEY, rest);
  }
}
