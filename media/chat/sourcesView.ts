/**
 * Citations as links, and the "Sources" part under an answer: which chunks of the workspace the
 * answer cites (links that open the file at those lines) and, folded away, every chunk the
 * question sent to the model with its code. Pure string functions, like markdown.ts.
 */
import { findCitations, matchSource } from "./citations";
import { escapeHtml } from "./highlight";
import type { ViewSource } from "./messages";

/** A button that opens `path` at the lines; the host looks the path up among the message's sources. */
export function citationButton(path: string, startLine: number, endLine: number, label: string): string {
  const lines = startLine === endLine ? `line ${startLine}` : `lines ${startLine}-${endLine}`;
  return `<button type="button" class="citation" data-path="${escapeHtml(path)}" data-start="${startLine}" data-end="${endLine}" title="Open ${escapeHtml(path)} at ${lines}">${escapeHtml(label)}</button>`;
}

/** Escaped text with each citation of a known source turned into a button; others stay text. */
export function linkCitations(text: string, sources: readonly ViewSource[] | undefined): string {
  if (!sources?.length) return escapeHtml(text);
  let html = "";
  let at = 0;
  for (const citation of findCitations(text)) {
    const source = matchSource(citation.path, sources);
    if (!source) continue;
    html += escapeHtml(text.slice(at, citation.index));
    html += citationButton(source.path, citation.startLine, citation.endLine, text.slice(citation.index, citation.index + citation.length));
    at = citation.index + citation.length;
  }
  return html + escapeHtml(text.slice(at));
}

const range = (s: { startLine: number; endLine: number }) => s.startLine === s.endLine ? `${s.startLine}` : `${s.startLine}-${s.endLine}`;

/** The Sources list under an answer: the cited chunks (all sent ones when none is cited), then what was sent. */
export function renderSources(answer: string, sources: readonly ViewSource[] | undefined): string {
  if (!sources?.length) return "";
  const cited: ViewSource[] = [];
  for (const citation of findCitations(answer)) {
    const source = matchSource(citation.path, sources);
    if (source && !cited.includes(source)) cited.push(source);
  }
  const item = (s: ViewSource) => `<li>${citationButton(s.path, s.startLine, s.endLine, `${s.path}:${range(s)}`)}${s.symbol ? ` <span class="source-symbol">${escapeHtml(s.symbol)}</span>` : ""}</li>`;
  const listed = (cited.length ? cited : sources).map(item).join("");
  const sent = sources.map((s) => `<li>${citationButton(s.path, s.startLine, s.endLine, `${s.path}:${range(s)}`)}${s.symbol ? ` <span class="source-symbol">${escapeHtml(s.symbol)}</span>` : ""}<pre><code>${escapeHtml(s.text)}</code></pre></li>`).join("");
  const count = `${sources.length} chunk${sources.length === 1 ? "" : "s"} from the workspace ${sources.length === 1 ? "was" : "were"} sent to the model`;
  return `<div class="sources" role="group" aria-label="Sources"><div class="sources-title">Sources</div><ul class="source-list">${listed}</ul>`
    + `<details class="sent-chunks"><summary>${count}</summary><ul>${sent}</ul></details></div>`;
}
