/**
 * The Shield gate: every suggestion is scanned before it is shown. The suggestion is scanned in
 * place (with up to 30 lines before it and 10 after, so rules see the call it completes), and
 * only findings that touch the suggested text count. With `enclave.shield.completions` set to
 * "block", a suggestion with an error-severity finding is held back; "warn" shows it and says
 * why it is risky; "off" does not scan.
 */
import type { ShieldFinding } from "../../common/protocol";

export type ShieldMode = "block" | "warn" | "off";

export interface GateInput {
  readonly languageId: string;
  /** The document as it is, and where the suggestion would be inserted. */
  readonly text: string;
  readonly offset: number;
  readonly insert: string;
}

export type GateFinding = Pick<ShieldFinding, "ruleId" | "cwe" | "severity" | "message">;

export interface GateVerdict {
  readonly allowed: boolean;
  /** Findings in the suggested text (the ones that held it back, or the ones to warn about). */
  readonly findings: readonly GateFinding[];
}

export interface CompletionGate {
  check(input: GateInput, mode: ShieldMode): Promise<GateVerdict>;
  /** Gets ready for a language ahead of time (a file of it was opened), so no suggestion waits for it. */
  prepare?(languageId: string): Promise<void>;
}

/** The part of the Shield scanner the gate uses (ShieldScanner satisfies it). */
export interface GateScanner {
  supports(languageId: string): boolean;
  prepare(languageId: string): Promise<unknown>;
  scanSync(text: string, languageId: string): ShieldFinding[] | undefined;
}

const allowed: GateVerdict = { allowed: true, findings: [] };

/** A gate that lets everything through, for engines without Shield and for tests. */
export const passThroughGate: CompletionGate = { check: async () => allowed };

const LINES_BEFORE = 30;
const LINES_AFTER = 10;

export class ShieldGate implements CompletionGate {
  constructor(private readonly scanner: () => GateScanner) {}

  async prepare(languageId: string): Promise<void> {
    const scanner = this.scanner();
    if (scanner.supports(languageId)) await scanner.prepare(languageId);
  }

  async check(input: GateInput, mode: ShieldMode): Promise<GateVerdict> {
    if (mode === "off" || !input.insert.trim()) return allowed;
    const scanner = this.scanner();
    if (!scanner.supports(input.languageId)) return allowed;
    await scanner.prepare(input.languageId);
    const { snippet, start, end } = window(input);
    const findings = (scanner.scanSync(snippet, input.languageId) ?? []).filter((f) => {
      const from = offsetOf(snippet, f.line, f.column);
      const to = offsetOf(snippet, f.endLine, f.endColumn);
      return from < end && Math.max(to, from + 1) > start;
    });
    const found = findings.map(({ ruleId, cwe, severity, message }) => ({ ruleId, cwe, severity, message }));
    if (mode === "block" && found.some((f) => f.severity === "error")) return { allowed: false, findings: found.filter((f) => f.severity === "error") };
    return { allowed: true, findings: found };
  }
}

/** The suggestion in place, with some lines around it, and where it lies in that snippet. */
function window(input: GateInput): { snippet: string; start: number; end: number } {
  const { text, offset, insert } = input;
  let from = text.lastIndexOf("\n", offset - 1) + 1;
  for (let n = 0; n < LINES_BEFORE && from > 0; n++) from = from < 2 ? 0 : text.lastIndexOf("\n", from - 2) + 1;
  let to = text.indexOf("\n", offset);
  for (let n = 0; n < LINES_AFTER && to >= 0; n++) to = text.indexOf("\n", to + 1);
  if (to < 0) to = text.length;
  const before = text.slice(from, offset);
  return { snippet: before + insert + text.slice(offset, to), start: before.length, end: before.length + insert.length };
}

function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let i = 0; i < line; i++) {
    const next = text.indexOf("\n", at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return at + column;
}
