import type { CodeAction, CodeActionParams, Command, Connection, Disposable } from "vscode-languageserver/node";

/** Something that offers code actions for a range (Shield's quick fixes, chat's "Explain", ...). */
export type CodeActionProvider = (params: CodeActionParams) => Array<CodeAction | Command> | Promise<Array<CodeAction | Command>>;

/**
 * A connection takes one `textDocument/codeAction` handler; several features offer actions, so
 * this registry owns that handler and asks every provider, in registration order.
 */
export class CodeActionRegistry {
  private readonly providers = new Set<CodeActionProvider>();

  add(provider: CodeActionProvider): Disposable {
    this.providers.add(provider);
    return { dispose: () => this.providers.delete(provider) };
  }

  listen(connection: Connection): Disposable {
    return connection.onCodeAction(async (params) => {
      const all: Array<CodeAction | Command> = [];
      for (const provider of this.providers) all.push(...(await provider(params)));
      return all;
    });
  }
}
