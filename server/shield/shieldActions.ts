/**
 * The pure half of the Shield feature: findings → LSP diagnostics, and diagnostics → quick
 * fixes. The order is the point: the rule's mechanical fix (with the imports it needs) first and
 * preferred, then "Fix with Enclave" (preferred when there is no mechanical fix), and the
 * `enclave-ignore` suppression last, so Ctrl+. then Enter never silences a security error.
 * Nothing here touches a connection, so it is unit-tested directly.
 */
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type TextEdit } from "vscode-languageserver-protocol";
import { ShieldFixWithModelCommand, shieldDiagnosticSource, type ShieldFixWithModelArgs } from "../../common/protocol";
import { diagnosticMessage } from "./findingTitle";
import type { ScanFinding, ShieldEdit, ShieldFix } from "./scanner";
import { lineCommentFor, suppressedIds, suppressionComment, suppressionMarker } from "./suppression";

export const diagnosticSource = shieldDiagnosticSource;

/** What a Shield diagnostic carries in `data`, so code actions need no server-side cache. */
export interface ShieldDiagnosticData {
  readonly ruleId: string;
  readonly fix?: ShieldFix;
}

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

/** The CWE page of a "CWE-<n>" id. */
export function cweUrl(cwe: string): string {
  return `https://cwe.mitre.org/data/definitions/${cwe.replace(/^CWE-/, "")}.html`;
}

export function toDiagnostic(f: ScanFinding): Diagnostic {
  const data: ShieldDiagnosticData = f.fix ? { ruleId: f.ruleId, fix: f.fix } : { ruleId: f.ruleId };
  return {
    range: { start: { line: f.line, character: f.column }, end: { line: f.endLine, character: f.endColumn } },
    severity: severities[f.severity],
    source: diagnosticSource,
    code: f.cwe,
    codeDescription: { href: cweUrl(f.cwe) },
    message: diagnosticMessage(f.ruleId, f.cwe, f.message, f.alsoCwe),
    data,
  };
}

function isShieldData(data: unknown): data is ShieldDiagnosticData {
  return typeof data === "object" && data !== null && typeof (data as { ruleId?: unknown }).ruleId === "string";
}

const toTextEdit = (e: ShieldEdit): TextEdit => ({
  range: { start: { line: e.line, character: e.column }, end: { line: e.endLine, character: e.endColumn } },
  newText: e.newText,
});

/**
 * The edit that suppresses a rule on `line`: a new comment line above it with the same
 * indentation, or the rule id appended when the line above already has an `enclave-ignore`.
 */
export function suppressionEdit(lines: readonly string[], line: number, languageId: string, ruleId: string): TextEdit {
  const above = line > 0 ? lines[line - 1] ?? "" : undefined;
  if (above !== undefined && above.includes(suppressionMarker) && !suppressedIds(above).includes(ruleId)) {
    const end = above.replace(/\s+$/, "").length;
    return { range: { start: { line: line - 1, character: end }, end: { line: line - 1, character: end } }, newText: `, ${ruleId}` };
  }
  const text = `${suppressionComment(languageId, lines[line] ?? "", ruleId)}\n`;
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: text };
}

/** The text edits of a mechanical fix: its imports (an insertion at a line start) and the replacement. */
export function fixTextEdits(fix: ShieldFix): TextEdit[] {
  return fix.imports ? [toTextEdit(fix.imports), toTextEdit(fix.edit)] : [toTextEdit(fix.edit)];
}

/**
 * Quick fixes for the Shield diagnostics of a code-action request: every mechanical fix, then
 * "Fix with Enclave" for findings without one (when `withModel`), then the suppressions.
 */
export function codeActionsFor(uri: string, text: string, languageId: string, diagnostics: readonly Diagnostic[], withModel = true): CodeAction[] {
  // Split only when a Shield diagnostic needs it: clients ask for code actions on every cursor
  // move, and splitting a huge document each time would block the server.
  let lines: string[] | undefined;
  const fixes: CodeAction[] = [];
  const modelFixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const suppressed = new Set<string>();
  for (const d of diagnostics) {
    if (d.source !== diagnosticSource || !isShieldData(d.data)) continue;
    const { ruleId, fix } = d.data;
    if (fix) {
      fixes.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: fixTextEdits(fix) } } });
    } else if (withModel) {
      const args: ShieldFixWithModelArgs = { uri, range: d.range, ruleId, cwe: String(d.code ?? ""), message: firstLine(typeof d.message === "string" ? d.message : d.message.value) };
      modelFixes.push({
        title: `Fix with Enclave: ${ruleId}`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true,
        command: { title: "Fix with Enclave", command: ShieldFixWithModelCommand.command, arguments: [args] },
      });
    }
    const key = `${ruleId}:${d.range.start.line}`;
    if (suppressed.has(key)) continue;
    suppressed.add(key);
    // No `diagnostics` on purpose: VS Code sorts actions tied to a diagnostic before the rest,
    // across every extension's providers, so this keeps suppression below other fixes too.
    suppressions.push({
      title: `Suppress ${ruleId} on this line`,
      kind: CodeActionKind.QuickFix,
      edit: { changes: { [uri]: [suppressionEdit(lines ??= text.split(/\r?\n/), d.range.start.line, languageId, ruleId)] } },
    });
  }
  return [...fixes, ...modelFixes, ...suppressions];
}

function firstLine(message: string): string {
  return message.split("\n")[0]!;
}

export { lineCommentFor };
