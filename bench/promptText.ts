import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fitToTokens } from "../server/engine/reuseBenchmark";
import type { Engine } from "../server/engine/types";

const root = join(__dirname, "..", "..");

/**
 * About `tokens` tokens of this repository's own source code, measured with the model's real
 * tokenizer, so benchmarks run on realistic code rather than synthetic text.
 */
export function promptText(engine: Engine, tokens: number, files: readonly string[]): string {
  return fitToTokens(engine, files.map((file) => readFileSync(join(root, file), "utf8")).join("\n"), tokens);
}
