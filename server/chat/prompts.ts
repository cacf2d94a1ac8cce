/**
 * The words Enclave says to the model, kept as data in one place so they can be read, reviewed
 * and tuned without touching the code that assembles prompts.
 */
import type { ChatCommand } from "../../common/protocol";

/** Opens every conversation. Short, because every token of it is evaluated on a small CPU. */
export const systemPrompt = [
  "You are Enclave, a coding assistant that runs entirely on the user's machine.",
  "Answer questions about code precisely and briefly, in Markdown.",
  "Put code in fenced code blocks with a language tag, for example ```python.",
  "Write secure code: no hard-coded secrets, no shell commands built from input, parameterised SQL, safe deserialisation, verified TLS.",
].join(" ");

/** A slash command other than /clear: what it asks of the model and how it titles a conversation. */
export interface CommandPrompt {
  /** Used for conversation titles and menus ("Explain", "Fix", ...). */
  readonly title: string;
  /** Replaces the user's words as the request; anything typed after the command is added below it. */
  readonly instruction: string;
  /** Used instead of `instruction` when the command finds nothing it needs (no problems for /fix). */
  readonly fallback?: string;
}

export const commandPrompts: Record<Exclude<ChatCommand, "clear">, CommandPrompt> = {
  explain: {
    title: "Explain",
    instruction: "Explain the attached code: first what it is for, then how it works step by step, then anything surprising, fragile or insecure in it.",
  },
  fix: {
    title: "Fix",
    instruction: "Fix the problems listed below in the attached code. Answer with the corrected code in one fenced code block that can replace the attached code as it is, then explain each change in one sentence.",
    fallback: "No problems were reported for the attached code. Find its most likely bugs or security weaknesses and fix them. Answer with the corrected code in one fenced code block that can replace the attached code as it is, then explain each change in one sentence.",
  },
  tests: {
    title: "Tests",
    instruction: "Write unit tests for the attached code with the test framework the project already uses, or the language's standard one. Cover normal cases, edge cases and errors. Answer with one fenced code block holding a complete test file.",
  },
  doc: {
    title: "Docs",
    instruction: "Write documentation comments for the attached code in the language's usual style (docstrings, JSDoc, Javadoc, ...). Answer with the attached code, unchanged except for the added comments, in one fenced code block.",
  },
};

/** The one-line reminder of turns that no longer fit the context window. */
export function droppedTurnsNote(questions: readonly string[], total: number): string {
  const listed = questions.map((q) => `"${q}"`).join("; ");
  return `Earlier in this conversation, ${total} exchange${total === 1 ? " was" : "s were"} left out to fit the context window. The user had asked: ${listed}.`;
}

/** Says that an attachment is already in the conversation, instead of repeating it. */
export function unchangedAttachmentNote(label: string): string {
  return `(${label} is attached earlier in this conversation, unchanged.)`;
}

/** Heads each attachment in a user message. */
export function attachmentHeading(kind: "selection" | "file" | "problems", label: string): string {
  switch (kind) {
    case "selection": return `Selected code from ${label}:`;
    case "file": return `The file ${label}:`;
    case "problems": return `Problems reported in ${label}:`;
  }
}

/** Heads the chunks a workspace search found; the example shows the citation form the chat turns into links. */
export function workspaceHeading(example: string): string {
  return `Code found in the workspace for this question, each piece under its path and lines. Cite the pieces you use as path:startLine-endLine, for example ${example}.`;
}
