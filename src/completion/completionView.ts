/**
 * What the completion status bar item says, as plain data (no VS Code API), so it can be
 * tested and reused: the last completion's stages, a Shield verdict, a problem, or a snooze.
 */
import type { CompletionMetrics, CompletionStatsParams, CompletionTimings } from "../../common/protocol";

export interface CompletionView {
  readonly text: string;
  readonly tooltip: string;
  /** Shown with the warning background (Shield held back or flagged a suggestion). */
  readonly warning?: boolean;
}

const ms = (n: number): string => `${Math.round(n)}ms`;
const tokens = (n: number): string => (n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n));

function stages(t: CompletionTimings): string {
  if (t.source !== "model") return `${t.source === "typedAhead" ? "typed-ahead" : t.source === "prefetch" ? "prefetched" : "cache hit"} ${ms(t.totalMs)}`;
  return `ctx ${ms(t.contextMs)} · prompt ${t.promptTokensEvaluated} new/${tokens(t.promptTokensReused)} reused · gen ${t.generatedTokens}t ${ms(t.generationMs)} · shield ${ms(t.shieldMs)}`;
}

function details(t: CompletionTimings): string {
  return [
    `Last inline completion (${t.source}), ${ms(t.totalMs)} in all:`,
    `  debounce ${ms(t.debounceMs)}, context ${ms(t.contextMs)}`,
    `  prompt ${t.promptTokens} tokens: ${t.promptTokensEvaluated} evaluated, ${t.promptTokensReused} reused from the KV cache (${ms(t.promptMs)})`,
    `  generation ${t.generatedTokens} tokens in ${ms(t.generationMs)}`,
    `  post-processing ${ms(t.postprocessMs)}, Shield ${ms(t.shieldMs)}`,
    `  ${t.candidates} suggestion${t.candidates === 1 ? "" : "s"}`,
  ].join("\n");
}

export function viewOfStats(stats: CompletionStatsParams): CompletionView | undefined {
  if (stats.heldBack) {
    const h = stats.heldBack;
    return { text: `$(shield) Shield held back a suggestion: ${h.cwe}`, tooltip: `${h.ruleId} (${h.cwe}): ${h.message}${stats.timings ? `\n\n${details(stats.timings)}` : ""}`, warning: true };
  }
  if (stats.warning) {
    const w = stats.warning;
    return { text: `$(warning) Shield: suggestion has ${w.cwe}`, tooltip: `${w.ruleId} (${w.cwe}): ${w.message}${stats.timings ? `\n\n${details(stats.timings)}` : ""}`, warning: true };
  }
  if (stats.repaired) {
    const r = stats.repaired;
    return { text: `$(shield) Shield repaired a suggestion: ${r.cwe}`, tooltip: `The model's first suggestion had ${r.ruleId} (${r.cwe}): ${r.message}\nIt was asked again with that as feedback; the suggestion shown is its rewrite.${stats.timings ? `\n\n${details(stats.timings)}` : ""}` };
  }
  if (stats.problem) return { text: "$(circle-slash) No inline completions", tooltip: stats.problem };
  if (stats.timings) return { text: `$(sparkle) ${stages(stats.timings)}`, tooltip: `${details(stats.timings)}\n\nClick for completion statistics.` };
  return undefined;
}

export function viewOfSnooze(until: number | null, enabled: boolean): CompletionView | undefined {
  if (!enabled) return { text: "$(circle-slash) Completions off", tooltip: "Inline completions are turned off (Enclave: Toggle Inline Completions turns them on)." };
  if (until) {
    const at = new Date(until).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    return { text: `$(bell-slash) Completions snoozed until ${at}`, tooltip: "Automatic inline completions are paused; Alt+] still asks for one. Enclave: Snooze Inline Completions resumes them." };
  }
  return undefined;
}

/** The `completion` metrics section as a small report for the output channel. */
export function formatCompletionMetrics(m: CompletionMetrics): string {
  const lines = [
    `Inline completions: ${m.requests} requests; served by the model ${m.served.model}, cache ${m.served.cache}, typed-ahead ${m.served.typedAhead}, prefetch ${m.served.prefetch}.`,
    `Cache hit rate ${(m.cacheHitRate * 100).toFixed(0)}%; ${m.aborted} superseded or cancelled, ${m.empty} empty, ${m.heldBack} held back by Shield, ${m.accepted} accepted, ${m.prefetches} prefetches.`,
    "",
    "stage                     p50      p95",
  ];
  for (const [stage, p] of Object.entries(m.stages)) lines.push(`${stage.padEnd(24)} ${String(Math.round(p.p50)).padStart(6)} ${String(Math.round(p.p95)).padStart(8)}`);
  return lines.join("\n");
}
