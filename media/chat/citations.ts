/**
 * Finds `path:line` and `path:startLine-endLine` citations in a chat answer, the form the
 * @workspace prompt asks the model to use. Pure and dependency-free: the webview links them, the
 * tests check the server's answers with the same reading.
 */

export interface Citation {
  /** As written, with forward slashes and no leading `./`. */
  readonly path: string;
  /** 1-based, inclusive; a single-line citation has endLine === startLine. */
  readonly startLine: number;
  readonly endLine: number;
  /** Where the citation starts in the text, and how long it is. */
  readonly index: number;
  readonly length: number;
}

/**
 * A path is segments of word characters, dots and dashes joined by `/`, ending in a file name
 * with an extension that starts with a letter (so `v1.2:3` is not one); then `:` and a line, optionally `-` (or an en dash, or `-L`) and an end line.
 * Neither side may run on into more path or digits, so `v1.2:3` inside a longer word is not one.
 */
const CITATION = /(?<![\w./-])(?:\.\/)?((?:[\w.-]+\/)*[\w-][\w.-]*\.[A-Za-z][A-Za-z0-9]*):L?(\d+)(?:\s?[-–]\s?L?(\d+))?(?![\w])/g;

export function findCitations(text: string): Citation[] {
  const out: Citation[] = [];
  for (const match of text.matchAll(CITATION)) {
    const startLine = Number(match[2]);
    const end = match[3] === undefined ? startLine : Number(match[3]);
    if (startLine < 1) continue;
    out.push({ path: match[1]!, startLine, endLine: Math.max(startLine, end), index: match.index, length: match[0].length });
  }
  return out;
}

/** The source a cited path refers to: the same path, or one that ends with it after a `/`. */
export function matchSource<S extends { readonly path: string }>(path: string, sources: readonly S[]): S | undefined {
  return sources.find((s) => s.path === path) ?? sources.find((s) => s.path.endsWith(`/${path}`) || path.endsWith(`/${s.path}`));
}
