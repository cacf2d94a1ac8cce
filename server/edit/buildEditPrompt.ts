/**
 * Assembles an edit's chat messages from a template (editPrompts.ts) and the document, and sizes
 * the answer. The code around the region is cut to fixed token budgets, counted outward from the
 * region by whole lines: the budgets depend on the model's context only, never on the region's
 * text, so the same region (a follow-up, a retry) gets the same prefix and the KV cache keeps it.
 */
import type { ChatMessage } from "../engine/types";
import { fill, type EditMode, type EditTemplate } from "./editPrompts";

/** Tokens of code above and below the region the model sees, at most (and at most a share of the context). */
export const BEFORE_TOKENS = 1024;
export const AFTER_TOKENS = 384;
const CONTEXT_SHARE_BEFORE = 0.25;
const CONTEXT_SHARE_AFTER = 0.1;
/** Room for an answer that grows (a docstring, error handling): half the region again, plus a little. */
const ANSWER_GROWTH = 1.5;
const ANSWER_SLACK = 128;

export interface EditPromptInput {
  readonly template: EditTemplate;
  /** The document's lines (without line endings). */
  readonly lines: readonly string[];
  readonly startLine: number;
  readonly endLine: number;
  readonly languageId: string;
  readonly path: string;
  readonly mode: EditMode;
  readonly instruction: string;
  /** Earlier rounds, oldest first; the last one's text is what this round refines. */
  readonly previous: readonly { readonly instruction: string; readonly text: string }[];
  /** 1-based line of the diagnostic, for "fix". */
  readonly diagnosticLine?: number;
  readonly contextSize: number;
  countTokens(text: string): number;
  countChatTokens(messages: readonly ChatMessage[]): number;
}

export interface EditPrompt {
  readonly messages: ChatMessage[];
  readonly promptTokens: number;
  /** The answer's token budget; 0 when the region cannot fit the context at all (see `problem`). */
  readonly maxTokens: number;
  readonly problem?: string;
}

export function buildEditPrompt(input: EditPromptInput): EditPrompt {
  const { template, lines, startLine, endLine } = input;
  const withNewlines = (from: number, to: number) => lines.slice(from, to).map((l) => `${l}\n`).join("");
  const region = withNewlines(startLine, endLine + 1);
  const before = linesWithin(lines, startLine - 1, -1, Math.min(BEFORE_TOKENS, Math.floor(input.contextSize * CONTEXT_SHARE_BEFORE)), input.countTokens);
  const after = linesWithin(lines, endLine + 1, 1, Math.min(AFTER_TOKENS, Math.floor(input.contextSize * CONTEXT_SHARE_AFTER)), input.countTokens);
  const fence = input.languageId === "plaintext" ? "" : input.languageId;
  const first = input.previous[0];
  const values = {
    path: input.path, language: input.languageId, fence,
    before: withNewlines(before, startLine), after: withNewlines(endLine + 1, after), region,
    instruction: (first ?? input).instruction, line: String(input.diagnosticLine ?? startLine + 1),
  };
  // A part whose placeholder is empty (no code above, say) is left out whole.
  const parts = template.context.filter((part) => !/\{(before|after)\}/.exec(part) || values[/\{(before|after)\}/.exec(part)![1] as "before" | "after"] !== "");
  const firstUser = parts.map((p) => fill(p, values)).join("") + fill(template.task[input.mode], values);
  const messages: ChatMessage[] = template.systemRole
    ? [{ role: "system", content: template.system }, { role: "user", content: firstUser }]
    : [{ role: "user", content: `${template.system}\n\n${firstUser}` }];
  // Follow-ups: each earlier result is the assistant's answer, each later instruction a user turn.
  const rounds = [...input.previous.map((r) => r.instruction), input.instruction].slice(1);
  input.previous.forEach((round, i) => {
    messages.push({ role: "assistant", content: fill(template.answer, { fence, region: round.text.endsWith("\n") ? round.text : `${round.text}\n` }) });
    messages.push({ role: "user", content: fill(template.followUp, { fence, instruction: rounds[i]! }) });
  });

  const promptTokens = input.countChatTokens(messages);
  const latest = input.previous.at(-1)?.text ?? region;
  const grows = input.countTokens(latest) + (input.mode === "merge" ? input.countTokens(input.instruction) : 0);
  const wanted = Math.ceil(grows * ANSWER_GROWTH) + ANSWER_SLACK;
  const room = input.contextSize - promptTokens - 1;
  if (room < grows + 16) {
    return {
      messages, promptTokens, maxTokens: 0,
      problem: `The region (${endLine - startLine + 1} lines) is too long to rewrite within the model's ${input.contextSize}-token context; select fewer lines or raise enclave.contextSize.`,
    };
  }
  return { messages, promptTokens, maxTokens: Math.min(wanted, room) };
}

/**
 * Walks from line `from` in `step` direction while the lines fit `budget` tokens; returns the
 * index where the kept lines start (going up) or end, exclusive (going down).
 */
function linesWithin(lines: readonly string[], from: number, step: 1 | -1, budget: number, count: (text: string) => number): number {
  let used = 0;
  let i = from;
  for (; i >= 0 && i < lines.length; i += step) {
    used += count(lines[i]!) + 1;
    if (used > budget) break;
  }
  return step === -1 ? i + 1 : i;
}
