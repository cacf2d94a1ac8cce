/**
 * Answers inline completion requests, editor-independently. Per request, in order: a newer
 * request aborts the older one (or waits for a speculative prefetch made for exactly this
 * position); the suggestion cache answers exact and typed-ahead hits without the model; the
 * adaptive debounce waits for a pause in typing; then the model runs (runModel.ts). After a
 * single-line suggestion is shown, the suggestion that would follow it, if accepted, is
 * prefetched once the user pauses. Aborts are normal: they answer an empty list.
 */
import type { Engine } from "../engine/types";
import { MissingTokenError } from "../engine/errors";
import type { Logger } from "../logger";
import type { CompletionSource, CompletionTimings } from "../../common/protocol";
import type { EnclaveSettings } from "../../common/settings";
import { AdaptiveDebounce, pause } from "./adaptiveDebounce";
import { CompletionCache } from "./completionCache";
import { CompletionStats } from "./completionStats";
import { ContextRing } from "./contextRing";
import { cursorLine } from "./cursorLine";
import { EditTracker } from "./editTracker";
import { pickTemplate, type TemplateChoice } from "./pickTemplate";
import type { DefinitionContext } from "./definitionContext";
import { PromptBuilder } from "./promptBuilder";
import { promptRoomProblem, runModel, type ModelInput, type ModelRun } from "./runModel";
import type { CompletionGate, GateFinding } from "./shieldGate";
import type { FimTemplate } from "./templates";

export type CompletionInput = ModelInput;

export interface CompletionEnvironment {
  readonly settings: () => Promise<EnclaveSettings>;
  readonly engine: () => Promise<Engine | undefined>;
}

export interface CompletionAnswer {
  readonly items: readonly string[];
  readonly timings?: CompletionTimings;
  readonly heldBack?: GateFinding;
  readonly warning?: GateFinding;
  /** The finding a shown suggestion was repaired from (the model's second answer, with feedback). */
  readonly repaired?: GateFinding;
  readonly problem?: string;
  readonly aborted?: boolean;
}

interface Prefetch {
  readonly uri: string;
  /** The document the prefetch completes: the original with the whole suggestion accepted. */
  readonly text: string;
  readonly offset: number;
  /**
   * The text and cursor the suggestion was made for (a window of the document, starting at
   * `start`, of a document `documentLength` long), and the suggestion.
   */
  readonly origin: { readonly text: string; readonly offset: number; readonly suggestion: string; readonly start: number; readonly documentLength: number };
  readonly done: Promise<void>;
  /** Ends the prefetch's idle wait early, because a request is waiting for it. */
  readonly hurry: () => void;
}

const empty: CompletionAnswer = { items: [] };

export class Completer {
  readonly stats = new CompletionStats();
  readonly cache = new CompletionCache();
  readonly debounce = new AdaptiveDebounce();
  readonly ring = new ContextRing();
  readonly tracker: EditTracker;
  private readonly builder: PromptBuilder;
  private readonly templates = new WeakMap<Engine, TemplateChoice>();
  /** The request being answered; a newer request aborts it. */
  private running?: AbortController;
  /** The speculative prefetch; a newer request aborts it unless it asks for exactly its position. */
  private prefetching?: Prefetch & { readonly controller: AbortController };
  private snoozedUntil = 0;

  /** `definitions`: where the definitions of names near the cursor come from (the codebase index), if anywhere. */
  constructor(private readonly gate: CompletionGate, private readonly log: Logger, textOf: (uri: string) => string | undefined, definitions?: DefinitionContext) {
    this.tracker = new EditTracker(this.ring, textOf);
    this.builder = new PromptBuilder(this.ring, definitions);
  }

  /** Pauses automatic completions for `minutes` (0 resumes); returns when they resume, or null. */
  snooze(minutes: number, now = Date.now()): number | null {
    this.snoozedUntil = minutes > 0 ? now + minutes * 60_000 : 0;
    return this.snoozedUntil || null;
  }

  get snoozed(): number | null {
    return this.snoozedUntil > Date.now() ? this.snoozedUntil : null;
  }

  /**
   * Notes an edit: once the document can no longer become the one a prefetch is for (the user
   * typed something other than the suggestion), the prefetch stops instead of using the CPU.
   */
  documentChanged(uri: string, text: string): void {
    const p = this.prefetching;
    if (!p || p.uri !== uri) return;
    const { origin } = p;
    const typed = text.length - origin.documentLength;
    const onTheWay = typed >= 0 && typed <= origin.suggestion.length
      && text.slice(origin.start, origin.start + origin.text.length + typed) === origin.text.slice(0, origin.offset) + origin.suggestion.slice(0, typed) + origin.text.slice(origin.offset);
    if (!onTheWay) p.controller.abort();
  }

  async complete(input: CompletionInput, env: CompletionEnvironment, signal: AbortSignal): Promise<CompletionAnswer> {
    const started = performance.now();
    this.stats.requests++;
    const pending = this.prefetching;
    const joining = pending !== undefined && pending.text === input.text && pending.offset === input.offset;
    this.running?.abort();
    if (!joining) pending?.controller.abort();
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    signal.addEventListener("abort", onAbort);
    if (signal.aborted) controller.abort();
    this.running = controller;
    try {
      const answer = await this.answer(input, env, controller.signal, started, joining ? pending : undefined);
      if (answer.aborted) this.stats.aborted++;
      else if (answer.items.length === 0) this.stats.empty++;
      return answer;
    } catch (error) {
      this.log.warn(`Inline completion failed: ${(error as Error).message}`);
      this.stats.empty++;
      return { items: [], problem: error instanceof MissingTokenError ? error.message : undefined };
    } finally {
      signal.removeEventListener("abort", onAbort);
      if (this.running === controller) this.running = undefined;
    }
  }

  private async answer(input: CompletionInput, env: CompletionEnvironment, signal: AbortSignal, started: number, pending?: Prefetch): Promise<CompletionAnswer> {
    const settings = await env.settings();
    if (!settings["completion.enable"] || settings["completion.disabledLanguages"].includes(input.languageId)) return empty;
    if (!input.explicit && this.snoozed) return empty;
    const engine = await env.engine();
    if (!engine || signal.aborted) return signal.aborted ? { items: [], aborted: true } : empty;
    const choice = this.templateFor(engine);
    if (!choice.template) return { items: [], problem: choice.problem };
    const noRoom = promptRoomProblem(settings, engine.model.contextSize);
    if (noRoom) return { items: [], problem: noRoom };
    this.tracker.cursorAt(input.uri, input.window?.line ?? cursorLine(input.text, input.offset).line, (input.window?.start ?? 0) + input.offset);
    const reuse = settings["completion.reuse"];
    const salt = saltOf(engine, choice.template, settings);
    const wanted = input.explicit ? settings["completion.candidates"] : 1;

    if (pending) {
      pending.hurry();
      await pending.done;
      if (signal.aborted) return { items: [], aborted: true };
    }
    if (reuse) this.stats.lookups++;
    const hit = reuse ? this.cache.lookup(salt, input.text, input.offset) : undefined;
    if (hit && hit.candidates.length >= wanted) {
      const source: CompletionSource = hit.prefetched ? "prefetch" : hit.typed > 0 ? "typedAhead" : "cache";
      return this.served(source, hit.candidates.slice(0, Math.max(wanted, 1)), started);
    }
    const debounceStarted = performance.now();
    const delay = input.explicit ? 0 : this.debounce.delayMs(settings["completion.debounceMinMs"], settings["completion.debounceMaxMs"]);
    if (!(await pause(delay, signal))) return { items: [], aborted: true };
    const debounceMs = performance.now() - debounceStarted;

    this.stats.modelCalls++;
    const run = await runModel(input, settings, engine, { builder: this.builder, gate: this.gate, template: choice.template, existing: hit?.candidates, signal });
    if (run.aborted) return { items: [], aborted: true };
    if (run.heldBack.length) this.stats.heldBack++;
    if (run.repaired.length) this.stats.repaired++;
    if (reuse) this.cache.store(salt, input.text, input.offset, run.shown);
    const timings = timingsOf("model", run, debounceMs, performance.now() - started);
    if (run.shown.length) this.stats.record(timings);
    const first = run.shown[0];
    if (reuse && !input.explicit && first && !first.includes("\n")) this.prefetchAfter(input, first, settings, engine, choice.template, salt);
    return { items: run.shown, timings, heldBack: run.heldBack[0], warning: run.warnings[0], repaired: run.repaired[0] };
  }

  private served(source: CompletionSource, items: readonly string[], started: number): CompletionAnswer {
    const timings: CompletionTimings = { ...zeroTimings, source, totalMs: performance.now() - started, candidates: items.length };
    this.stats.record(timings);
    return { items, timings };
  }

  /**
   * Speculatively completes the document as it would be with `suggestion` accepted, once the
   * user pauses for about two typing gaps. Its prompt extends the one just used, so it costs
   * only the suggestion's tokens and the generation; any newer request aborts it.
   */
  private prefetchAfter(input: CompletionInput, suggestion: string, settings: EnclaveSettings, engine: Engine, template: FimTemplate, salt: string): void {
    const text = input.text.slice(0, input.offset) + suggestion + input.text.slice(input.offset);
    const offset = input.offset + suggestion.length;
    const start = input.window?.start ?? 0;
    const documentLength = input.window?.documentLength ?? input.text.length;
    const window = input.window && { ...input.window, documentLength: documentLength + suggestion.length };
    const controller = new AbortController();
    const hurry = new AbortController();
    const gap = this.debounce.typingGapMs() ?? 300;
    const idle = Math.min(1000, Math.max(150, 2 * gap));
    const done = (async (): Promise<void> => {
      await pause(idle, AbortSignal.any([controller.signal, hurry.signal]));
      if (controller.signal.aborted) return;
      this.stats.prefetches++;
      const run = await runModel({ ...input, text, offset, explicit: false, window }, settings, engine, { builder: this.builder, gate: this.gate, template, signal: controller.signal });
      if (!run.aborted) this.cache.store(salt, text, offset, run.shown, true);
    })().catch((error: unknown) => this.log.debug(`Prefetch failed: ${(error as Error).message}`)).finally(() => {
      if (this.prefetching?.done === done) this.prefetching = undefined;
    });
    this.prefetching = { uri: input.uri, text, offset, origin: { text: input.text, offset: input.offset, suggestion, start, documentLength }, done, controller, hurry: () => hurry.abort() };
  }

  private templateFor(engine: Engine): TemplateChoice {
    let choice = this.templates.get(engine);
    if (!choice) {
      choice = pickTemplate(engine.model, engine.vocabulary);
      this.templates.set(engine, choice);
      if (choice.template) this.log.info(`Inline completions use the ${choice.template.label} prompt template for ${engine.model.name}.`);
      else this.log.warn(choice.problem);
    }
    return choice;
  }
}

/** Everything a cached suggestion depends on besides the text: a change to any of it misses the cache. */
function saltOf(engine: Engine, template: FimTemplate, s: EnclaveSettings): string {
  return [engine.model.path, template.id, s["completion.maxLines"], s["completion.maxTokens"], s["completion.temperature"],
    s["completion.prefixTokens"], s["completion.suffixTokens"], s["completion.contextTokens"], s["shield.completions"]].join("|");
}

const zeroTimings: CompletionTimings = {
  source: "cache", debounceMs: 0, contextMs: 0, promptTokens: 0, promptTokensEvaluated: 0, promptTokensReused: 0, promptMs: 0,
  generatedTokens: 0, generationMs: 0, postprocessMs: 0, shieldMs: 0, totalMs: 0, candidates: 0,
};

function timingsOf(source: CompletionSource, run: ModelRun, debounceMs: number, totalMs: number): CompletionTimings {
  return {
    source, debounceMs, contextMs: run.contextMs, promptTokens: run.promptTokens, promptTokensEvaluated: run.promptTokensEvaluated,
    promptTokensReused: run.promptTokensReused, promptMs: run.promptMs, generatedTokens: run.generatedTokens, generationMs: run.generationMs,
    postprocessMs: run.postprocessMs, shieldMs: run.shieldMs, totalMs, candidates: run.shown.length,
  };
}
