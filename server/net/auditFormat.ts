import { isLoopbackAddress, isLoopbackName } from "./addresses";
import type { AuditEntry } from "./auditLog";

/** Whether a connection stayed on this machine. */
export function isLocal(entry: AuditEntry): boolean {
  return isLoopbackAddress(entry.address ?? entry.host) || (!entry.address && isLoopbackName(entry.host));
}

const bytes = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`);

/**
 * One sentence that answers "did anything leave this machine?". Failed attempts count apart: a
 * DNS query or connection attempt that failed still tried to reach its host (or its resolver).
 */
export function summarizeAudit(entries: readonly AuditEntry[]): string {
  const made = entries.filter((e) => (e.outcome === "allowed" || e.outcome === "open") && e.kind !== "dns");
  // A DNS query goes to the resolver, whatever address it answers, so queries are counted apart.
  const queries = entries.filter((e) => e.outcome === "allowed" && e.kind === "dns").length;
  const local = made.filter(isLocal).length;
  const remote = made.filter((e) => !isLocal(e));
  const failed = entries.filter((e) => e.outcome === "failed");
  const refused = entries.filter((e) => e.outcome === "refused").length;
  const sent = remote.reduce((sum, e) => sum + e.bytesSent, 0);
  const hosts = [...new Set(remote.map((e) => e.host))];
  const failedHosts = [...new Set(failed.map((e) => e.host))];
  return `${entries.length} recorded: ${local} to this machine (loopback), ${remote.length} to other hosts${hosts.length ? ` (${hosts.join(", ")}; ${bytes(sent)} sent)` : ""}, ${queries} DNS ${queries === 1 ? "query" : "queries"} answered, ${failed.length} failed${failedHosts.length ? ` (${failedHosts.join(", ")})` : ""}, ${refused} refused.`;
}

/** The audit as a plain-text table, newest last, for `enclave audit` and "Enclave: Show Network Audit". */
export function formatAudit(entries: readonly AuditEntry[], file: string, last: number): string {
  const shown = entries.slice(-last);
  const rows = shown.map((e) => [
    e.time.replace("T", " ").slice(0, 19), e.process, String(e.pid), e.kind,
    `${e.host}${e.port ? `:${e.port}` : ""}`, e.address && e.address !== e.host ? e.address : "", e.purpose ?? "",
    e.outcome, bytes(e.bytesSent), bytes(e.bytesReceived), e.durationMs !== undefined ? `${e.durationMs}` : "",
  ]);
  const headers = ["time (UTC)", "process", "pid", "kind", "destination", "address", "purpose", "outcome", "sent", "received", "ms"];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  const out = [
    `Enclave network audit — ${file}`,
    summarizeAudit(entries),
    shown.length < entries.length ? `Showing the last ${shown.length}.` : "",
    "",
    line(headers),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
  ];
  const refusals = shown.filter((e) => e.outcome === "refused" && e.reason);
  if (refusals.length) out.push("", "Refused:", ...refusals.map((e) => `  ${e.time.slice(0, 19)} ${e.reason}`));
  const failures = shown.filter((e) => e.outcome === "failed" && e.reason);
  if (failures.length) out.push("", "Failed:", ...failures.map((e) => `  ${e.time.slice(0, 19)} ${e.kind} ${e.host}${e.port ? `:${e.port}` : ""}: ${e.reason}`));
  return out.filter((l, i) => l !== "" || i > 2).join("\n") + "\n";
}
