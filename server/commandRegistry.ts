import { ErrorCodes, ResponseError, type Connection, type Disposable } from "vscode-languageserver/node";

/** Runs one `workspace/executeCommand` command with the arguments the client sent. */
export type CommandHandler = (args: readonly unknown[]) => unknown;

/**
 * A connection takes one `workspace/executeCommand` handler: a second `onExecuteCommand`
 * silently replaces the first. So, beside the code-action registry, this registry owns that
 * handler; features add their commands here, and the server capabilities list exactly the
 * commands added.
 */
export class CommandRegistry {
  private readonly handlers = new Map<string, CommandHandler>();

  /** Adds a command; two features claiming one command name is a bug, so it throws. */
  add(command: string, handler: CommandHandler): Disposable {
    if (this.handlers.has(command)) throw new Error(`The command ${command} is registered twice.`);
    this.handlers.set(command, handler);
    return { dispose: () => this.handlers.delete(command) };
  }

  /** The commands to announce in `executeCommandProvider`. */
  get commands(): string[] {
    return [...this.handlers.keys()];
  }

  listen(connection: Connection): Disposable {
    return connection.onExecuteCommand(async (params) => {
      const handler = this.handlers.get(params.command);
      if (!handler) throw new ResponseError(ErrorCodes.InvalidParams, `The Enclave server has no command ${params.command}.`);
      return (await handler(params.arguments ?? [])) ?? null;
    });
  }
}
