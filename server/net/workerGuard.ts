/**
 * Preloaded into every worker thread of a guarded process (see workerPatch.ts): installs the
 * egress guard with the settings of the thread that started the worker — strict mode, pins, the
 * audit file and the policy — before the worker's own code runs. Without settings it falls back
 * to the safest policy, this machine only.
 */
import { AuditLog } from "./auditLog";
import type { WorkerGuardConfig } from "./egressGuard";
import { installEgressGuard } from "./egressPatches";
import { loopbackOnly } from "./egressPolicy";
import { WORKER_GUARD_ENV } from "./workerPatch";

function readConfig(): Partial<WorkerGuardConfig> {
  try {
    return JSON.parse(process.env[WORKER_GUARD_ENV] ?? "{}") as Partial<WorkerGuardConfig>;
  } catch {
    return {};
  }
}

const config = readConfig();
const guard = installEgressGuard({
  strictFile: config.strictFile,
  pins: new Map(config.pins ?? []),
  audit: config.auditFile ? new AuditLog(config.auditFile) : undefined,
  label: config.label ?? "worker",
});
guard.configure(config.policy ?? loopbackOnly);
