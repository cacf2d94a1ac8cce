/**
 * The shape of a Shield rule and its validation. Rules are data (YAML files, or a JSON
 * bundle built from them); this file turns an untrusted parsed object into a typed rule or a
 * list of problems, so a broken rule is named instead of breaking the scanner.
 */
import { grammarFor } from "../syntax/languages";

export type ShieldSeverity = "error" | "warning" | "info";

/** A mechanical replacement offered as a quick fix. */
export interface RuleFix {
  /** A regex searched in the text of the `@fix` (or `@finding`) node; first match only. */
  readonly pattern: string;
  /** `String.prototype.replace` replacement text (`$1`, `$<name>` work). */
  readonly replacement: string;
  readonly title?: string;
  /**
   * Import lines the replacement needs (`import ast`, `#include <stdio.h>`), added after the
   * file's imports when it lacks them; a fix without its import leaves code that crashes.
   */
  readonly imports?: readonly string[];
}

export interface ShieldRule {
  readonly id: string;
  /** VS Code language ids as written in the rule (see languages.ts for what they imply). */
  readonly languages: readonly string[];
  /** The primary CWE: where the rule ports a Code Shield (ICD) rule, the CWE that rule gives. */
  readonly cwe: string;
  /** Further CWEs that describe the finding (our judgement where it differs from ICD's). */
  readonly alsoCwe: readonly string[];
  /** Ids of the Code Shield Insecure Code Detector rules this rule ports (for the parity table). */
  readonly icd: readonly string[];
  readonly severity: ShieldSeverity;
  readonly message: string;
  readonly references: readonly string[];
  /** Regex: the whole rule when there is no query, the prescan when there is one. */
  readonly pattern: string;
  readonly ignoreCase: boolean;
  /** A second regex the text must also match somewhere (a taint source, say) for the rule to run. */
  readonly requires?: string;
  readonly query?: string;
  readonly fix?: RuleFix;
  readonly inStrings: boolean;
  readonly inComments: boolean;
  /** Where the rule came from (a YAML path), for messages; absent in bundles. */
  readonly source?: string;
}

const knownFields = new Set([
  "id", "language", "cwe", "severity", "message", "references", "pattern", "ignoreCase", "requires",
  "query", "fix", "inStrings", "inComments", "alsoCwe", "icd",
]);
const severities: readonly string[] = ["error", "warning", "info"];
const idShape = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

/** Turns a parsed YAML/JSON object into a rule; problems are full sentences naming the field. */
export function validateRule(raw: unknown, source?: string): { rule?: ShieldRule; problems: string[] } {
  const problems: string[] = [];
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return { problems: ["the rule is not a mapping"] };
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!knownFields.has(key)) problems.push(`unknown field "${key}"`);

  const str = (key: string, required: boolean): string | undefined => {
    const v = r[key];
    if (v === undefined) {
      if (required) problems.push(`missing required field "${key}"`);
      return undefined;
    }
    if (typeof v !== "string" || v.trim() === "") {
      problems.push(`"${key}" must be a non-empty string`);
      return undefined;
    }
    return v;
  };
  const bool = (key: string): boolean => {
    const v = r[key];
    if (v === undefined) return false;
    if (typeof v !== "boolean") problems.push(`"${key}" must be true or false`);
    return v === true;
  };

  const id = str("id", true);
  if (id && !idShape.test(id)) problems.push(`id "${id}" must be lowercase kebab-case like python-os-system`);
  const languages = typeof r.language === "string" ? [r.language] : r.language;
  if (!Array.isArray(languages) || languages.length === 0 || !languages.every((l) => typeof l === "string")) {
    problems.push(`"language" must be a language id or a non-empty list of them`);
  } else {
    for (const l of languages) if (!grammarFor(l)) problems.push(`language "${l}" has no grammar`);
  }
  const cwe = str("cwe", true);
  if (cwe && !/^CWE-[1-9][0-9]*$/.test(cwe)) problems.push(`cwe "${cwe}" must look like CWE-78`);
  const alsoCwe = strList("alsoCwe", problems, r);
  for (const c of alsoCwe) if (!/^CWE-[1-9][0-9]*$/.test(c) || c === cwe) problems.push(`alsoCwe "${c}" must look like CWE-78 and differ from cwe`);
  const icd = strList("icd", problems, r);
  const severity = str("severity", true);
  if (severity && !severities.includes(severity)) problems.push(`severity "${severity}" must be error, warning or info`);
  const message = str("message", true);
  const references = r.references;
  if (!Array.isArray(references) || references.length === 0) problems.push(`"references" must be a non-empty list of URLs`);
  else for (const u of references) if (typeof u !== "string" || !/^https?:\/\/\S+$/.test(u)) problems.push(`reference ${JSON.stringify(u)} is not an http(s) URL`);

  const pattern = str("pattern", true);
  const ignoreCase = bool("ignoreCase");
  if (pattern) {
    try {
      new RegExp(pattern, ignoreCase ? "i" : "");
    } catch (e) {
      problems.push(`pattern does not compile: ${(e as Error).message}`);
    }
  }
  const requires = str("requires", false);
  if (requires) {
    try {
      new RegExp(requires, ignoreCase ? "i" : "");
    } catch (e) {
      problems.push(`requires does not compile: ${(e as Error).message}`);
    }
  }
  const query = str("query", false);
  const fix = validateFix(r.fix, problems);
  const inStrings = bool("inStrings");
  const inComments = bool("inComments");
  if (query && (inStrings || inComments)) problems.push(`inStrings/inComments only apply to rules without a query`);
  if (id && source) {
    const base = source.replace(/\\/g, "/").split("/").pop()?.replace(/\.ya?ml$/, "");
    if (base !== id) problems.push(`the file name ${base}.yaml does not match the id ${id}`);
  }
  if (problems.length > 0 || !id || !cwe || !severity || !message || !pattern || !Array.isArray(languages)) return { problems };
  return {
    problems,
    rule: {
      id, languages: languages as string[], cwe, alsoCwe, icd, severity: severity as ShieldSeverity, message: message.trim(),
      references: references as string[], pattern, ignoreCase, requires, query, fix, inStrings, inComments, source,
    },
  };
}

/** An optional list of non-empty strings; absent is an empty list. */
function strList(key: string, problems: string[], r: Record<string, unknown>): string[] {
  const v = r[key];
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((s) => typeof s === "string" && s.trim() !== "")) {
    problems.push(`"${key}" must be a list of non-empty strings`);
    return [];
  }
  return v as string[];
}

function validateFix(raw: unknown, problems: string[]): RuleFix | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    problems.push(`"fix" must be a mapping with pattern and replacement`);
    return undefined;
  }
  const f = raw as Record<string, unknown>;
  for (const key of Object.keys(f)) if (!["pattern", "replacement", "title", "imports"].includes(key)) problems.push(`unknown field "fix.${key}"`);
  if (typeof f.pattern !== "string" || f.pattern === "") problems.push(`"fix.pattern" must be a non-empty string`);
  if (typeof f.replacement !== "string") problems.push(`"fix.replacement" must be a string`);
  if (f.title !== undefined && typeof f.title !== "string") problems.push(`"fix.title" must be a string`);
  const imports = f.imports;
  const importsOk = imports === undefined || (Array.isArray(imports) && imports.length > 0 && imports.every((i) => typeof i === "string" && i.trim() !== "" && !i.includes("\n")));
  if (!importsOk) problems.push(`"fix.imports" must be a non-empty list of one-line import statements`);
  if (typeof f.pattern !== "string" || typeof f.replacement !== "string") return undefined;
  try {
    new RegExp(f.pattern);
  } catch (e) {
    problems.push(`fix.pattern does not compile: ${(e as Error).message}`);
    return undefined;
  }
  const fix: RuleFix = { pattern: f.pattern, replacement: f.replacement, title: typeof f.title === "string" ? f.title : undefined };
  return importsOk && imports !== undefined ? { ...fix, imports: imports as string[] } : fix;
}

/** The YAML shape of a rule (what `validateRule` reads), without defaults; used for bundles. */
export function toRawRule(rule: ShieldRule): Record<string, unknown> {
  const { id, languages, cwe, alsoCwe, icd, severity, message, references, pattern, ignoreCase, requires, query, fix, inStrings, inComments } = rule;
  const raw: Record<string, unknown> = { id, language: [...languages], cwe, severity, message, references: [...references], pattern };
  if (alsoCwe.length) raw.alsoCwe = [...alsoCwe];
  if (icd.length) raw.icd = [...icd];
  if (ignoreCase) raw.ignoreCase = true;
  if (requires !== undefined) raw.requires = requires;
  if (query !== undefined) raw.query = query;
  if (fix) {
    const rawFix: Record<string, unknown> = { pattern: fix.pattern, replacement: fix.replacement };
    if (fix.title !== undefined) rawFix.title = fix.title;
    if (fix.imports) rawFix.imports = [...fix.imports];
    raw.fix = rawFix;
  }
  if (inStrings) raw.inStrings = true;
  if (inComments) raw.inComments = true;
  return raw;
}
