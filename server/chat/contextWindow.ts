/**
 * Keeps a conversation inside the chat sequence's context window. When it no longer fits, the
 * oldest exchanges are left out, and not one at a time: the window start jumps until the prompt
 * is down to three quarters of the budget. Each jump changes the prompt's beginning and costs a
 * full re-evaluation (seconds on a CPU), so jumping far means the next several turns again reuse
 * the cached prefix instead of paying that price on every turn.
 */
import type { ChatMessage } from "../engine/types";
import type { ChatMessageRecord } from "../../common/protocol";
import { renderTurns } from "./renderTurns";

/** After a drop the prompt should take at most this share of the budget. */
const LOW_WATER = 0.75;

export interface FittedPrompt {
  readonly messages: ChatMessage[];
  readonly tokens: number;
  /** Where the context window starts now (never earlier than before). */
  readonly firstInContext: number;
  /** User messages left out by this call (0 when the window did not move). */
  readonly droppedNow: number;
  /** False when even the newest message alone is over the budget. */
  readonly fits: boolean;
}

/**
 * Renders `messages` (the last one is the user message being answered) so that the prompt takes
 * at most `budget` tokens as counted by `count`.
 */
export function fitToContext(
  messages: readonly ChatMessageRecord[], firstInContext: number, budget: number,
  count: (messages: readonly ChatMessage[]) => number,
): FittedPrompt {
  const render = (start: number): { messages: ChatMessage[]; tokens: number } => {
    const rendered = renderTurns(messages, start);
    return { messages: rendered, tokens: count(rendered) };
  };
  const start = Math.min(Math.max(0, firstInContext), messages.length - 1);
  const first = render(start);
  if (first.tokens <= budget) return { ...first, firstInContext: start, droppedNow: 0, fits: true };

  // Candidate window starts: each later user message, the newest one last.
  const starts: number[] = [];
  for (let i = start + 1; i < messages.length; i++) if (messages[i]!.role === "user") starts.push(i);
  let best = { ...first, firstInContext: start };
  for (const candidate of starts) {
    best = { ...render(candidate), firstInContext: candidate };
    if (best.tokens <= budget * LOW_WATER) break;
  }
  const droppedNow = messages.slice(start, best.firstInContext).filter((m) => m.role === "user").length;
  return { ...best, droppedNow, fits: best.tokens <= budget };
}
