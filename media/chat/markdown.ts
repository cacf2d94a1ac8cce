/**
 * Renders an answer's Markdown to HTML: prose with markdown-it (raw HTML off, so any HTML the
 * model writes is shown as text), code blocks with highlighting, their buttons and Shield's
 * verdict. Pure string functions, so they run in node tests as they run in the webview; the
 * caller sanitises the result (see sanitizeConfig.ts).
 */
import MarkdownIt from "markdown-it";
import { splitMarkdown, type CodeSegment } from "./codeBlocks";
import { escapeHtml, highlightCode } from "./highlight";
import type { BlockScan, ViewSource } from "./messages";
import { citationButton, linkCitations } from "./sourcesView";
import { findCitations, matchSource } from "./citations";

/** Answers follow Markdown's rules; the user's own words keep their line breaks. */
const renderers = { answer: markdownIt(false), user: markdownIt(true) };

function markdownIt(breaks: boolean): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, breaks, linkify: false, typographer: false, highlight: (code, lang) => highlightCode(code, lang) });
  // Images would load from wherever the model points; show their description instead.
  md.renderer.rules.image = (tokens, index) => `<span class="image-alt">[${escapeHtml(tokens[index]!.content || "image")}]</span>`;
  // Citations of the workspace chunks a question sent become links, in prose and in inline code.
  md.renderer.rules.text = (tokens, index, _options, env) => linkCitations(tokens[index]!.content, sourcesIn(env));
  const inlineCode = md.renderer.rules.code_inline!;
  md.renderer.rules.code_inline = (tokens, index, options, env, self) => {
    const content = tokens[index]!.content;
    const [only] = findCitations(content);
    const source = only && only.length === content.trim().length ? matchSource(only.path, sourcesIn(env) ?? []) : undefined;
    return source ? `<code>${citationButton(source.path, only!.startLine, only!.endLine, content)}</code>` : inlineCode(tokens, index, options, env, self);
  };
  return md;
}

export interface RenderOptions {
  /** Shield results by block index. */
  readonly scans?: Readonly<Record<number, BlockScan>>;
  /** While streaming, unclosed blocks have no buttons yet and say they are being written. */
  readonly streaming?: boolean;
  /** Single line breaks are kept (for the user's own messages). */
  readonly breaks?: boolean;
  /** Workspace chunks the question sent: citations of them become links. */
  readonly sources?: readonly ViewSource[];
}

/** markdown-it hands each rule the `env` given to render(); ours carries the message's sources. */
function sourcesIn(env: unknown): readonly ViewSource[] | undefined {
  return (env as { sources?: readonly ViewSource[] } | undefined)?.sources;
}

/** The HTML of a message's Markdown: an answer, or code the user pasted. */
export function renderAnswer(text: string, options: RenderOptions = {}): string {
  const md = options.breaks ? renderers.user : renderers.answer;
  const env: Record<string, unknown> = { sources: options.sources };
  return splitMarkdown(text).map((segment) => segment.kind === "markdown" ? md.render(segment.text, env) : renderCodeBlock(segment, options)).join("");
}

const actions = [
  { action: "copy", label: "Copy", title: "Copy the code" },
  { action: "insert", label: "Insert", title: "Insert at the cursor in the editor" },
  { action: "apply", label: "Apply", title: "Review as a diff against the current file or selection, then accept or reject" },
  { action: "newFile", label: "New file", title: "Open the code in a new editor" },
] as const;

/** One code block: a header with its language and buttons, the highlighted code, Shield's verdict. */
export function renderCodeBlock(block: CodeSegment, options: RenderOptions = {}): string {
  const writing = options.streaming && !block.closed;
  const buttons = writing ? `<span class="code-writing">writing…</span>` : actions.map((a) =>
    `<button type="button" class="code-action" data-action="${a.action}" data-block="${block.index}" title="${a.title}" aria-label="${a.label} code block ${block.index + 1}">${a.label}</button>`,
  ).join("");
  const lang = block.lang ? `<span class="code-lang">${escapeHtml(block.lang)}</span>` : `<span class="code-lang">code</span>`;
  const scan = writing ? "" : renderScan(options.scans?.[block.index], block.index);
  return `<div class="code-block" data-block="${block.index}"><div class="code-head">${lang}<span class="code-actions">${buttons}</span></div>`
    + `<pre><code class="hljs">${highlightCode(block.code, block.lang)}</code></pre>${scan}</div>`;
}

/** Shield's verdict under a block: each finding with its CWE, line and message. */
export function renderScan(scan: BlockScan | undefined, blockIndex: number): string {
  const open = `<div class="code-scan" data-block="${blockIndex}" role="status"`;
  if (!scan || scan.state === "pending") return `${open} data-severity="pending">Shield: scanning…</div>`;
  if (scan.state === "unavailable") return `${open} data-severity="unavailable">Shield: not scanned — ${escapeHtml(scan.note ?? "the scanner is not available")}</div>`;
  if (scan.state === "clean" || scan.findings.length === 0) return `${open} data-severity="clean">Shield: no findings</div>`;
  const worst = scan.findings.some((f) => f.severity === "error") ? "error" : scan.findings.some((f) => f.severity === "warning") ? "warning" : "info";
  const items = scan.findings.map((f) =>
    `<li class="finding" data-severity="${f.severity}"><strong>${escapeHtml(f.cwe)}</strong> ${escapeHtml(f.severity)} on line ${f.line}: ${escapeHtml(f.message)} <span class="rule">${escapeHtml(f.ruleId)}</span></li>`,
  ).join("");
  const count = `${scan.findings.length} finding${scan.findings.length === 1 ? "" : "s"}`;
  return `${open} data-severity="${worst}"><span class="scan-title">Shield: ${count}</span><ul>${items}</ul></div>`;
}
