/**
 * `npm run bench`: what KV-cache prefix reuse buys on a model of real shape. A 1,000-token
 * prompt is evaluated in full, then the same prompt grown by five characters is evaluated
 * twice: once re-evaluating everything (what tools without reuse do on every keystroke) and
 * once reusing the cached prefix. Ratios compare the two in the same run on the same model.
 */
import { ModelManager } from "../server/engine/modelManager";
import type { PromptPiece } from "../server/engine/types";
import { createLogger } from "../server/logger";
import { defaultSettings } from "../server/settings";
import { ensureModels } from "../test/fixtures/gguf";
import { promptText } from "./promptText";
import { median, printTable } from "./table";

const ROUNDS = 3;
const GENERATED = 32;

const PROMPT_FILES = ["server/engine/sequence.ts", "server/engine/download.ts", "server/engine/modelManager.ts", "server/settings.ts"];

async function main(): Promise<void> {
  const { bench } = await ensureModels({ bench: true });
  const log = createLogger(() => undefined, () => "error");
  const manager = new ModelManager({ log });
  await manager.configure({ ...defaultSettings(), model: bench!, contextSize: 2048 });
  const engine = await manager.engine();
  if (!engine) throw new Error(`The bench model did not load: ${manager.status.message}`);
  const text = promptText(engine, 1000, PROMPT_FILES);
  const prompt = (extra: string): PromptPiece[] => [{ token: "fimPrefix" }, text + extra, { token: "fimSuffix" }, "", { token: "fimMiddle" }];
  const typed = ["    ", "const", " x =", " 1;", "\n"];

  const rows: Array<Array<string | number>> = [];
  const full: Array<{ ms: number; evaluated: number }> = [];
  const reuse: Array<{ ms: number; evaluated: number }> = [];
  const genRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const base = `\n// round ${round}\n`;
    // Full re-evaluation of the grown prompt.
    const f = await engine.generate({ sequence: "completion", prompt: prompt(base + typed.join("")), maxTokens: GENERATED, reusePrefix: false });
    full.push({ ms: f.promptMs, evaluated: f.promptTokensEvaluated });
    genRates.push(f.generatedTokens / (f.generationMs / 1000));
    // Prefix reuse: prime with the prompt, then grow it by five characters (typed one at a time would be the same shape).
    await engine.generate({ sequence: "completion", prompt: prompt(base), maxTokens: 1 });
    const r = await engine.generate({ sequence: "completion", prompt: prompt(base + typed.join("").slice(0, 5)), maxTokens: 1 });
    reuse.push({ ms: r.promptMs, evaluated: r.promptTokensEvaluated });
  }
  const fullMs = median(full.map((x) => x.ms));
  const reuseMs = median(reuse.map((x) => x.ms));
  const fullEval = median(full.map((x) => x.evaluated));
  const reuseEval = median(reuse.map((x) => x.evaluated));
  rows.push(["full re-evaluation (baseline)", fullEval, fullMs, (fullEval / fullMs) * 1000, median(genRates)]);
  rows.push(["prefix reuse, prompt +5 chars", reuseEval, reuseMs, "-", "-"]);
  console.log(`\nEnclave engine benchmark — ${engine.model.name}, ${(engine.model.sizeBytes / 1e6).toFixed(0)} MB, ${engine.backend.gpu.toUpperCase()} ${engine.backend.threads} threads, median of ${ROUNDS}\n`);
  printTable(["request", "prompt tokens evaluated", "prompt ms", "prompt tokens/s", "generation tokens/s"], rows);
  console.log("");
  printTable(["ratio (baseline / reuse)", "value"], [
    ["prompt tokens evaluated", `${(fullEval / reuseEval).toFixed(0)}x fewer`],
    ["prompt latency", `${(fullMs / reuseMs).toFixed(0)}x faster`],
  ]);
  await manager.dispose();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
