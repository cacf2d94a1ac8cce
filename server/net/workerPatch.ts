import { existsSync } from "node:fs";
import { join } from "node:path";
// The real module object (not an import namespace, whose properties are read-only) is patched.
import workerThreads = require("node:worker_threads");
import type { EgressGuard } from "./egressGuard";

/** The environment variable that carries the guard's settings into a worker (see workerGuard.ts). */
export const WORKER_GUARD_ENV = "ENCLAVE_EGRESS_WORKER";

/**
 * The preload that installs the guard in a worker: beside this file in out/server/net/, and
 * beside the bundles in dist/ (esbuild.mjs builds it as dist/workerGuard.js).
 */
export const workerGuardFile = join(__dirname, "workerGuard.js");

/**
 * Makes every worker thread of a guarded process guarded too. A worker has its own copy of
 * Node's modules, so the main thread's patches do not reach it: `new Worker(...)` is wrapped to
 * preload workerGuard.js in the worker (through its NODE_OPTIONS, which keeps the execArgv the
 * worker would inherit) and to hand it this guard's settings. Workers are kept rather than
 * refused because parsing and scanning may move off the event loop; a worker that cannot be
 * guarded (the preload is missing) is refused, with an error that says why.
 */
export function patchWorkers(guard: EgressGuard): void {
  const Original = workerThreads.Worker;
  class GuardedWorker extends Original {
    constructor(filename: string | URL, options: workerThreads.WorkerOptions = {}) {
      super(filename, guardedOptions(guard, options));
    }
  }
  (workerThreads as { Worker: typeof Original }).Worker = GuardedWorker;
}

function guardedOptions(guard: EgressGuard, options: workerThreads.WorkerOptions): workerThreads.WorkerOptions {
  if (!existsSync(workerGuardFile)) {
    throw new Error(`Enclave refuses to start a worker thread: its egress guard (${workerGuardFile}) is missing, and an unguarded worker could connect anywhere.`);
  }
  const config = JSON.stringify(guard.workerConfig());
  const preload = `--require ${JSON.stringify(workerGuardFile)}`;
  if (options.env === workerThreads.SHARE_ENV) {
    // A worker that shares this thread's environment reads the settings from it; its own
    // NODE_OPTIONS cannot be changed without changing ours, so the preload goes in execArgv.
    process.env[WORKER_GUARD_ENV] = config;
    return { ...options, execArgv: [...(options.execArgv ?? []), "--require", workerGuardFile] };
  }
  const base = (options.env ?? process.env) as Record<string, string | undefined>;
  const nodeOptions = base.NODE_OPTIONS ? `${preload} ${base.NODE_OPTIONS}` : preload;
  return { ...options, env: { ...base, [WORKER_GUARD_ENV]: config, NODE_OPTIONS: nodeOptions } };
}
