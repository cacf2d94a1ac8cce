/**
 * What DOMPurify lets through into the chat transcript. Model output is untrusted: Markdown is
 * rendered with raw HTML turned off, and the result is sanitised again with this allow-list, so
 * neither a `<script>` nor an event handler nor a `javascript:` link can survive. The webview's
 * Content-Security-Policy (scripts only with the page's nonce) is a third wall behind these two.
 */
export const purifyConfig = {
  ALLOWED_TAGS: [
    "a", "article", "blockquote", "br", "button", "code", "del", "details", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "ol", "p", "pre", "s", "span", "strong", "summary", "table", "tbody", "td", "th", "thead", "tr", "ul",
  ],
  ALLOWED_ATTR: ["aria-label", "class", "data-action", "data-block", "data-end", "data-id", "data-path", "data-severity", "data-start", "href", "role", "start", "title", "type"],
  /** Links may go to web pages and mail only. */
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  /**
   * DOMPurify checks the value of every attribute that is not "URI-safe" against the link
   * pattern above; these carry plain words (our buttons' data, ARIA labels, a cited file's relative path), never URLs.
   */
  ADD_URI_SAFE_ATTR: ["aria-label", "data-action", "data-block", "data-end", "data-id", "data-path", "data-severity", "data-start", "start", "type"],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_TRUSTED_TYPE: false,
} as const;

/** The options as DOMPurify takes them (mutable arrays), for the webview and the tests alike. */
export function purifyOptions(): {
  ALLOWED_TAGS: string[]; ALLOWED_ATTR: string[]; ADD_URI_SAFE_ATTR: string[]; ALLOWED_URI_REGEXP: RegExp;
  ALLOW_DATA_ATTR: boolean; ALLOW_ARIA_ATTR: boolean; RETURN_TRUSTED_TYPE: false;
} {
  return {
    ...purifyConfig,
    ALLOWED_TAGS: [...purifyConfig.ALLOWED_TAGS], ALLOWED_ATTR: [...purifyConfig.ALLOWED_ATTR], ADD_URI_SAFE_ATTR: [...purifyConfig.ADD_URI_SAFE_ATTR],
  };
}
