import type { ChatCommand } from "./protocol";

const commands: readonly ChatCommand[] = ["explain", "fix", "tests", "doc", "clear"];

/** A chat message split into its slash command (if any) and the words after it. */
export interface ParsedMessage {
  readonly command?: ChatCommand;
  readonly text: string;
}

/**
 * Reads a leading `/explain`, `/fix`, `/tests`, `/doc` or `/clear`. Anything else that starts
 * with a slash (a path such as `/etc/hosts`, say) is ordinary text, so nothing the user meant
 * as a question is swallowed.
 */
export function parseSlashCommand(input: string): ParsedMessage {
  const match = /^\s*\/([a-z]+)(?=\s|$)\s*/i.exec(input);
  const name = match?.[1]?.toLowerCase();
  if (!match || !name || !(commands as readonly string[]).includes(name)) return { text: input.trim() };
  return { command: name as ChatCommand, text: input.slice(match[0].length).trim() };
}
