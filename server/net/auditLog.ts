import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { dirname } from "node:path";
import type { AuditEntry, AuditEvent } from "../../common/networkTypes";
export type { AuditEntry, AuditEvent } from "../../common/networkTypes";


/** The log is rotated once it passes this size; one older generation is kept beside it. */
const MAX_BYTES = 8 * 1024 * 1024;

/**
 * Appends audit events to a JSONL file. Each line is one small write with O_APPEND, so the
 * language servers of several windows, `enclave serve` and the CLI can share one file.
 */
export class AuditLog {
  private failed = false;

  constructor(readonly file: string, private readonly warn: (message: string) => void = (m) => process.stderr.write(`${m}\n`)) {}

  append(event: AuditEvent): void {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      if (existsSync(this.file) && statSync(this.file).size > MAX_BYTES) renameSync(this.file, `${this.file}.1`);
      appendFileSync(this.file, `${JSON.stringify(event)}\n`);
    } catch (error) {
      // The connection itself is not refused for this: the guard's decision does not depend on
      // the log, and a read-only home directory must not take completions down. Say it once.
      if (!this.failed) this.warn(`Enclave could not write the network audit log ${this.file}: ${(error as Error).message}`);
      this.failed = true;
    }
  }
}

/** Whether a parsed line has the fields every audit event has (the ones the table shows). */
function isAuditEvent(value: unknown): value is AuditEvent {
  if (value === null || typeof value !== "object") return false;
  const e = value as Record<string, unknown>;
  return typeof e.event === "string" && typeof e.time === "string" && typeof e.host === "string" && typeof e.process === "string" && typeof e.kind === "string";
}

/** Reads the audit log (the rotated generation first) and merges opens with their closes, oldest first. */
export function readAudit(file: string): AuditEntry[] {
  const events: AuditEvent[] = [];
  for (const path of [`${file}.1`, file]) {
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, "utf8").split("\n")) {
      if (!line.trim()) continue;
      try {
        const event: unknown = JSON.parse(line);
        // A line cut short by a crash (or a file that is no audit log) can still parse, as `12`
        // or `null`; only event objects are read, so the rest of the log stays readable.
        if (isAuditEvent(event)) events.push(event);
      } catch {
        // A line cut short by a crash is skipped; the rest of the log stays readable.
      }
    }
  }
  const entries: AuditEntry[] = [];
  const open = new Map<string, number>();
  for (const e of events) {
    const base = { time: e.time, process: e.process, pid: e.pid, kind: e.kind, host: e.host, port: e.port, address: e.address, purpose: e.purpose, setting: e.setting };
    if (e.event === "open") {
      open.set(e.id, entries.length);
      entries.push({ ...base, outcome: "open", bytesSent: 0, bytesReceived: 0 });
    } else if (e.event === "close") {
      const at = open.get(e.id);
      const row = { ...(at !== undefined ? entries[at]! : base), outcome: "allowed" as const, address: e.address ?? (at !== undefined ? entries[at]!.address : undefined),
        bytesSent: e.bytesSent ?? 0, bytesReceived: e.bytesReceived ?? 0, durationMs: e.durationMs };
      if (at !== undefined) entries[at] = row;
      else entries.push(row);
      open.delete(e.id);
    } else if (e.event === "lookup") {
      entries.push({ ...base, outcome: "allowed", bytesSent: 0, bytesReceived: 0 });
    } else if (e.event === "failed") {
      entries.push({ ...base, outcome: "failed", bytesSent: 0, bytesReceived: 0, durationMs: e.durationMs, reason: e.reason });
    } else {
      entries.push({ ...base, outcome: "refused", bytesSent: 0, bytesReceived: 0, reason: e.reason });
    }
  }
  return entries;
}
