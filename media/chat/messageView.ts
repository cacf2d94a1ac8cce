/**
 * The HTML of one transcript message: who speaks, what was attached, the body, and the small
 * print (notices, token counts). Both sides are Markdown: code the user pastes gets the same
 * buttons and Shield scan as code in answers. Pure, so tests check exactly what the webview shows.
 */
import { escapeHtml } from "./highlight";
import { renderAnswer } from "./markdown";
import type { ViewMessage } from "./messages";
import { renderSources } from "./sourcesView";

/** The article for a message; `sanitize` is DOMPurify with sanitizeConfig in the webview. */
export function renderMessage(message: ViewMessage, sanitize: (html: string) => string): string {
  const who = message.role === "user" ? "You" : "Enclave";
  const command = message.command ? `<span class="badge">/${escapeHtml(message.command)}</span>` : "";
  const workspace = message.role === "user" && message.sources?.length ? `<span class="badge" title="The codebase was searched for this question">@workspace</span>` : "";
  const attachments = message.attachments?.length
    ? `<div class="attachments">${message.attachments.map((a) => `<span class="chip static">${escapeHtml(a)}</span>`).join("")}</div>` : "";
  const body = message.role === "user"
    ? `<div class="user-text">${renderAnswer(message.text, { scans: message.scans, breaks: true })}</div>`
    : `<div class="answer">${renderAnswer(message.text, { scans: message.scans, streaming: message.streaming, sources: message.sources })}</div>`;
  const sources = message.role === "assistant" && !message.streaming ? renderSources(message.text, message.sources) : "";
  const streaming = message.streaming ? `<div class="typing" aria-label="Enclave is answering">answering…</div>` : "";
  const notices = (message.notices ?? []).map((n) => `<div class="notice">${escapeHtml(n)}</div>`).join("");
  const error = message.error ? `<div class="error" role="alert">${escapeHtml(message.error)}</div>` : "";
  const footer = message.footer ? `<div class="footer">${escapeHtml(message.footer)}</div>` : "";
  const html = `<header><span class="who">${who}</span>${command}${workspace}</header>${attachments}${body}${sources}${streaming}${notices}${error}${footer}`;
  return sanitize(html);
}
