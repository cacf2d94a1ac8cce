/**
 * The secure generation loop for inline completions: when Shield would hold back a suggestion
 * for an error-severity finding, the model is asked once more with the finding as feedback,
 * before the suggestion is given up. The feedback is a comment on the cursor's line, written
 * where the model reads last ("# Shield, line 3: os.system/... (CWE-78); rewrite without it,
 * securely"), and the model writes the line again below it. The prompt above the line is the
 * one just evaluated, so the repair costs the comment's tokens and one short generation.
 */
import type { Engine, GenerateResult, PromptPiece } from "../engine/types";
import { findingTitle } from "../shield/findingTitle";
import { commentMarker } from "./commentMarker";
import type { CursorLine } from "./cursorLine";
import type { GateFinding } from "./shieldGate";

/** The repair's generation stops this long after its first text, whatever the model does. */
const MAX_REPAIR_MS = 3000;

/** The words every feedback comment ends with; the model's answer starts on the next line. */
export const feedbackEnding = "rewrite without it, securely";

/** The feedback sentence for one finding on a 0-based document line. */
export function repairFeedback(finding: GateFinding, line: number): string {
  return `Shield, line ${line + 1}: ${findingTitle(finding.cwe, finding.message)}; ${feedbackEnding}`;
}

/**
 * The repair prompt: the completion prompt with the cursor's line replaced by the feedback
 * comment (at the line's indentation). Every template ends with the cursor's line (`{line}`),
 * so only that tail changes and the KV cache keeps the rest.
 */
export function repairPrompt(prompt: readonly PromptPiece[], cursor: CursorLine, languageId: string, feedback: string): PromptPiece[] {
  const indent = /^[ \t]*/.exec(cursor.linePrefix)![0];
  const tail = `${indent}${commentMarker(languageId)} ${feedback}`;
  const pieces = [...prompt];
  const last = pieces.at(-1);
  if (typeof last === "string" && last.endsWith(cursor.linePrefix)) pieces[pieces.length - 1] = last.slice(0, last.length - cursor.linePrefix.length) + tail;
  else pieces.push(tail);
  return pieces;
}

/**
 * The suggestion in the model's answer: the line it wrote after the comment, less what the user
 * already typed on the cursor's line. Undefined when the new line does not continue what was
 * typed (an inline suggestion can only add text at the cursor).
 */
export function repairedSuggestion(answer: string, cursor: CursorLine, multiLine: boolean): string | undefined {
  const body = answer.replace(/^[ \t]*\r?\n/, "").replace(/^(?:[ \t]*\r?\n)+/, "");
  const code = multiLine ? body : body.split("\n")[0]!;
  if (!code.startsWith(cursor.linePrefix)) return undefined;
  const suggestion = code.slice(cursor.linePrefix.length);
  return suggestion.trim() ? suggestion : undefined;
}

export interface RepairRequest {
  readonly engine: Engine;
  readonly prompt: readonly PromptPiece[];
  readonly cursor: CursorLine;
  readonly languageId: string;
  readonly multiLine: boolean;
  readonly stop: readonly string[];
  readonly maxTokens: number;
  readonly reusePrefix: boolean;
  readonly signal: AbortSignal;
}

/** One repair generation for `finding`; the suggestion it yields, if any, still has to pass the gate. */
export async function repairOnce(request: RepairRequest, finding: GateFinding): Promise<{ result: GenerateResult; suggestion?: string }> {
  const enough = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let newlines = 0;
  try {
    const result = await request.engine.generate({
      sequence: "completion",
      prompt: repairPrompt(request.prompt, request.cursor, request.languageId, repairFeedback(finding, request.cursor.line)),
      maxTokens: request.maxTokens,
      temperature: 0,
      stop: request.stop,
      signal: AbortSignal.any([request.signal, enough.signal]),
      reusePrefix: request.reusePrefix,
      onText: (chunk) => {
        timer ??= setTimeout(() => enough.abort(), MAX_REPAIR_MS);
        // A single-line repair is done once the line after the comment is written.
        for (const ch of chunk) {
          if (ch !== "\n") started = true;
          else if (started && !request.multiLine && ++newlines >= 1) enough.abort();
        }
      },
    });
    if (request.signal.aborted) return { result };
    return { result, suggestion: repairedSuggestion(result.text, request.cursor, request.multiLine) };
  } finally {
    clearTimeout(timer);
  }
}
