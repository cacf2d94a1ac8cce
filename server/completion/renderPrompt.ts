/**
 * Renders a FIM template with the parts of one request into engine prompt pieces. Pure: the
 * same parts always give the same pieces, which is what keeps the KV cache reusable.
 */
import type { PromptPiece } from "../engine/types";
import type { FimTemplate, TemplatePiece } from "./templates";

export interface ContextFile {
  /** The path as shown to the model (relative to the repository when known). */
  readonly path: string;
  readonly text: string;
}

export interface PromptParts {
  readonly repo: string;
  readonly path: string;
  /** The language's line-comment marker (`#`, `//`, `--`). */
  readonly comment: string;
  readonly context: readonly ContextFile[];
  readonly prefix: string;
  readonly suffix: string;
  readonly line: string;
}

const placeholder = /\{(repo|path|comment|context|prefix|suffix|line|text)\}/g;

function fill(text: string, values: Record<string, string>): string {
  return text.replace(placeholder, (whole, name: string) => values[name] ?? whole);
}

/** Renders pieces that may hold `{context}` (which expands to pieces of its own). */
function renderPieces(pieces: readonly TemplatePiece[], values: Record<string, string>, context: PromptPiece[]): PromptPiece[] {
  const out: PromptPiece[] = [];
  for (const piece of pieces) {
    if (typeof piece !== "string") {
      out.push(piece);
      continue;
    }
    const parts = piece.split("{context}");
    parts.forEach((part, i) => {
      if (i > 0) pushAll(out, context);
      const text = fill(part, values);
      if (text) pushAll(out, [text]);
    });
  }
  return out;
}

/** Appends pieces, joining adjacent strings so the tokenizer sees the text as the template meant it. */
function pushAll(out: PromptPiece[], pieces: readonly PromptPiece[]): void {
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (typeof piece === "string" && typeof last === "string") out[out.length - 1] = last + piece;
    else out.push(piece);
  }
}

/** The extra context as pieces: the repository header (when the template has one) and the files. */
function renderContext(template: FimTemplate, parts: PromptParts): PromptPiece[] {
  if (parts.context.length === 0) return [];
  const base = { repo: parts.repo, path: parts.path, comment: parts.comment };
  const out: PromptPiece[] = [];
  if (template.repoHeader) pushAll(out, renderPieces(template.repoHeader, base, []));
  for (const file of parts.context) pushAll(out, renderPieces(template.contextFile, { ...base, path: file.path, text: file.text }, []));
  return out;
}

/**
 * The prompt pieces for a request. `{line}` is filled last and, where the template gives it a
 * piece of its own, kept apart from the piece before it so its tokens stay at the very end.
 */
export function renderPrompt(template: FimTemplate, parts: PromptParts): PromptPiece[] {
  const context = renderContext(template, parts);
  const values = { repo: parts.repo, path: parts.path, comment: parts.comment, prefix: parts.prefix, suffix: parts.suffix, line: parts.line };
  const last = template.frame[template.frame.length - 1];
  if (typeof last !== "string" || !last.endsWith("{line}")) throw new Error(`The FIM template ${template.id} must end with {line}.`);
  const head = renderPieces(template.frame.slice(0, -1), values, context);
  const tail = renderPieces([last], values, context);
  // The line piece is never merged into the piece before it: that boundary must stay fixed.
  return [...head, ...tail];
}
