/**
 * The one reading of slash commands, used by the server (server/chat), the extension
 * (src/chat) and the chat webview (media/chat/composer.ts), so "/fix-it now" means the same
 * everywhere: a command is `/` and a known name followed by whitespace or the end, nothing else.
 * This file imports nothing, so the webview bundle can use it as it is.
 */

/** A slash command of the chat. */
export type ChatCommand = "explain" | "fix" | "tests" | "doc" | "clear";

/** Every command, with the line the composer's suggestions show for it. */
export const SLASH_COMMANDS: ReadonlyArray<{ readonly name: ChatCommand; readonly detail: string }> = [
  { name: "explain", detail: "Explain the selected code" },
  { name: "fix", detail: "Fix the problems in the selection, Shield's included" },
  { name: "tests", detail: "Write unit tests for the selection" },
  { name: "doc", detail: "Write documentation comments for the selection" },
  { name: "clear", detail: "Start a new conversation" },
];

const names: readonly string[] = SLASH_COMMANDS.map((c) => c.name);

/** A chat message split into its slash command (if any) and the words after it. */
export interface ParsedMessage {
  readonly command?: ChatCommand;
  readonly text: string;
}

/**
 * Reads a leading `/explain`, `/fix`, `/tests`, `/doc` or `/clear`. Anything else that starts
 * with a slash (a path such as `/etc/hosts`, or `/fix-it`) is ordinary text, so nothing the user
 * meant as a question is swallowed.
 */
export function parseSlashCommand(input: string): ParsedMessage {
  const match = /^\s*\/([a-z]+)(?=\s|$)\s*/i.exec(input);
  const name = match?.[1]?.toLowerCase();
  if (!match || !name || !names.includes(name)) return { text: input.trim() };
  return { command: name as ChatCommand, text: input.slice(match[0].length).trim() };
}

/**
 * The commands a message being typed may still become: while the whole input is `/` and the
 * start of a name (`/fi`), the commands with that prefix; otherwise none.
 */
export function slashCompletions(input: string): ChatCommand[] {
  const match = /^\s*\/([a-z]*)$/i.exec(input);
  if (!match) return [];
  const typed = match[1]!.toLowerCase();
  return SLASH_COMMANDS.map((c) => c.name).filter((n) => n.startsWith(typed));
}
