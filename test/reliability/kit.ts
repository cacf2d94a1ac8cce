import { spawn, type SpawnOptions } from "node:child_process";
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The repository root, from out/test/reliability/. */
export const repoRoot = join(__dirname, "..", "..", "..");
export const cliPath = join(repoRoot, "dist", "cli.js");

export interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs a program to completion (killed after `timeoutMs`), collecting its output. */
export function run(command: string, args: readonly string[], options: SpawnOptions & { timeoutMs?: number; input?: string } = {}): Promise<Ran> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"], ...options });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (c: Buffer) => { stdout += c.toString(); });
  child.stderr!.on("data", (c: Buffer) => { stderr += c.toString(); });
  child.stdin!.end(options.input ?? "");
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
  return new Promise((resolve) => child.once("close", (code) => {
    clearTimeout(timer);
    resolve({ code, stdout, stderr, ms: performance.now() - started });
  }));
}

/** Runs `node dist/cli.js <args>`. */
export function runCli(args: readonly string[], options: SpawnOptions & { timeoutMs?: number; input?: string } = {}): Promise<Ran> {
  return run(process.execPath, [cliPath, ...args], options);
}

/** A fresh temporary folder that every user can read (mkdtemp makes it 0700). */
export function openTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/**
 * Spawn options that drop root: the tests run as root, for whom chmod 000 changes nothing, so
 * a child that must meet an unreadable file runs as `nobody`. Empty when not root.
 */
export function asUnprivileged(): Pick<SpawnOptions, "uid" | "gid"> {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
}
