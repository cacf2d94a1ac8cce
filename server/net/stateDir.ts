import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The per-user directory where Enclave keeps state that outlives one process: the network
 * audit log, written by every language server, `enclave serve` and CLI run of this user, and
 * read back by `enclave audit` and "Enclave: Show Network Audit". `ENCLAVE_STATE_DIR`
 * overrides it (the test runner points it at a temporary directory).
 */
export function stateDirectory(): string {
  if (process.env.ENCLAVE_STATE_DIR) return process.env.ENCLAVE_STATE_DIR;
  if (process.platform === "win32") return join(process.env.LOCALAPPDATA || join(homedir(), "AppData", "Local"), "Enclave", "State");
  if (process.platform === "darwin") return join(homedir(), "Library", "Application Support", "Enclave");
  return join(process.env.XDG_STATE_HOME || join(homedir(), ".local", "state"), "enclave");
}

/** The audit log: one JSON object per line, appended by every Enclave process of this user. */
export function auditLogPath(): string {
  return join(stateDirectory(), "network-audit.jsonl");
}
