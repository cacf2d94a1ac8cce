/**
 * Renders a next-edit format (nextEditFormats.ts) with the user's recent edits and the window
 * around the cursor, and reads the rewritten window back out of a model's answer.
 */
import type { ChatMessage, PromptPiece } from "../engine/types";
import { CURSOR_MARKER, INSTRUCT_CURSOR, REGION_END, REGION_START, START_OF_FILE, type NextEditFormat } from "./nextEditFormats";

export interface RecentEdit {
  readonly path: string;
  /** First line of the hunk (0-based), for the unified diff header. */
  readonly startLine: number;
  readonly original: string;
  readonly updated: string;
}

export interface NextEditPromptInput {
  readonly path: string;
  readonly related: readonly { readonly path: string; readonly text: string }[];
  /** Oldest first. */
  readonly edits: readonly RecentEdit[];
  /** The editable window before the latest edit and now (whole lines, no trailing newline). */
  readonly originalWindow: string;
  readonly currentWindow: string;
  /** The cursor's offset inside `currentWindow`. */
  readonly cursorOffset: number;
  /** Lines above and below the window (Zeta shows them around the region markers). */
  readonly contextBefore: string;
  readonly contextAfter: string;
  /** True when the window (with its context) begins the file. */
  readonly atFileStart: boolean;
}

export type RenderedNextEdit =
  | { readonly kind: "completion"; readonly prompt: readonly PromptPiece[] }
  | { readonly kind: "chat"; readonly messages: readonly ChatMessage[] };

/** A unified diff of one whole-line hunk (every old line removed, every new line added). */
export function hunkDiff(edit: RecentEdit): string {
  const oldLines = edit.original === "" ? [] : edit.original.split("\n");
  const newLines = edit.updated === "" ? [] : edit.updated.split("\n");
  const at = edit.startLine + 1;
  return [`@@ -${at},${oldLines.length} +${at},${newLines.length} @@`, ...oldLines.map((l) => `-${l}`), ...newLines.map((l) => `+${l}`)].join("\n");
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Expands the pieces; `{related}` and `{edits}` become lists of pieces (they may hold tokens). */
function expand(pieces: readonly PromptPiece[], values: Record<string, string>, lists: Record<string, readonly PromptPiece[]>): PromptPiece[] {
  const out: PromptPiece[] = [];
  for (const piece of pieces) {
    if (typeof piece !== "string") {
      out.push(piece);
      continue;
    }
    for (const part of piece.split(/(\{related\}|\{edits\})/)) {
      const list = lists[part.slice(1, -1)];
      if (/^\{(related|edits)\}$/.test(part) && list) out.push(...list);
      else if (part) out.push(fill(part, values));
    }
  }
  return mergeStrings(out);
}

function mergeStrings(pieces: PromptPiece[]): PromptPiece[] {
  const out: PromptPiece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (typeof p === "string" && typeof last === "string") out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out;
}

function zetaExcerpt(input: NextEditPromptInput): string {
  const window = input.currentWindow.slice(0, input.cursorOffset) + CURSOR_MARKER + input.currentWindow.slice(input.cursorOffset);
  const before = input.contextBefore ? `${input.contextBefore}\n` : "";
  const after = input.contextAfter ? `\n${input.contextAfter}` : "";
  return `${input.atFileStart ? `${START_OF_FILE}\n` : ""}${before}${REGION_START}\n${window}\n${REGION_END}${after}`;
}

/** Markers a format writes as text; a window that already contains one would be misread. */
const TEXT_MARKERS = [CURSOR_MARKER, REGION_START, REGION_END, START_OF_FILE, INSTRUCT_CURSOR];

/** The prompt, or undefined when the code contains a marker the format's answer would be cut at. */
export function renderNextEdit(format: NextEditFormat, input: NextEditPromptInput): RenderedNextEdit | undefined {
  const all = [input.currentWindow, input.originalWindow, input.contextBefore, input.contextAfter, ...input.edits.flatMap((e) => [e.original, e.updated])];
  if (all.some((t) => TEXT_MARKERS.some((m) => t.includes(m)))) return undefined;
  const related = input.related.flatMap((r) => expand(format.relatedFile, { path: r.path, text: r.text }, {}));
  const edits = input.edits.flatMap((e) => expand(format.recentEdit, { path: e.path, original: e.original, updated: e.updated, diff: hunkDiff(e) }, {}));
  const current = format.kind === "chat" ? input.currentWindow.slice(0, input.cursorOffset) + INSTRUCT_CURSOR + input.currentWindow.slice(input.cursorOffset) : input.currentWindow;
  const values = { path: input.path, original: input.originalWindow, current, excerpt: format.answer === "zetaRegion" ? zetaExcerpt(input) : "" };
  const pieces = expand(format.frame, values, { related, edits });
  if (format.kind === "completion") return { kind: "completion", prompt: pieces };
  const user = pieces.map((p) => (typeof p === "string" ? p : "")).join("");
  return { kind: "chat", messages: [{ role: "system", content: format.system ?? "" }, { role: "user", content: user }] };
}

/** The rewritten window in a model's answer, or undefined when the answer does not hold one. */
export function windowFromAnswer(format: NextEditFormat, answer: string): string | undefined {
  let text = answer;
  for (const stop of format.stop) {
    const at = text.indexOf(stop);
    if (at !== -1) text = text.slice(0, at);
  }
  switch (format.answer) {
    case "window":
      return text.endsWith("\n") ? text.slice(0, -1) : text;
    case "zetaRegion": {
      const start = text.indexOf(REGION_START);
      if (start === -1) return undefined;
      let region = text.slice(start + REGION_START.length).replace(/^\n/, "");
      const end = region.indexOf(REGION_END);
      if (end !== -1) region = region.slice(0, end);
      return region.replace(/\n$/, "").split(CURSOR_MARKER).join("");
    }
    case "fence": {
      const m = /```[^\n]*\n([\s\S]*?)(?:\n```|$)/.exec(text);
      if (!m) return undefined;
      return m[1]!.split(INSTRUCT_CURSOR).join("");
    }
  }
}
