/**
 * Parity with Meta's Code Shield Insecure Code Detector (ICD): which ICD rule each Shield rule
 * ports (its `icd` list), which ICD rules are deliberately not ported (icd-not-ported.yaml), and
 * what is left over. The ICD rule list itself is data (icd-rules.yaml), transcribed from ICD's
 * rule files, so the parity table and its unit test need no network.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import type { ShieldRule } from "./rule";

/** One ICD rule as ICD runs it for one language ("all" = its language-agnostic rules). */
export interface IcdRule {
  readonly icd: string;
  readonly language: string;
  readonly cwe: string | null;
  readonly severity: string;
  readonly profiles: readonly string[];
  readonly description: string;
}

export interface NotPorted { readonly icd: string; readonly language: string; readonly reason: string }

/** An ICD rule and what Enclave does about it. */
export interface ParityRow {
  readonly entry: IcdRule;
  /** Ids of the Shield rules that port it (empty when not ported). */
  readonly rules: readonly string[];
  readonly reason?: string;
}

/** ICD's language names → the VS Code language ids a porting rule must cover. */
export const icdLanguageIds: Readonly<Record<string, readonly string[]>> = {
  c: ["c"],
  cpp: ["cpp"],
  csharp: ["csharp"],
  java: ["java"],
  // ICD maps only .js files; the same constructs are as dangerous in TypeScript.
  javascript: ["javascript", "typescript"],
  php: ["php"],
  python: ["python"],
  rust: ["rust"],
  all: ["python", "javascript", "typescript", "c", "cpp", "csharp", "java", "php", "rust"],
};

/** The order languages appear in the table and in icd-not-ported.yaml. */
export const icdLanguages = ["all", "c", "cpp", "csharp", "java", "javascript", "php", "python", "rust"] as const;

/** server/shield as seen from out/server/shield (compiled) or server/shield (source). */
export function shieldSourceDirectory(): string {
  const candidates = [__dirname, path.resolve(__dirname, "../../../server/shield")];
  const found = candidates.find((d) => fs.existsSync(path.join(d, "icd-rules.yaml")));
  if (!found) throw new Error("server/shield/icd-rules.yaml not found");
  return found;
}

export function loadIcdRules(dir = shieldSourceDirectory()): IcdRule[] {
  return parseYaml(fs.readFileSync(path.join(dir, "icd-rules.yaml"), "utf8")) as IcdRule[];
}

export function loadNotPorted(dir = shieldSourceDirectory()): NotPorted[] {
  return (parseYaml(fs.readFileSync(path.join(dir, "icd-not-ported.yaml"), "utf8")) as NotPorted[] | null) ?? [];
}

const key = (icd: string, language: string): string => `${language} ${icd}`;

/** True when a rule ports an ICD entry: it names the id and covers every language the entry needs. */
function ports(rule: ShieldRule, entry: IcdRule): boolean {
  if (!rule.icd.includes(entry.icd)) return false;
  return (icdLanguageIds[entry.language] ?? []).every((l) => rule.languages.includes(l));
}

/** The parity rows plus every inconsistency, as sentences (the unit test wants none). */
export function computeParity(icdRules: readonly IcdRule[], notPorted: readonly NotPorted[], rules: readonly ShieldRule[]): { rows: ParityRow[]; problems: string[] } {
  const problems: string[] = [];
  const reasons = new Map<string, string>();
  for (const n of notPorted) {
    if (!n.reason || !n.reason.trim()) problems.push(`icd-not-ported.yaml: ${n.language} ${n.icd} has no reason`);
    reasons.set(key(n.icd, n.language), n.reason);
  }
  const rows: ParityRow[] = [];
  for (const entry of icdRules) {
    const porting = rules.filter((r) => ports(r, entry));
    const reason = reasons.get(key(entry.icd, entry.language));
    const named = rules.filter((r) => r.icd.includes(entry.icd) && !porting.includes(r) && r.languages.some((l) => (icdLanguageIds[entry.language] ?? []).includes(l)));
    for (const r of named) problems.push(`${r.id} names ICD ${entry.icd} but does not cover all of ${(icdLanguageIds[entry.language] ?? []).join(", ")}`);
    if (porting.length === 0 && reason === undefined) problems.push(`Unported ICD ${entry.language} ${entry.icd} (${entry.cwe ?? "no CWE"}): no rule lists it in icd and icd-not-ported.yaml does not give a reason`);
    if (porting.length > 0 && reason !== undefined) problems.push(`ICD ${entry.language} ${entry.icd} is ported by ${porting.map((r) => r.id).join(", ")} and also listed in icd-not-ported.yaml`);
    for (const r of porting) {
      if (entry.cwe && r.cwe !== entry.cwe) problems.push(`CWE ${r.id} ports ICD ${entry.icd} (${entry.language}) with ${r.cwe}; ICD says ${entry.cwe} (keep ICD's as cwe, ours in alsoCwe)`);
    }
    rows.push({ entry, rules: porting.map((r) => r.id), reason: porting.length === 0 ? reason : undefined });
  }
  const known = new Set(icdRules.map((e) => e.icd));
  for (const r of rules) for (const id of r.icd) if (!known.has(id)) problems.push(`${r.id} names ICD rule ${id}, which icd-rules.yaml does not have`);
  const entries = new Set(icdRules.map((e) => key(e.icd, e.language)));
  for (const n of notPorted) if (!entries.has(key(n.icd, n.language))) problems.push(`icd-not-ported.yaml: ${n.language} ${n.icd} is not an ICD rule of that language`);
  const order = notPorted.map((n) => icdLanguages.indexOf(n.language as (typeof icdLanguages)[number]));
  if (order.some((o, i) => o < 0 || (i > 0 && o < order[i - 1]!))) problems.push("icd-not-ported.yaml: entries must be sorted by language (all, c, cpp, csharp, java, javascript, php, python, rust)");
  return { rows, problems };
}

/** Per language: ICD rules, how many are ported, how many are listed as not ported. */
export function paritySummary(rows: readonly ParityRow[]): { language: string; total: number; ported: number; notPorted: number }[] {
  return icdLanguages.map((language) => {
    const mine = rows.filter((r) => r.entry.language === language);
    return { language, total: mine.length, ported: mine.filter((r) => r.rules.length > 0).length, notPorted: mine.filter((r) => r.rules.length === 0 && r.reason !== undefined).length };
  });
}
