/**
 * The Shield scanner: text + VS Code language id → findings. Every rule's regex is a cheap
 * prescan, so most snippets are answered without parsing; the text is parsed at most once per
 * scan, and only when a query must run or a regex match must be checked against comments and
 * strings. Regexes and queries are compiled once per language and kept.
 */
import type { ShieldFinding } from "../../common/protocol";
import { expandRuleLanguages, grammarFor } from "../syntax/languages";
import { importEdit } from "./importInserter";
import { LineIndex } from "./lineIndex";
import { compileQuery, ensureLanguage, parseSync, type CompiledQuery, type ParsedTree, type TextRange } from "../syntax/parser";
import { contextAt } from "./lexicalContext";
import type { ShieldRule } from "./rule";
import { isSuppressed, suppressionMarker } from "./suppression";

/** A text edit in 0-based positions of the scanned text. */
export interface ShieldEdit {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly newText: string;
}

/** A finding plus what the editor needs for a quick fix; strip `fix` before sending over the wire. */
export interface ScanFinding extends ShieldFinding {
  readonly fix?: ShieldFix;
}

/** A rule's mechanical fix at one finding: the replacement and, when needed, the imports it uses. */
export interface ShieldFix {
  readonly title: string;
  readonly edit: ShieldEdit;
  /** Inserts the import lines the replacement needs; absent when the file has them already. */
  readonly imports?: ShieldEdit;
}

/** A rule that could not be compiled for a language (a bad query, usually). */
export interface CompileProblem { readonly ruleId: string; readonly languageId: string; readonly message: string }

interface CompiledRule {
  readonly rule: ShieldRule;
  readonly prescan: RegExp;
  readonly requires?: RegExp;
  /** For rules without a query: the global, index-reporting version of the pattern. */
  readonly matcher?: RegExp;
  readonly query?: CompiledQuery;
  readonly fix?: RegExp;
  readonly needsTree: boolean;
}

export class ShieldScanner {
  private readonly byLanguage = new Map<string, Promise<CompiledRule[]>>();
  private readonly ready = new Map<string, CompiledRule[]>();
  private readonly byId = new Map<string, ShieldRule>();
  /** Problems found while compiling, for the rule test and the server log. */
  readonly compileProblems: CompileProblem[] = [];

  constructor(readonly rules: readonly ShieldRule[]) {
    for (const rule of rules) this.byId.set(rule.id, rule);
  }

  rule(id: string): ShieldRule | undefined {
    return this.byId.get(id);
  }

  /** True when Shield can scan this language id. */
  supports(languageId: string): boolean {
    return grammarFor(languageId) !== undefined;
  }

  /** Loads the grammar and compiles the rules of a language; later calls are free. */
  prepare(languageId: string): Promise<CompiledRule[]> {
    let pending = this.byLanguage.get(languageId);
    if (!pending) {
      pending = this.compile(languageId);
      this.byLanguage.set(languageId, pending);
    }
    return pending;
  }

  /** Scans a text; unsupported languages give no findings. */
  async scan(text: string, languageId: string): Promise<ScanFinding[]> {
    if (!this.supports(languageId)) return [];
    if (!this.ready.has(languageId)) await this.prepare(languageId);
    // Cheap once loaded; after a tree-sitter failure it waits for the renewed runtime's grammar.
    await ensureLanguage(languageId);
    return this.scanSync(text, languageId) ?? [];
  }

  /**
   * Scans synchronously once `prepare(languageId)` has resolved (the completion gate uses
   * this to stay off the event loop); before that it returns undefined.
   */
  scanSync(text: string, languageId: string, onlyRule?: string): ScanFinding[] | undefined {
    const compiled = this.ready.get(languageId);
    if (!compiled) return undefined;
    const hits = compiled.filter((c) => (onlyRule === undefined || c.rule.id === onlyRule) && c.prescan.test(text) && (!c.requires || c.requires.test(text)));
    if (hits.length === 0) return [];
    let tree: ParsedTree | undefined;
    let lines: LineIndex | undefined;
    const getLines = (): LineIndex => (lines ??= new LineIndex(text));
    const findings: ScanFinding[] = [];
    try {
      if (hits.some((c) => c.needsTree)) tree = parseSync(text, languageId);
      for (const c of hits) {
        if (c.query) {
          if (tree) this.runQuery(c, tree, text, languageId, findings);
        } else {
          this.runRegex(c, tree, text, languageId, getLines, findings);
        }
      }
    } finally {
      tree?.dispose();
    }
    return finish(findings, text, getLines);
  }

  /**
   * Runs a rule's query over the whole tree. The prescan is a gate on the whole text, not on
   * lines: rules may prescan for a source (`getName()`) and report a sink on another line.
   */
  private runQuery(c: CompiledRule, tree: ParsedTree, text: string, languageId: string, out: ScanFinding[]): void {
    for (const match of c.query!.matches(tree)) {
      const finding = match.captures.find((k) => k.name === "finding");
      if (!finding) continue;
      const range = tree.rangeOf(finding.node);
      const fixNode = match.captures.find((k) => k.name === "fix")?.node ?? finding.node;
      const fixRange = c.fix ? tree.rangeOf(fixNode) : undefined;
      out.push(toFinding(c, range.start.row, range.start.column, range.end.row, range.end.column, fixRange && fixEdit(c, text, languageId, fixRange)));
    }
  }

  private runRegex(c: CompiledRule, tree: ParsedTree | undefined, text: string, languageId: string, lines: () => LineIndex, out: ScanFinding[]): void {
    const re = c.matcher!;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      const [start, end] = m.indices?.groups?.finding ?? [m.index, m.index + m[0].length];
      if (tree) {
        const where = contextAt(tree, start);
        if ((where === "comment" && !c.rule.inComments) || (where === "string" && !c.rule.inStrings)) continue;
      }
      const s = lines().position(start);
      const e = lines().position(end);
      const range: TextRange = { start: { row: s.line, column: s.column }, end: { row: e.line, column: e.column }, startIndex: start, endIndex: end };
      out.push(toFinding(c, s.line, s.column, e.line, e.column, c.fix && fixEdit(c, text, languageId, range)));
    }
  }

  private async compile(languageId: string): Promise<CompiledRule[]> {
    const grammar = grammarFor(languageId);
    if (!grammar || !(await ensureLanguage(languageId))) return [];
    const out: CompiledRule[] = [];
    for (const rule of this.rules) {
      if (!expandRuleLanguages(rule.languages).includes(languageId)) continue;
      try {
        const flags = rule.ignoreCase ? "i" : "";
        const query = rule.query ? compileQuery(grammar, rule.query) : undefined;
        if (query && !query.captureNames.includes("finding")) throw new Error("the query has no @finding capture");
        out.push({
          rule,
          prescan: new RegExp(rule.pattern, `${flags}m`),
          requires: rule.requires ? new RegExp(rule.requires, `${flags}m`) : undefined,
          matcher: query ? undefined : new RegExp(rule.pattern, `${flags}gdm`),
          query,
          fix: rule.fix ? new RegExp(rule.fix.pattern) : undefined,
          needsTree: query !== undefined || !(rule.inStrings && rule.inComments),
        });
      } catch (e) {
        this.compileProblems.push({ ruleId: rule.id, languageId, message: (e as Error).message });
      }
    }
    this.ready.set(languageId, out);
    return out;
  }
}

function toFinding(c: CompiledRule, line: number, column: number, endLine: number, endColumn: number, fix: ScanFinding["fix"]): ScanFinding {
  const { id, cwe, alsoCwe, severity, message } = c.rule;
  const base = { ruleId: id, cwe, ...(alsoCwe.length ? { alsoCwe: [...alsoCwe] } : {}), severity, message, line, column, endLine, endColumn };
  return fix ? { ...base, fix } : base;
}

/** The rule's fix applied to a range of the text, or undefined when its regex does not match there. */
function fixEdit(c: CompiledRule, text: string, languageId: string, range: TextRange): ScanFinding["fix"] {
  const original = text.slice(range.startIndex, range.endIndex);
  const replaced = original.replace(c.fix!, c.rule.fix!.replacement);
  if (replaced === original) return undefined;
  const fix: ShieldFix = {
    title: c.rule.fix!.title ?? `Fix: ${c.rule.id}`,
    edit: { line: range.start.row, column: range.start.column, endLine: range.end.row, endColumn: range.end.column, newText: replaced },
  };
  const imports = c.rule.fix!.imports && importEdit(text, languageId, c.rule.fix!.imports);
  return imports ? { ...fix, imports } : fix;
}

/** Drops suppressed findings and duplicates (two patterns of one rule on one node), then sorts. */
function finish(findings: ScanFinding[], text: string, lines: () => LineIndex): ScanFinding[] {
  const checkSuppression = text.includes(suppressionMarker);
  const seen = new Set<string>();
  const out: ScanFinding[] = [];
  for (const f of findings) {
    const key = `${f.ruleId}:${f.line}:${f.column}:${f.endLine}:${f.endColumn}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (checkSuppression && isSuppressed(lines(), f.line, f.ruleId)) continue;
    out.push(f);
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}
