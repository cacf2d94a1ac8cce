import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./harness";

export const cliPath = join(repoRoot, "dist", "cli.js");

export interface RunningServe {
  readonly process: ChildProcess;
  readonly port: number;
  readonly url: string;
  /** What the process wrote to stderr so far (its log). */
  readonly stderr: string[];
  /** SIGTERM (a clean stop) or SIGKILL (a crash); resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `node dist/cli.js serve` on 127.0.0.1 (port 0 picks a free one) and waits for its
 * "listening on" line. The child inherits the environment, so in the test suite it runs its
 * egress guard in strict mode like every other process.
 */
export function startServe(model: string, options: { port?: number; slots?: number; extra?: string[]; timeoutMs?: number } = {}): Promise<RunningServe> {
  const args = [cliPath, "serve", "--model", model, "--host", "127.0.0.1", "--port", String(options.port ?? 0), "--slots", String(options.slots ?? 2), ...(options.extra ?? [])];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  const stderr: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`enclave serve did not start within ${options.timeoutMs ?? 30_000} ms: ${stderr.join("")}`));
    }, options.timeoutMs ?? 30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`enclave serve exited with ${code}: ${stderr.join("")}`));
    });
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      const port = Number(match[1]);
      resolve({
        process: child, port, url: `http://127.0.0.1:${port}`, stderr,
        stop: (signal = "SIGTERM") => new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
          child.once("exit", (code) => done(code));
          child.kill(signal);
        }),
      });
    });
  });
}

/** Runs `node dist/cli.js <args>` to completion. */
export function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cliPath, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (c: Buffer) => { stdout += c.toString(); });
  child.stderr!.on("data", (c: Buffer) => { stderr += c.toString(); });
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}
