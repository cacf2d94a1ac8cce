import { median } from "../stats";
import { printTable } from "../textTable";
import type { Engine, PromptPiece } from "./types";

export interface ReuseBenchmarkOptions {
  readonly rounds: number;
  /** Tokens generated in the full-evaluation run, for the generation speed. */
  readonly generated: number;
}

/**
 * What KV-cache prefix reuse buys on this engine: a prompt (about 1,000 tokens of code) grown by
 * five characters is evaluated once in full — what tools without reuse do on every keystroke —
 * and once reusing the cached prefix. Both run in the same process on the same model, so the
 * ratio holds whatever else the machine is doing; the table is printed to stdout.
 */
export interface ReuseBenchmarkResult {
  readonly tokenRatio: number;
  readonly latencyRatio: number;
  /** Medians behind the ratios, so a caller can tell a measurement from an empty run. */
  readonly fullEvaluated: number;
  readonly reuseEvaluated: number;
  readonly fullMs: number;
  readonly reuseMs: number;
  readonly generatedTokens: number;
  readonly rounds: number;
}

export async function runReuseBenchmark(engine: Engine, text: string, options: ReuseBenchmarkOptions): Promise<ReuseBenchmarkResult> {
  const prompt = (extra: string): PromptPiece[] => [{ token: "fimPrefix" }, text + extra, { token: "fimSuffix" }, "", { token: "fimMiddle" }];
  const typed = "    const x = 1;\n";
  const full: Array<{ ms: number; evaluated: number }> = [];
  const reuse: Array<{ ms: number; evaluated: number }> = [];
  const genRates: number[] = [];
  let generatedTokens = 0;
  for (let round = 0; round < options.rounds; round++) {
    const base = `\n// round ${round}\n`;
    const f = await engine.generate({ sequence: "completion", prompt: prompt(base + typed), maxTokens: options.generated, reusePrefix: false });
    full.push({ ms: f.promptMs, evaluated: f.promptTokensEvaluated });
    genRates.push(f.generatedTokens / (f.generationMs / 1000));
    generatedTokens += f.generatedTokens;
    // Prime the cache with the prompt, then grow it by five characters, as typing does.
    await engine.generate({ sequence: "completion", prompt: prompt(base), maxTokens: 1 });
    const r = await engine.generate({ sequence: "completion", prompt: prompt(base + typed.slice(0, 5)), maxTokens: 1 });
    reuse.push({ ms: r.promptMs, evaluated: r.promptTokensEvaluated });
  }
  const fullMs = median(full.map((x) => x.ms));
  const reuseMs = median(reuse.map((x) => x.ms));
  const fullEval = median(full.map((x) => x.evaluated));
  const reuseEval = median(reuse.map((x) => x.evaluated));
  const where = engine.backend.remote ? `remote ${engine.backend.remote.url}` : `${engine.backend.gpu.toUpperCase()} ${engine.backend.threads} threads`;
  console.log(`\nEnclave engine benchmark — ${engine.model.name}, ${(engine.model.sizeBytes / 1e6).toFixed(0)} MB, ${where}, median of ${options.rounds}\n`);
  printTable(["request", "prompt tokens evaluated", "prompt ms", "prompt tokens/s", "generation tokens/s"], [
    ["full re-evaluation (baseline)", fullEval, fullMs, (fullEval / fullMs) * 1000, median(genRates)],
    ["prefix reuse, prompt +5 chars", reuseEval, reuseMs, "-", "-"],
  ]);
  console.log("");
  const tokenRatio = fullEval / reuseEval;
  const latencyRatio = fullMs / reuseMs;
  printTable(["ratio (baseline / reuse)", "value"], [
    ["prompt tokens evaluated", `${tokenRatio.toFixed(0)}x fewer`],
    ["prompt latency", `${latencyRatio.toFixed(0)}x faster`],
  ]);
  return { tokenRatio, latencyRatio, fullEvaluated: fullEval, reuseEvaluated: reuseEval, fullMs, reuseMs, generatedTokens, rounds: full.length };
}

/** The longest start of `text` that takes at most `tokens` tokens, found by bisection with the real tokenizer. */
export function fitToTokens(engine: Engine, text: string, tokens: number): string {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (engine.countTokens(text.slice(0, mid)) <= tokens) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo);
}
