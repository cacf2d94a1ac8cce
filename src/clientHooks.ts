/**
 * The one place where handlers are attached to the language client. A hook runs for the client
 * that exists now and for every client created later (after a failed start, or a restart by the
 * user after the server was given up on); what it returns is disposed with that client. So no
 * feature misses a client because it registered before, or after, a particular start.
 */
import type * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";

export type ClientHook = (client: LanguageClient) => vscode.Disposable | readonly vscode.Disposable[] | void;

export class ClientHooks implements vscode.Disposable {
  private readonly hooks = new Set<ClientHook>();
  private client: LanguageClient | undefined;
  /** What each hook attached to the current client, disposed when the client goes. */
  private attached = new Map<ClientHook, vscode.Disposable[]>();

  /** Adds a hook; it runs at once for the current client. Disposing removes it (and what it attached). */
  add(hook: ClientHook): vscode.Disposable {
    this.hooks.add(hook);
    if (this.client) this.run(hook, this.client);
    return {
      dispose: () => {
        this.hooks.delete(hook);
        for (const d of this.attached.get(hook) ?? []) d.dispose();
        this.attached.delete(hook);
      },
    };
  }

  /** A new client exists: every hook runs for it. */
  attach(client: LanguageClient): void {
    this.detach();
    this.client = client;
    for (const hook of this.hooks) this.run(hook, client);
  }

  /** The client is gone (stopped for good, failed to start, disposed): its handlers go with it. */
  detach(): void {
    for (const list of this.attached.values()) for (const d of list) d.dispose();
    this.attached = new Map();
    this.client = undefined;
  }

  private run(hook: ClientHook, client: LanguageClient): void {
    const result = hook(client);
    const list = result === undefined ? [] : Array.isArray(result) ? [...result] : [result as vscode.Disposable];
    this.attached.set(hook, list);
  }

  dispose(): void {
    this.detach();
    this.hooks.clear();
  }
}
