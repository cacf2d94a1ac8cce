import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { MachineLimits } from "../../common/settings";

/**
 * Counts physical CPU cores. llama.cpp runs best with one thread per physical core: hyper-
 * threads share the same vector units, and oversubscribing a small machine (node-llama-cpp's
 * default of 4 threads on 2 cores) makes generation collapse by two orders of magnitude.
 */
export function physicalCores(): number {
  const logical = availableParallelism();
  if (process.platform !== "linux") return logical >= 8 ? Math.floor(logical / 2) : logical;
  try {
    const cores = new Set<string>();
    let physicalId = "0";
    for (const line of readFileSync("/proc/cpuinfo", "utf8").split("\n")) {
      const [key, value] = line.split(":").map((s) => s.trim());
      if (key === "physical id") physicalId = value ?? "0";
      if (key === "core id") cores.add(`${physicalId}/${value}`);
    }
    return Math.max(1, Math.min(logical, cores.size || logical));
  } catch {
    return logical;
  }
}

/** Models below this size finish a token faster than threads can be woken up to share it. */
const TINY_MODEL_BYTES = 64 * 1024 * 1024;

/** The thread count used when the setting is 0 (automatic). */
export function autoThreads(modelBytes: number): number {
  return modelBytes < TINY_MODEL_BYTES ? 1 : physicalCores();
}

/** The machine's limits that settings are clamped to (see common/settings.ts). */
export function machineLimits(): MachineLimits {
  return { cpuThreads: availableParallelism() };
}
