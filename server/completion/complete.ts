/**
 * One inline completion without an editor around it, for `enclave complete`: the same prompt,
 * post-processing and Shield gate as the language server, minus what only makes sense while
 * typing (cache, debounce, prefetch). Aborting returns an empty outcome, never an error.
 */
import { pathToFileURL } from "node:url";
import type { Engine, GenerateResult } from "../engine/types";
import type { EnclaveSettings } from "../../common/settings";
import { defaultScanner } from "../shield/defaultScanner";
import { looksBinary } from "../shield/fileWalker";
import { ContextRing } from "./contextRing";
import { promptWindowOf } from "./documentWindow";
import { pickTemplate } from "./pickTemplate";
import { PromptBuilder } from "./promptBuilder";
import { promptRoomProblem, runModel } from "./runModel";
import { ShieldGate } from "./shieldGate";

export interface CompletionOutcome {
  /** The text to insert at the cursor; empty when there is nothing to show. */
  readonly text: string;
  /** Every suggestion that passed post-processing and Shield (the first is `text`). */
  readonly candidates?: readonly string[];
  readonly result?: GenerateResult;
  /** Why nothing is shown, for logs ("aborted", "model has no FIM tokens", ...). */
  readonly reason?: string;
}

export interface CompleteOptions {
  /** The VS Code language id; without it no grammar is used and Shield does not scan. */
  readonly languageId?: string;
  readonly path?: string;
  /** True asks for `completion.candidates` suggestions, as Alt+] does in the editor. */
  readonly explicit?: boolean;
}

export async function completeAt(engine: Engine, text: string, offset: number, settings: EnclaveSettings, signal?: AbortSignal, options: CompleteOptions = {}): Promise<CompletionOutcome> {
  if (looksBinary(text)) return { text: "", reason: "the file looks binary (a NUL character in its first 8 KiB)" };
  const choice = pickTemplate(engine.model, engine.vocabulary);
  if (!choice.template) return { text: "", reason: choice.problem };
  const noRoom = promptRoomProblem(settings, engine.model.contextSize);
  if (noRoom) return { text: "", reason: noRoom };
  const uri = pathToFileURL(options.path ?? "/untitled").href;
  // Like the server, work on a window around the cursor, never on the whole of a huge file.
  const view = promptWindowOf(text, offset);
  const window = view.text === text ? undefined : { start: view.start, documentLength: text.length, head: view.head, line: lineOf(text, offset) };
  const run = await runModel(
    { uri, languageId: options.languageId ?? "plaintext", text: view.text, offset: view.offset, explicit: options.explicit ?? false, window },
    settings, engine,
    { builder: new PromptBuilder(new ContextRing()), gate: new ShieldGate(() => defaultScanner().scanner), template: choice.template, signal: signal ?? new AbortController().signal },
  );
  const result: GenerateResult = {
    text: run.shown[0] ?? "", stopReason: run.stopReason ?? "maxTokens", promptTokens: run.promptTokens,
    promptTokensEvaluated: run.promptTokensEvaluated, promptTokensReused: run.promptTokensReused,
    generatedTokens: run.generatedTokens, promptMs: run.promptMs, generationMs: run.generationMs,
  };
  if (run.aborted) return { text: "", result, reason: "aborted" };
  const reason = run.shown.length ? undefined : run.heldBack.length ? `Shield held back a suggestion: ${run.heldBack[0]!.cwe} (${run.heldBack[0]!.ruleId})` : "post-processing dropped the model's output";
  return { text: run.shown[0] ?? "", candidates: run.shown, result, reason };
}

/** The 0-based line of an offset. */
function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
