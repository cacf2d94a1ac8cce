import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/** A field of /proc/<pid>/status in MB (VmRSS: resident now, VmHWM: the most it has been). */
export function procMemoryMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(match[1]) / 1024;
}

export interface MeasuredRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /** The process's peak resident memory, sampled from VmHWM every 10 ms while it ran. */
  readonly peakRssMb: number;
}

/**
 * Runs a command and measures its wall time and peak memory. A run past `timeoutMs` is killed
 * (and reported as such), so a process that never finishes fails the test instead of hanging it.
 */
export function runMeasured(command: string, args: readonly string[], timeoutMs: number): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let peakRssMb = 0;
  child.stdout.on("data", (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on("data", (chunk: Buffer) => { stderr += chunk.toString(); });
  const sample = (): void => {
    try {
      peakRssMb = Math.max(peakRssMb, procMemoryMb(child.pid!, "VmHWM"));
    } catch {
      // The process has exited between two samples.
    }
  };
  const sampler = setInterval(sample, 10);
  const killer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  return new Promise((resolve) => {
    child.on("exit", () => sample());
    child.on("close", (code, signal) => {
      clearInterval(sampler);
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, peakRssMb });
    });
  });
}
