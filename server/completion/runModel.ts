/**
 * One model-backed completion: read the syntax facts, build the prompt, generate candidates,
 * post-process and gate them. Shared by requests, speculative prefetches and the CLI, so all
 * three show exactly the same thing for the same document and position.
 */
import type { Engine } from "../engine/types";
import type { EnclaveSettings } from "../../common/settings";
import { cursorLine } from "./cursorLine";
import { generateCandidates, type CandidateOutcome } from "./generateCandidates";
import { postprocess } from "./postprocess";
import type { FilterContext } from "./postprocess/filterContext";
import type { Budgets, PromptBuilder } from "./promptBuilder";
import type { CompletionGate } from "./shieldGate";
import { loadSyntax, parsesCleanly, readSyntax, type CompletionMode } from "./syntaxFacts";
import type { FimTemplate } from "./templates";

export interface ModelInput {
  readonly uri: string;
  readonly languageId: string;
  readonly text: string;
  readonly offset: number;
  readonly explicit: boolean;
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
  const facts = readSyntax(cursor, input.languageId);
  const prompt = options.builder.build({ uri: input.uri, languageId: input.languageId, cursor, facts }, engine, options.template, budgetsFor(settings, engine.model.contextSize));
  const contextMs = performance.now() - started;
  // Every model, the demo model included, goes through the same filters: tests and benchmarks
  // then measure the pipeline users get.
  const filterContext: FilterContext = {
    cursor, mode: facts.mode, maxLines: settings["completion.maxLines"], parsedBefore: facts.parses,
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
  });
  return { ...outcome, contextMs, mode: facts.mode };
}
