/**
 * The extension's side of `enclave/edit/*`: starts an edit and routes its streamed deltas to the
 * caller (in order, by seq), cancels it, and asks for the region an edit at the cursor rewrites.
 * A server that goes away mid-edit (crash, restart) rejects the start: the caller restores.
 */
import type * as vscode from "vscode";
import { State, type LanguageClient } from "vscode-languageclient/node";
import {
  EditCancelRequest, EditDeltaNotification, EditRegionRequest, EditStartRequest,
  type ChatRange, type EditRegionResult, type EditStartParams, type EditStartResult,
} from "../../common/protocol";

export class EditServer {
  private readonly streams = new Map<string, (text: string) => void>();

  constructor(private readonly client: () => Promise<LanguageClient>) {}

  /** The delta handler; the extension attaches it to every client (ctx.onClient). */
  attach(client: LanguageClient): vscode.Disposable {
    // JSON-RPC over one pipe keeps the deltas in seq order; the final proposal is authoritative
    // anyway (the preview is redrawn from it), so a late delta of a finished edit is dropped.
    return client.onNotification(EditDeltaNotification.type, ({ editId, text }) => this.streams.get(editId)?.(text));
  }

  /**
   * Runs one edit; `onDelta` gets each delta's lines. Rejects when the server stops during the
   * edit (the client's state leaves Running), so a caller is never left waiting for a dead server.
   */
  async start(params: EditStartParams, onDelta: (text: string) => void): Promise<EditStartResult> {
    const client = await this.client();
    this.streams.set(params.editId, onDelta);
    let stateChange: vscode.Disposable | undefined;
    try {
      const stopped = new Promise<never>((_resolve, reject) => {
        stateChange = client.onDidChangeState((event) => {
          if (event.newState !== State.Running) reject(new Error("the Enclave server stopped during the edit"));
        });
      });
      return await Promise.race([client.sendRequest(EditStartRequest.type, params), stopped]);
    } finally {
      stateChange?.dispose();
      this.streams.delete(params.editId);
    }
  }

  /** Stops a running edit; false when the server no longer knew it (or is gone). */
  async cancel(editId: string): Promise<boolean> {
    this.streams.delete(editId);
    try {
      const client = await this.client();
      return (await client.sendRequest(EditCancelRequest.type, { editId })).cancelled;
    } catch {
      return false;
    }
  }

  /** The enclosing function/block of a position, or with `fix` the statement around that problem's range, as whole lines. */
  async region(uri: string, position: { line: number; character: number }, fix?: ChatRange): Promise<EditRegionResult> {
    const client = await this.client();
    return client.sendRequest(EditRegionRequest.type, { uri, position, ...(fix ? { fix } : {}) });
  }
}
