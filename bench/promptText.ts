import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Engine } from "../server/engine/types";

const root = join(__dirname, "..", "..");

/**
 * About `tokens` tokens of this repository's own source code, measured with the model's real
 * tokenizer, so benchmarks run on realistic code rather than synthetic text.
 */
export function promptText(engine: Engine, tokens: number, files: readonly string[]): string {
  const sources = files.map((file) => readFileSync(join(root, file), "utf8")).join("\n");
  let lo = 0;
  let hi = sources.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (engine.countTokens(sources.slice(0, mid)) <= tokens) lo = mid;
    else hi = mid - 1;
  }
  return sources.slice(0, lo);
}
