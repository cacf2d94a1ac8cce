/**
 * `npm run bench`: what KV-cache prefix reuse buys on a model of real shape (bench.gguf, the
 * Qwen2.5-Coder-0.5B shape): see server/engine/reuseBenchmark.ts, which `enclave bench` runs too.
 */
import { ModelManager } from "../server/engine/modelManager";
import { runReuseBenchmark } from "../server/engine/reuseBenchmark";
import { createLogger } from "../server/logger";
import { defaultSettings } from "../common/settings";
import { ensureModels } from "../test/fixtures/gguf";
import { promptText } from "./promptText";

const PROMPT_FILES = ["server/engine/sequence.ts", "server/engine/download.ts", "server/engine/modelManager.ts", "server/settings.ts"];

async function main(): Promise<void> {
  const { bench } = await ensureModels({ bench: true });
  const manager = new ModelManager({ log: createLogger(() => undefined, () => "error") });
  await manager.configure({ ...defaultSettings(), model: bench!, contextSize: 2048 });
  const engine = await manager.engine();
  if (!engine) throw new Error(`The bench model did not load: ${manager.status.message}`);
  await runReuseBenchmark(engine, promptText(engine, 1000, PROMPT_FILES), { rounds: 3, generated: 32 });
  await manager.dispose();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
