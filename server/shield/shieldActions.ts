/**
 * The pure half of the Shield feature: findings → LSP diagnostics, and diagnostics → quick
 * fixes (the rule's mechanical fix, and an `enclave-ignore` comment). Nothing here touches a
 * connection, so it is unit-tested directly.
 */
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type TextEdit } from "vscode-languageserver-protocol";
import type { ScanFinding, ShieldEdit } from "./scanner";
import { lineCommentFor, suppressedIds, suppressionComment, suppressionMarker } from "./suppression";

export const diagnosticSource = "Enclave Shield";

/** What a Shield diagnostic carries in `data`, so code actions need no server-side cache. */
export interface ShieldDiagnosticData {
  readonly ruleId: string;
  readonly fix?: { readonly title: string; readonly edit: ShieldEdit };
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
    message: `${f.message} [${f.ruleId}${f.alsoCwe?.length ? `; also ${f.alsoCwe.join(", ")}` : ""}]`,
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

/** Quick fixes for the Shield diagnostics of a code-action request. */
export function codeActionsFor(uri: string, text: string, languageId: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  // Split only when a Shield diagnostic needs it: clients ask for code actions on every cursor
  // move, and splitting a huge document each time would block the server.
  let lines: string[] | undefined;
  const actions: CodeAction[] = [];
  const suppressed = new Set<string>();
  for (const d of diagnostics) {
    if (d.source !== diagnosticSource || !isShieldData(d.data)) continue;
    const { ruleId, fix } = d.data;
    if (fix) {
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: [toTextEdit(fix.edit)] } } });
    }
    const key = `${ruleId}:${d.range.start.line}`;
    if (suppressed.has(key)) continue;
    suppressed.add(key);
    actions.push({
      title: `Suppress ${ruleId} on this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [uri]: [suppressionEdit(lines ??= text.split(/\r?\n/), d.range.start.line, languageId, ruleId)] } },
    });
  }
  return actions;
}

export { lineCommentFor };
