/**
 * One next-edit prediction: the window around the cursor, the user's recent edits, a prompt in
 * the model's format, the model's rewrite of the window, and the edits that rewrite implies —
 * minus no-ops, undos of the user's own latest edit, and anything Shield finds an error in.
 */
import type { NextEditChange, NextEditPredictResult, ShieldFinding } from "../../common/protocol";
import type { Engine, GenerateResult } from "../engine/types";
import type { ShieldScanner } from "../shield/scanner";
import { toWireFinding } from "../shield/wireFinding";
import { applyEdits, editsBetween, undoesLatestEdit, type SuggestedEdit } from "./answerEdits";
import type { EditHunk } from "./editHistory";
import type { NextEditFormat } from "./nextEditFormats";
import { renderNextEdit, windowFromAnswer, type RecentEdit } from "./renderNextEdit";

export interface NextEditWindowSizes {
  /** Lines above and below the cursor's line that the model may rewrite. */
  readonly above: number;
  readonly below: number;
  /** Lines of read-only context around the window (Zeta shows them). */
  readonly context: number;
}

export const DEFAULT_WINDOW: NextEditWindowSizes = { above: 10, below: 10, context: 6 };

export interface NextEditInput {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly languageId: string;
  readonly position: { readonly line: number; readonly character: number };
  /** Recent hunks over all files, oldest first. */
  readonly hunks: readonly EditHunk[];
  /** A path for the prompt (relative to the workspace). */
  readonly pathOf: (uri: string) => string;
  readonly related?: readonly { readonly path: string; readonly text: string }[];
}

export interface NextEditRun {
  readonly engine: Engine;
  readonly format: NextEditFormat;
  readonly scanner: ShieldScanner;
  readonly signal: AbortSignal;
  readonly window?: NextEditWindowSizes;
  /** The most tokens the answer may take beyond the window's own size. */
  readonly slackTokens?: number;
  /** A cap on the answer's tokens (enclave.nextEdit.maxTokens); 0 or absent: none. */
  readonly maxTokens?: number;
}

const lineSlice = (lines: readonly string[], from: number, to: number) => lines.slice(Math.max(0, from), Math.max(0, to)).join("\n");

/** The window's text before the latest hunk, when that hunk lies inside the window. */
function originalWindow(lines: readonly string[], start: number, end: number, latest: EditHunk | undefined, uri: string): string {
  const current = lineSlice(lines, start, end);
  if (!latest || latest.uri !== uri) return current;
  const count = latest.updated.split("\n").length;
  if (latest.startLine < start || latest.startLine + count > end) return current;
  const inside = lines.slice(start, end);
  inside.splice(latest.startLine - start, count, ...latest.original.split("\n"));
  return inside.join("\n");
}

function toChange(e: SuggestedEdit): NextEditChange {
  return { range: { start: e.start, end: e.end }, newText: e.newText };
}

/** The most characters of code around the cursor a prediction sends (the window and its context). */
export const MAX_WINDOW_CHARS = 32_768;

export async function predictNextEdit(input: NextEditInput, run: NextEditRun): Promise<NextEditPredictResult> {
  const started = Date.now();
  const base = { uri: input.uri, version: input.version };
  const sizes = run.window ?? DEFAULT_WINDOW;
  const lines = input.text.split("\n");
  const line = Math.min(input.position.line, lines.length - 1);
  const start = Math.max(0, line - sizes.above);
  const end = Math.min(lines.length, line + sizes.below + 1);
  const current = lineSlice(lines, start, end);
  const latest = input.hunks[input.hunks.length - 1];
  let cursorOffset = 0;
  for (let i = start; i < line; i++) cursorOffset += lines[i]!.length + 1;
  cursorOffset += Math.min(input.position.character, lines[line]!.length);
  const contextBefore = lineSlice(lines, start - sizes.context, start);
  const contextAfter = lineSlice(lines, end, end + sizes.context);
  // A minified or generated line near the cursor would make a prompt that cannot fit, and
  // tokenizing it again at every pause is wasted work: such a window is not sent at all.
  const windowChars = current.length + contextBefore.length + contextAfter.length;
  if (windowChars > MAX_WINDOW_CHARS) {
    return { ...base, reason: `The lines around the cursor are too long for a next-edit prediction (${windowChars} characters; at most ${MAX_WINDOW_CHARS}).` };
  }
  const edits: RecentEdit[] = input.hunks.map((h) => ({ path: input.pathOf(h.uri), startLine: h.startLine, original: h.original, updated: h.updated }));
  const rendered = renderNextEdit(run.format, {
    path: input.pathOf(input.uri),
    related: input.related ?? [],
    edits,
    originalWindow: originalWindow(lines, start, end, latest, input.uri),
    currentWindow: current,
    cursorOffset,
    contextBefore,
    contextAfter,
    atFileStart: start - sizes.context <= 0,
  });
  if (!rendered) return { ...base, reason: "The code contains one of the prompt format's markers." };
  const needed = run.engine.countTokens(current) + (run.slackTokens ?? 96);
  const maxTokens = run.maxTokens ? Math.min(run.maxTokens, needed) : needed;
  let result: GenerateResult;
  if (rendered.kind === "completion") {
    result = await run.engine.generate({ sequence: "completion", prompt: rendered.prompt, maxTokens, temperature: 0, stop: run.format.stop, signal: run.signal });
  } else {
    result = await run.engine.chat({ messages: rendered.messages, sequence: "edit", maxTokens, temperature: 0, signal: run.signal });
  }
  const timings = {
    format: run.format.id, promptTokens: result.promptTokens, promptTokensEvaluated: result.promptTokensEvaluated,
    generatedTokens: result.generatedTokens, totalMs: Date.now() - started,
  };
  if (run.signal.aborted || result.stopReason === "abort") return { ...base, reason: "cancelled", timings };
  const rewritten = windowFromAnswer(run.format, result.text);
  if (rewritten === undefined) return { ...base, reason: "The model's answer held no rewritten code.", timings };
  // An answer cut by the token limit would delete the window's tail: never suggest that.
  if (result.stopReason === "maxTokens") return { ...base, reason: "The model's answer was cut short.", timings };
  const suggested = editsBetween(current, rewritten, start);
  if (!suggested.length) return { ...base, reason: "The model suggests no change.", timings };
  if (latest && latest.uri === input.uri && undoesLatestEdit(input.text, suggested, latest)) return { ...base, reason: "The suggestion would only undo your latest edit.", timings };
  const after = applyEdits(input.text, suggested);
  const findings = await editedFindings(after, input.languageId, suggested, run.scanner);
  if (findings.some((f) => f.severity === "error")) return { ...base, reason: `Shield found ${findings.find((f) => f.severity === "error")!.cwe} in the suggestion.`, timings };
  return { ...base, suggestion: { edits: suggested.map(toChange), atCursor: suggested[0]!.start.line === line, findings }, timings };
}

/** Shield findings on the lines the suggestion writes (in the text as it would be). */
async function editedFindings(after: string, languageId: string, edits: readonly SuggestedEdit[], scanner: ShieldScanner): Promise<ShieldFinding[]> {
  const first = Math.min(...edits.map((e) => e.start.line));
  const last = Math.max(...edits.map((e) => e.start.line + e.newText.split("\n").length - 1 + Math.max(0, e.end.line - e.start.line)));
  const all = await scanner.scan(after, languageId);
  return all.filter((f) => f.line <= last && f.endLine >= first).map(toWireFinding);
}
