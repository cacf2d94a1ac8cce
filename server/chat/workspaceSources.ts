/**
 * Codebase search for a chat message: the best chunks for the question, as many as fit a token
 * budget, rendered the way the model reads them (each under its `path:start-end` heading, which
 * is also the form the model is asked to cite and the chat links).
 */
import type { ChatSource } from "../../common/protocol";
import type { CodebaseHit } from "./codebaseSearch";
import { workspaceHeading } from "./prompts";

/** How many hits are asked for; the budget usually keeps fewer. */
export const SEARCH_TOP = 12;

/** `path:start-end`, the citation form. */
export function citationOf(source: Pick<ChatSource, "path" | "startLine" | "endLine">): string {
  return source.startLine === source.endLine ? `${source.path}:${source.startLine}` : `${source.path}:${source.startLine}-${source.endLine}`;
}

/** One chunk as the model reads it. */
export function renderSource(source: ChatSource): string {
  const longest = Math.max(2, ...(source.text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const symbol = source.symbol ? ` (${source.symbol})` : "";
  return `${citationOf(source)}${symbol}\n${fence}\n${source.text.replace(/\n$/, "")}\n${fence}`;
}

/** The whole workspace part of a user message. */
export function renderSources(sources: readonly ChatSource[]): string {
  if (!sources.length) return "";
  return [workspaceHeading(citationOf(sources[0]!)), ...sources.map(renderSource)].join("\n\n");
}

/**
 * Keeps hits in rank order while their rendering fits `budget` tokens; a hit too big for what is
 * left is passed over for smaller ones below it. When not even the best hit fits, its first lines
 * are kept (with its range shortened to match), so a question about a long function still
 * carries the start of it rather than nothing.
 */
export function fitSources(hits: readonly CodebaseHit[], budget: number, countTokens: (text: string) => number): ChatSource[] {
  const kept: ChatSource[] = [];
  const cost = (sources: readonly ChatSource[]): number => countTokens(renderSources(sources));
  for (const hit of hits) {
    const source = toSource(hit);
    if (cost([...kept, source]) <= budget) kept.push(source);
  }
  if (kept.length || !hits.length) return kept;
  const best = toSource(hits[0]!);
  const lines = best.text.replace(/\n$/, "").split("\n");
  let low = 0;
  let high = lines.length;
  const cut = (n: number): ChatSource => ({ ...best, endLine: best.startLine + Math.max(0, n - 1), text: lines.slice(0, n).join("\n") });
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (cost([cut(mid)]) <= budget) low = mid;
    else high = mid - 1;
  }
  return low > 0 ? [cut(low)] : [];
}

function toSource(hit: CodebaseHit): ChatSource {
  return { path: hit.label, uri: hit.uri, startLine: hit.startLine, endLine: hit.endLine, symbol: hit.symbol, text: hit.text };
}
