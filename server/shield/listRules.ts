/**
 * `enclave scan --list-rules [--json]`: what Shield checks, one line per rule (or one JSON array),
 * with the Code Shield (ICD) rules each one ports, so a parity table can be built from the CLI.
 */
import type { ShieldRule } from "./rule";

export interface ListedRule {
  readonly id: string;
  readonly languages: string[];
  readonly cwe: string;
  readonly alsoCwe: string[];
  readonly severity: ShieldRule["severity"];
  readonly icd: string[];
  readonly hasFix: boolean;
}

export function listRules(rules: readonly ShieldRule[]): ListedRule[] {
  return [...rules].sort((a, b) => a.id.localeCompare(b.id)).map((r) => ({
    id: r.id, languages: [...r.languages], cwe: r.cwe, alsoCwe: [...r.alsoCwe], severity: r.severity, icd: [...r.icd], hasFix: r.fix !== undefined,
  }));
}

/** A plain-text table: id, severity, CWEs, languages, fix, ICD ids. */
export function formatRuleList(listed: readonly ListedRule[]): string {
  const width = Math.max(...listed.map((r) => r.id.length), 2);
  const lines = listed.map((r) => {
    const cwes = [r.cwe, ...r.alsoCwe].join(",");
    return `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${cwes.padEnd(16)}  ${r.languages.join(",")}${r.hasFix ? "  fix" : ""}${r.icd.length ? `  icd: ${r.icd.join(" ")}` : ""}`;
  });
  return `${lines.join("\n")}\n${listed.length} rules\n`;
}
