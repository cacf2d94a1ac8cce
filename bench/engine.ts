/**
 * `npm run bench`: what KV-cache prefix reuse buys on a model of real shape (bench.gguf, the
 * Qwen2.5-Coder-0.5B shape): see server/engine/reuseBenchmark.ts, which `enclave bench` runs too.
 * The verdict (bench/verdict.ts) needs every round measured with prompt tokens evaluated on both
 * sides and tokens generated, then judges reuse against the full re-evaluation of the same run.
 */
import { ModelManager } from "../server/engine/modelManager";
import { runReuseBenchmark } from "../server/engine/reuseBenchmark";
import { createLogger } from "../server/logger";
import { defaultSettings } from "../common/settings";
import { ensureModels } from "../test/fixtures/gguf";
import { promptText } from "./promptText";
import { precondition, ratio, ratioAtLeast, verdict } from "./verdict";

const ROUNDS = 3;
/** README: 254x fewer tokens and 67x faster on a quiet machine; these hold under heavy load. */
const TOKEN_RATIO = 20;
const LATENCY_RATIO = 5;

const PROMPT_FILES = ["server/engine/sequence.ts", "server/engine/download.ts", "server/engine/modelManager.ts", "common/settings.ts"];

async function main(): Promise<void> {
  const { bench } = await ensureModels({ bench: true });
  const manager = new ModelManager({ log: createLogger(() => undefined, () => "error") });
  await manager.configure({ ...defaultSettings(), model: bench!, contextSize: 2048 });
  const engine = await manager.engine();
  if (!engine) throw new Error(`The bench model did not load: ${manager.status.message}`);
  const r = await runReuseBenchmark(engine, promptText(engine, 1000, PROMPT_FILES), { rounds: ROUNDS, generated: 32 });
  await manager.dispose();
  verdict("Engine bench", [
    precondition("rounds measured", r.rounds, `${ROUNDS}`, r.rounds === ROUNDS),
    precondition("prompt tokens evaluated, full / reuse (median)", `${r.fullEvaluated} / ${r.reuseEvaluated}`, "> 0 each", r.fullEvaluated > 0 && r.reuseEvaluated > 0),
    precondition("tokens generated", r.generatedTokens, "> 0", r.generatedTokens > 0),
    ratioAtLeast("prompt tokens evaluated, full / reuse", ratio(r.fullEvaluated, r.reuseEvaluated), TOKEN_RATIO),
    ratioAtLeast("prompt latency, full / reuse", ratio(r.fullMs, r.reuseMs), LATENCY_RATIO),
  ]);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
