/**
 * Asks the engine for suggestions and keeps the ones worth showing. The first candidate is
 * greedy (or at the configured temperature); further ones are sampled with other seeds, which
 * costs only generation: the prompt is already in the KV cache. Each raw text goes through
 * post-processing and then the Shield gate. An automatic request wants one suggestion and only
 * tries again when Shield held one back; an explicit request (Alt+]) wants `count` distinct ones.
 */
import type { Engine, GenerateResult, PromptPiece } from "../engine/types";
import type { GenerationCounts, StopReason } from "../../common/protocol";
import type { GateFinding, GateVerdict } from "./shieldGate";
import type { CompletionMode } from "./syntaxFacts";

/** Once a newline is written, generation may go on this long (a block is worth a short wait). */
const NEWLINE_BUDGET_MS = 1000;
/** No suggestion is worth more than this much generation. */
const MAX_GENERATION_MS = 5000;
/** Sampled candidates need some randomness to differ from the greedy one. */
const MIN_SAMPLING_TEMPERATURE = 0.7;

export interface CandidateRequest {
  readonly engine: Engine;
  readonly prompt: readonly PromptPiece[];
  readonly mode: CompletionMode;
  readonly stop: readonly string[];
  readonly maxTokens: number;
  readonly maxLines: number;
  readonly temperature: number;
  readonly count: number;
  readonly explicit: boolean;
  /** Suggestions already known for this position (from the cache); new ones are added after them. */
  readonly existing?: readonly string[];
  readonly reusePrefix: boolean;
  readonly signal: AbortSignal;
  readonly filter: (raw: string) => string;
  readonly gate: (text: string) => Promise<GateVerdict>;
  /**
   * Asks the model once more with a held-back suggestion's finding as feedback (the secure
   * generation loop); at most once per request, and its answer goes through filter and gate.
   */
  readonly repair?: (finding: GateFinding) => Promise<{ result: GenerateResult; suggestion?: string }>;
}

/** The candidates shown or held back, with the engine's counts summed over the generations. */
export interface CandidateOutcome extends Omit<GenerationCounts, "stopReason"> {
  readonly shown: string[];
  readonly heldBack: GateFinding[];
  readonly warnings: GateFinding[];
  /** Findings of held-back suggestions whose repaired version is among `shown`. */
  readonly repaired: GateFinding[];
  readonly aborted: boolean;
  readonly generations: number;
  /** Why the last generation stopped (for the CLI's report). */
  readonly stopReason?: StopReason;
  readonly postprocessMs: number;
  readonly shieldMs: number;
}

export async function generateCandidates(request: CandidateRequest): Promise<CandidateOutcome> {
  const out = {
    shown: [...(request.existing ?? [])], heldBack: [] as GateFinding[], warnings: [] as GateFinding[], repaired: [] as GateFinding[], aborted: false, generations: 0, stopReason: undefined as StopReason | undefined,
    promptTokens: 0, promptTokensEvaluated: 0, promptTokensReused: 0, promptMs: 0, generatedTokens: 0, generationMs: 0, postprocessMs: 0, shieldMs: 0,
  };
  const attempts = request.explicit ? request.count + 1 : 3;
  let held = 0;
  let repairTried = false;
  const first = out.shown.length;
  for (let i = first; i < first + attempts && out.shown.length < request.count; i++) {
    // An automatic request retries only after Shield held a suggestion back.
    if (!request.explicit && i > first && held < i - first) break;
    const result = await generateOne(request, i);
    count(out, result, i === first);
    if (request.signal.aborted) return { ...out, aborted: true };
    let started = performance.now();
    const text = request.filter(result.text);
    out.postprocessMs += performance.now() - started;
    if (!text || out.shown.includes(text)) continue;
    started = performance.now();
    const verdict = await request.gate(text);
    out.shieldMs += performance.now() - started;
    if (!verdict.allowed) {
      const finding = verdict.findings[0];
      if (request.repair && finding && !repairTried) {
        repairTried = true;
        const repaired = await request.repair(finding);
        count(out, repaired.result, false);
        if (request.signal.aborted) return { ...out, aborted: true };
        started = performance.now();
        const fixed = repaired.suggestion === undefined ? "" : request.filter(repaired.suggestion);
        out.postprocessMs += performance.now() - started;
        started = performance.now();
        const second = fixed && !out.shown.includes(fixed) ? await request.gate(fixed) : undefined;
        out.shieldMs += performance.now() - started;
        if (second?.allowed) {
          out.repaired.push(finding);
          out.warnings.push(...second.findings);
          out.shown.push(fixed);
          continue;
        }
      }
      held++;
      out.heldBack.push(...verdict.findings);
      continue;
    }
    out.warnings.push(...verdict.findings);
    out.shown.push(text);
  }
  return out;
}

/** Adds one generation's counts to the outcome's sums. */
function count(out: { -readonly [K in keyof CandidateOutcome]: CandidateOutcome[K] }, result: GenerateResult, first: boolean): void {
  out.generations++;
  out.stopReason = result.stopReason;
  if (first) out.promptTokens = result.promptTokens;
  out.promptTokensEvaluated += result.promptTokensEvaluated;
  out.promptTokensReused += result.promptTokensReused;
  out.promptMs += result.promptMs;
  out.generatedTokens += result.generatedTokens;
  out.generationMs += result.generationMs;
}

/**
 * One generation, stopped by the caller's signal, by the line limit, or by the time cap, which
 * starts with the first generated text so a long prompt evaluation never eats into it.
 */
async function generateOne(request: CandidateRequest, index: number): Promise<GenerateResult> {
  const enough = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let newlines = 0;
  try {
    return await request.engine.generate({
      sequence: "completion",
      prompt: request.prompt,
      maxTokens: request.maxTokens,
      temperature: index === 0 ? request.temperature : Math.max(MIN_SAMPLING_TEMPERATURE, request.temperature),
      seed: index,
      stop: request.mode === "single" ? [...request.stop, "\n"] : request.stop,
      newlineTimeBudgetMs: request.mode === "multi" ? NEWLINE_BUDGET_MS : undefined,
      signal: AbortSignal.any([request.signal, enough.signal]),
      reusePrefix: request.reusePrefix,
      onText: (chunk) => {
        timer ??= setTimeout(() => enough.abort(), MAX_GENERATION_MS);
        if (request.mode !== "multi") return;
        for (const ch of chunk) if (ch === "\n" && ++newlines >= request.maxLines) enough.abort();
      },
    });
  } finally {
    clearTimeout(timer);
  }
}
