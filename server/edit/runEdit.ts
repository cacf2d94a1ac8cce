/**
 * One inline edit, from the request to the proposal: the region, the prompt, the streamed
 * generation cut out of its code fence, and Shield's scan of the document as it would be. It
 * knows nothing of LSP (the feature sends the deltas), so a test can run it with any engine.
 *
 * Edits run on the engine's own "edit" sequence, not on chat's or completion's. In KV-cache terms:
 * an edit's prompt is the file's context (path, code above and below, the region) and a follow-up
 * repeats all of it with one more answer and instruction at the end, so on a sequence of its own
 * the follow-up re-evaluates only those last tokens. On the chat sequence the next chat turn would
 * throw that prefix away (and the edit would throw away the conversation chat keeps cached); on
 * the completion sequence every keystroke's FIM prompt would. Three sequences keep three caches.
 */
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { ChatRange, EditStartParams, EditStartResult, EditTimings, ShieldFinding } from "../../common/protocol";
import type { Engine, GenerateResult } from "../engine/types";
import type { ShieldScanner } from "../shield/scanner";
import { toWireFinding } from "../shield/wireFinding";
import { buildEditPrompt } from "./buildEditPrompt";
import { EditAnswerParser } from "./editAnswerParser";
import { pickEditTemplate } from "./editPrompts";
import { findEditRegion, type LineRegion } from "./editRegion";
import { fixRegion } from "./fixRegion";

export type EditOutcome = Omit<EditStartResult, "editId" | "deltas">;

export interface RunEditInput {
  readonly params: EditStartParams;
  readonly document: TextDocument;
  /** The file's path as the model should see it (relative to the workspace when it is inside). */
  readonly path: string;
  readonly engine: Engine;
  readonly scanner: ShieldScanner;
  readonly signal: AbortSignal;
  /** Receives each group of newly certain lines of the rewrite. */
  readonly onDelta: (text: string) => void;
}

const cancelled: EditOutcome = { findings: [], cancelled: true };

export async function runEdit(input: RunEditInput): Promise<EditOutcome> {
  const started = performance.now();
  const { params, document, engine, signal } = input;
  const text = document.getText();
  const region = await regionOf(params, text, document.languageId);
  if (signal.aborted) return cancelled;
  if (region.startLine < 0 || region.endLine >= document.lineCount || region.endLine < region.startLine) {
    return noProposal(`The range (lines ${region.startLine + 1}-${region.endLine + 1}) is outside the document, which has ${document.lineCount} lines.`);
  }
  const lines = text.split(/\r?\n/);
  const prompt = buildEditPrompt({
    template: pickEditTemplate(engine.model), lines, startLine: region.startLine, endLine: region.endLine,
    languageId: document.languageId, path: input.path, mode: params.mode ?? "rewrite", instruction: params.instruction.trim(),
    previous: params.previous ?? [], diagnosticLine: params.mode === "fix" && params.range ? params.range.start.line + 1 : undefined,
    contextSize: engine.model.contextSize, countTokens: (t) => engine.countTokens(t), countChatTokens: (m) => engine.countChatTokens(m),
  });
  if (prompt.problem) return noProposal(prompt.problem, region.symbol);

  // The document object is updated in place as the user types: what the proposal is about is taken now.
  const range = wholeLines(document, region.startLine, region.endLine);
  const originalText = document.getText(range);
  const { uri, version, languageId } = document;
  const offsets = { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
  const parser = new EditAnswerParser({ region: previousText(params) ?? originalText, eol: text.includes("\r\n") ? "\r\n" : "\n" });
  const result = await engine.chat({
    messages: prompt.messages, sequence: "edit", maxTokens: prompt.maxTokens, temperature: 0, signal,
    onText: (chunk) => {
      const lines = parser.push(chunk);
      if (lines) input.onDelta(lines);
    },
  });
  const timings = timingsOf(result, performance.now() - started);
  if (signal.aborted || result.stopReason === "abort") return { ...cancelled, timings };
  const rest = parser.finish();
  if (rest) input.onDelta(rest);
  const symbol = region.symbol ? { symbol: region.symbol } : {};
  if (!parser.text.trim()) return { ...noProposal("The model's answer had no code to put in the region.", region.symbol), timings };
  if (result.stopReason === "maxTokens" && !parser.closed) {
    return { ...noProposal(`The model's answer was cut at ${prompt.maxTokens} tokens before its code block ended, so it is not offered (it would cut the region short).`, region.symbol), timings };
  }
  const newText = parser.text;
  const after = text.slice(0, offsets.start) + newText + text.slice(offsets.end);
  const findings = await scanRewrite(input.scanner, after, languageId, range.start.line, newText);
  return {
    proposal: { uri, version, range, originalText, newText },
    ...symbol, findings, cancelled: false, timings,
  };
}

/** The lines to rewrite: a fix's statement, a selection widened to whole lines, or the region at the cursor. */
async function regionOf(params: EditStartParams, text: string, languageId: string): Promise<LineRegion> {
  const range = params.range;
  if (params.mode === "fix" && range) {
    const fix = await fixRegion(text, languageId, range);
    return { startLine: fix.startLine, endLine: fix.endLine, kind: "block" };
  }
  if (range && (range.start.line !== range.end.line || range.start.character !== range.end.character)) {
    const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
    return { startLine: range.start.line, endLine, kind: "block" };
  }
  const position = params.position ?? range?.start ?? { line: 0, character: 0 };
  return findEditRegion(text, languageId, position);
}

/**
 * Whole lines as a range: from the first line's start to the start of the line after the last
 * (so the replacement carries its own line ending), or to the end of the text on the last line.
 */
export function wholeLines(document: TextDocument, startLine: number, endLine: number): ChatRange {
  const end = endLine + 1 < document.lineCount
    ? { line: endLine + 1, character: 0 }
    : document.positionAt(document.getText().length);
  return { start: { line: startLine, character: 0 }, end };
}

/** Shield findings inside the rewritten lines, positioned in the document as it would be with the rewrite. */
async function scanRewrite(scanner: ShieldScanner, after: string, languageId: string, startLine: number, newText: string): Promise<ShieldFinding[]> {
  if (!scanner.supports(languageId)) return [];
  const lastLine = startLine + Math.max(0, newText.replace(/\r?\n$/, "").split("\n").length - 1);
  const findings = await scanner.scan(after, languageId);
  return findings.filter((f) => f.line <= lastLine && f.endLine >= startLine).map(toWireFinding);
}

/** The text the latest round produced, which a follow-up refines (its indentation is the one to keep). */
function previousText(params: EditStartParams): string | undefined {
  return params.previous?.at(-1)?.text;
}

function noProposal(reason: string, symbol?: string): EditOutcome {
  return { findings: [], cancelled: false, reason, ...(symbol ? { symbol } : {}) };
}

/**
 * The generation's statistics. Speculative decoding reports its accepted draft tokens and
 * predictor on the result when the engine runs one; an engine that does not leaves them out.
 */
function timingsOf(result: GenerateResult, totalMs: number): EditTimings {
  const prediction = result as GenerateResult & { readonly acceptedDraftTokens?: number; readonly predictor?: EditTimings["predictor"] };
  return {
    promptTokens: result.promptTokens, generatedTokens: result.generatedTokens,
    acceptedDraftTokens: prediction.acceptedDraftTokens ?? 0, predictor: prediction.predictor ?? "none", totalMs,
  };
}
