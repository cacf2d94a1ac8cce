/**
 * Turns stored conversation messages into the chat messages the model reads. The output depends
 * only on the messages and on where the context window starts, so an unchanged conversation
 * renders to the same tokens every time and the engine reuses them from its KV cache.
 */
import type { ChatMessage } from "../engine/types";
import type { ChatContextItem, ChatMessageRecord } from "../../common/protocol";
import { renderSources } from "./workspaceSources";
import { attachmentHeading, commandPrompts, droppedTurnsNote, systemPrompt, unchangedAttachmentNote } from "./prompts";

/** How many dropped questions the reminder names, and how long each may be. */
const NOTE_QUESTIONS = 3;
const NOTE_QUESTION_CHARS = 60;

/** The whole prompt for a conversation whose context window starts at `firstInContext`. */
export function renderTurns(messages: readonly ChatMessageRecord[], firstInContext: number): ChatMessage[] {
  const dropped = messages.slice(0, firstInContext).filter((m) => m.role === "user");
  const system = dropped.length ? `${systemPrompt}\n\n${droppedTurnsNote(dropped.slice(-NOTE_QUESTIONS).map(questionOf), dropped.length)}` : systemPrompt;
  const out: ChatMessage[] = [{ role: "system", content: system }];
  const seen = new Map<string, string>();
  for (const message of messages.slice(firstInContext)) {
    if (message.role === "assistant") out.push({ role: "assistant", content: message.text });
    else out.push({ role: "user", content: userContent(message, seen) });
  }
  return out;
}

/** A user message as the model reads it: the request, then each attachment once. */
export function userContent(message: ChatMessageRecord, seen: Map<string, string> = new Map()): string {
  const parts: string[] = [requestOf(message)];
  for (const item of message.context ?? []) {
    const key = `${item.kind}|${item.uri ?? item.label}|${JSON.stringify(item.range ?? null)}`;
    if (seen.get(key) === item.text) {
      parts.push(unchangedAttachmentNote(item.label));
      continue;
    }
    seen.set(key, item.text);
    parts.push(renderAttachment(item));
  }
  // What a workspace search found comes last, nearest the answer that should cite it.
  if (message.sources?.length) parts.push(renderSources(message.sources));
  return parts.join("\n\n");
}

/** The request part of a user message: the command's instruction with the user's words below it. */
function requestOf(message: ChatMessageRecord): string {
  if (!message.command || message.command === "clear") return message.text;
  const prompt = commandPrompts[message.command];
  const hasProblems = message.context?.some((c) => c.kind === "problems" && c.text.trim()) ?? false;
  const instruction = message.command === "fix" && !hasProblems && prompt.fallback ? prompt.fallback : prompt.instruction;
  return message.text ? `${instruction}\n\n${message.text}` : instruction;
}

/** One attachment under a heading; code goes in a fence longer than any backtick run inside it. */
export function renderAttachment(item: ChatContextItem): string {
  const heading = attachmentHeading(item.kind, item.label);
  if (item.kind === "problems") return `${heading}\n${item.text}`;
  const longest = Math.max(2, ...(item.text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${heading}\n${fence}${item.languageId ?? ""}\n${item.text.replace(/\n$/, "")}\n${fence}`;
}

/** A short form of a user message for the reminder of dropped turns. */
function questionOf(message: ChatMessageRecord): string {
  const words = message.command ? `/${message.command}${message.text ? ` ${message.text}` : ""}` : message.text;
  const labels = (message.context ?? []).filter((c) => c.kind !== "problems").map((c) => c.label);
  const line = `${words}${labels.length ? ` (about ${labels.join(", ")})` : ""}`.replace(/\s+/g, " ").trim();
  return line.length > NOTE_QUESTION_CHARS ? `${line.slice(0, NOTE_QUESTION_CHARS - 1)}…` : line;
}
