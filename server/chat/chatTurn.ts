/**
 * One exchange of a conversation: fit the conversation into the context window, run the model on
 * the chat sequence, and describe the answer with its token counts and timings.
 */
import { randomUUID } from "node:crypto";
import type { Engine } from "../engine/types";
import type { ChatMessageRecord } from "../../common/protocol";
import { fitToContext } from "./contextWindow";

export interface TurnRequest {
  readonly engine: Engine;
  /** The conversation so far, without the new user message. */
  readonly history: readonly ChatMessageRecord[];
  readonly firstInContext: number;
  readonly user: ChatMessageRecord;
  readonly maxTokens: number;
  readonly temperature: number;
  readonly signal: AbortSignal;
  readonly onText: (chunk: string) => void;
  /** When the request arrived (performance.now()), so timings include waiting for the sequence. */
  readonly startedAt: number;
}

export interface TurnOutcome {
  readonly assistant: ChatMessageRecord;
  readonly firstInContext: number;
  /** User messages this turn left out of the context window. */
  readonly droppedNow: number;
  readonly notices: string[];
}

/** Raised when the newest message alone does not fit the context window. */
export class MessageTooLongError extends Error {}

/** The share of the context window kept free for the answer, at most. */
const ANSWER_SHARE = 0.25;

export async function runTurn(request: TurnRequest): Promise<TurnOutcome> {
  const { engine, user } = request;
  const contextSize = engine.model.contextSize;
  const reserve = Math.min(request.maxTokens, Math.floor(contextSize * ANSWER_SHARE));
  const budget = contextSize - reserve - 8;
  const messages = [...request.history, user];
  const fitted = fitToContext(messages, request.firstInContext, budget, (m) => engine.countChatTokens(m));
  if (!fitted.fits) {
    throw new MessageTooLongError(`This message and its attachments take ${fitted.tokens} tokens, more than the ${budget} the ${contextSize}-token context window leaves for a prompt; attach less, or raise enclave.contextSize.`);
  }
  const result = await engine.chat({
    messages: fitted.messages, maxTokens: request.maxTokens, temperature: request.temperature,
    signal: request.signal, onText: request.onText,
  });
  const notices: string[] = [];
  if (fitted.droppedNow > 0) {
    const n = fitted.droppedNow;
    notices.push(`The ${n === 1 ? "oldest exchange" : `${n} oldest exchanges`} no longer fit the model's ${contextSize}-token context window and ${n === 1 ? "was" : "were"} left out; the model still sees ${n === 1 ? "its question" : "their questions"} in one line.`);
  }
  if (result.stopReason === "maxTokens") notices.push(`The answer was cut at ${result.generatedTokens} tokens (enclave.chat.maxTokens or the context window).`);
  const assistant: ChatMessageRecord = {
    id: randomUUID(), role: "assistant", text: result.text, createdAt: Date.now(), stopReason: result.stopReason,
    usage: {
      promptTokens: result.promptTokens, promptTokensEvaluated: result.promptTokensEvaluated,
      promptTokensReused: result.promptTokensReused, generatedTokens: result.generatedTokens, contextSize,
    },
    timings: { promptMs: result.promptMs, generationMs: result.generationMs, totalMs: performance.now() - request.startedAt },
  };
  return { assistant, firstInContext: fitted.firstInContext, droppedNow: fitted.droppedNow, notices };
}
