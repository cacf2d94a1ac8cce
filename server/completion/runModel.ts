/**
 * One model-backed completion: read the syntax facts, build the prompt, generate candidates,
 * post-process and gate them. Shared by requests, speculative prefetches and the CLI, so all
 * three show exactly the same thing for the same document and position.
 */
import type { Engine } from "../engine/types";
import type { EnclaveSettings } from "../../common/settings";
import { cursorLine } from "./cursorLine";
import { syntaxViewOf } from "./documentWindow";
import { generateCandidates, type CandidateOutcome } from "./generateCandidates";
import { postprocess } from "./postprocess";
import type { FilterContext } from "./postprocess/filterContext";
import type { Budgets, PromptBuilder } from "./promptBuilder";
import type { CompletionGate } from "./shieldGate";
import { repairOnce } from "./shieldRepair";
import { loadSyntax, parsesCleanly, readSyntax, type CompletionMode } from "./syntaxFacts";
import type { FimTemplate } from "./templates";

export interface ModelInput {
  readonly uri: string;
  readonly languageId: string;
  readonly text: string;
  readonly offset: number;
  readonly explicit: boolean;
  /**
   * Set when `text` is a window of a larger document (documentWindow.ts): where the window
   * starts, the document's length and first lines, and the cursor's 0-based line in it.
   */
  readonly window?: { readonly start: number; readonly documentLength: number; readonly head?: string; readonly line: number };
}

export interface ModelRun extends CandidateOutcome {
  readonly contextMs: number;
  readonly mode: CompletionMode;
}

/** Room the template's own tokens and file headers take, beside the three budgets. */
const TEMPLATE_OVERHEAD = 64;

/** The three budgets, scaled down together when they would not fit the context with the generation. */
export function budgetsFor(settings: EnclaveSettings, contextSize: number): Budgets {
  const wanted = { prefixTokens: settings["completion.prefixTokens"], suffixTokens: settings["completion.suffixTokens"], contextTokens: settings["completion.contextTokens"] };
  const room = contextSize - settings["completion.maxTokens"] - TEMPLATE_OVERHEAD;
  const total = wanted.prefixTokens + wanted.suffixTokens + wanted.contextTokens;
  if (total <= room) return wanted;
  const scale = Math.max(0, room) / total;
  return { prefixTokens: Math.floor(wanted.prefixTokens * scale), suffixTokens: Math.floor(wanted.suffixTokens * scale), contextTokens: Math.floor(wanted.contextTokens * scale) };
}

/** The least prompt budget a completion is worth making for. */
const MIN_PROMPT_TOKENS = 16;

/**
 * Why no prompt fits at all, or undefined when one does: the generation takes the whole
 * context, so the advice is about the two settings that share it.
 */
export function promptRoomProblem(settings: EnclaveSettings, contextSize: number): string | undefined {
  const maxTokens = settings["completion.maxTokens"];
  if (contextSize - maxTokens - TEMPLATE_OVERHEAD >= MIN_PROMPT_TOKENS) return undefined;
  return `enclave.completion.maxTokens (${maxTokens}) leaves no room for a prompt in the model's context of ${contextSize} tokens; lower enclave.completion.maxTokens or raise enclave.contextSize.`;
}

export interface ModelRunOptions {
  readonly builder: PromptBuilder;
  readonly gate: CompletionGate;
  readonly template: FimTemplate;
  readonly existing?: readonly string[];
  readonly signal: AbortSignal;
}

export async function runModel(input: ModelInput, settings: EnclaveSettings, engine: Engine, options: ModelRunOptions): Promise<ModelRun> {
  const started = performance.now();
  await loadSyntax(input.languageId);
  const cursor = cursorLine(input.text, input.offset);
  const view = syntaxViewOf(input.text, input.offset);
  const facts = readSyntax(cursor, input.languageId, input.window?.head, view);
  const prompt = options.builder.build({ uri: input.uri, languageId: input.languageId, cursor, facts }, engine, options.template, budgetsFor(settings, engine.model.contextSize));
  const contextMs = performance.now() - started;
  // Every model, the demo model included, goes through the same filters: tests and benchmarks
  // then measure the pipeline users get.
  const filterContext: FilterContext = {
    cursor, mode: facts.mode, maxLines: settings["completion.maxLines"], parsedBefore: facts.parses,
    parseWindow: { text: view.text, offset: view.offset },
    parses: (text) => parsesCleanly(text, input.languageId),
  };
  const shieldMode = settings["shield.completions"];
  const outcome = await generateCandidates({
    engine, prompt, mode: facts.mode, stop: options.template.stop,
    maxTokens: settings["completion.maxTokens"], maxLines: settings["completion.maxLines"], temperature: settings["completion.temperature"],
    count: input.explicit ? settings["completion.candidates"] : 1, explicit: input.explicit, existing: options.existing,
    reusePrefix: settings["completion.reuse"], signal: options.signal,
    filter: (raw) => postprocess(raw, filterContext).text,
    gate: (text) => options.gate.check({ languageId: input.languageId, text: input.text, offset: input.offset, insert: text }, shieldMode),
    // Only a suggestion that would be held back is worth a second question to the model.
    repair: shieldMode !== "block" ? undefined : (finding) => repairOnce({
      engine, prompt, cursor, languageId: input.languageId, multiLine: facts.mode === "multi", stop: options.template.stop,
      maxTokens: settings["completion.maxTokens"], reusePrefix: settings["completion.reuse"], signal: options.signal,
    }, finding),
  });
  return { ...outcome, contextMs, mode: facts.mode };
}
