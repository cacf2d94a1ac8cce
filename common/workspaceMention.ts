/**
 * The one reading of `@workspace` in a chat message, used by the server (which searches the
 * codebase and leaves the word out of what the model reads) and the webview (which shows the
 * mention as a badge). A mention is `@workspace` at the start of the message or after
 * whitespace, ended by whitespace, punctuation or the end, in any letter case. This file
 * imports nothing, so the webview bundle can use it as it is.
 */

export const WORKSPACE_MENTION = "@workspace";

export interface MentionedMessage {
  /** The message without its mentions, spaces tidied. */
  readonly text: string;
  /** True when the message mentioned @workspace at least once. */
  readonly workspace: boolean;
}

const MENTION = /(^|\s)@workspace(?=$|[\s.,;:!?)])/gi;

export function parseWorkspaceMention(input: string): MentionedMessage {
  let workspace = false;
  const text = input.replace(MENTION, (all: string, before: string, offset: number) => {
    workspace = true;
    // "where is X, @workspace?" becomes "where is X,?": no space is left before punctuation.
    return /[.,;:!?)]/.test(input[offset + all.length] ?? "") ? "" : before;
  });
  return { text: workspace ? text.replace(/[ \t]{2,}/g, " ").trim() : input, workspace };
}
