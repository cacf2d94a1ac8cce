/**
 * Bounded views of a document around the cursor. A completion never needs the whole file: the
 * prompt takes a few thousand tokens around the cursor, and the syntax facts a few screens. So
 * every request first cuts the document to a window (at most `promptWindow.before` characters
 * before the cursor and `promptWindow.after` after it), and parses only a smaller window of
 * that (about 10 ms of tree-sitter on an idle core, so it stays on the event loop). The cost of
 * a request is then the same for a 45 MB file as for a 300 KB one.
 */

/** The characters around the cursor every completion step sees (see README, Limits). */
export const promptWindow = { before: 256 * 1024, after: 64 * 1024 } as const;
/** The characters around the cursor that are parsed for the syntax facts and the parse check. */
export const syntaxWindow = { before: 16 * 1024, after: 4 * 1024 } as const;
/** The first characters of a document, parsed for its imports when the window starts below them. */
export const HEAD_CHARS = 8 * 1024;
/**
 * The window's start moves in steps of this many characters, so that it stays put while the
 * user types (the prompt above the cursor, and with it the model's cache, stays the same).
 */
const GRID = 16 * 1024;

export interface TextWindow {
  /** The window's text; a copy when it is part of a document, so that it never keeps the document alive. */
  readonly text: string;
  /** The cursor's offset in `text`. */
  readonly offset: number;
  /** Where the window starts in the document. */
  readonly start: number;
  /** The length of the whole document. */
  readonly documentLength: number;
  /** The document's first `HEAD_CHARS` characters when the window does not start at the top. */
  readonly head?: string;
}

/**
 * A copy of a string that shares no memory with the string it was cut from. V8 keeps a slice
 * as a pointer into its parent, so a kept slice of a 45 MB document keeps all 45 MB.
 */
export function detach(text: string): string {
  return text.length < 16 ? text : Buffer.from(text, "utf16le").toString("utf16le");
}

/** Moves an offset off the second half of a surrogate pair, so that no character is cut in two. */
function whole(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}

/**
 * The window around `offset`: whole lines where the cursor's line allows (a line longer than the
 * window is cut, keeping the part next to the cursor), starting on a `grid`-aligned boundary.
 */
export function windowAround(text: string, offset: number, before: number, after: number, grid = 1): TextWindow {
  if (offset <= before && text.length - offset <= after) return { text, offset, start: 0, documentLength: text.length };
  let start = 0;
  if (offset > before) {
    const cut = Math.floor((offset - before) / grid) * grid;
    const newline = text.indexOf("\n", cut);
    start = newline >= 0 && newline < offset ? newline + 1 : whole(text, cut);
  }
  let end = text.length;
  if (text.length - offset > after) {
    const cut = offset + after;
    const newline = text.lastIndexOf("\n", cut);
    end = newline >= offset ? newline : whole(text, cut);
  }
  const head = start > 0 ? detach(text.slice(0, Math.min(HEAD_CHARS, start))) : undefined;
  return { text: detach(text.slice(start, end)), offset: offset - start, start, documentLength: text.length, head };
}

/** The prompt window of a document: what completion works on. */
export function promptWindowOf(text: string, offset: number): TextWindow {
  return windowAround(text, offset, promptWindow.before, promptWindow.after, GRID);
}

/** The part of a (windowed) text that is parsed, and how many lines of the text lie above it. */
export interface SyntaxView {
  readonly text: string;
  readonly offset: number;
  readonly start: number;
  /** Lines of the outer text above the view's first line. */
  readonly lineShift: number;
}

export function syntaxViewOf(text: string, offset: number): SyntaxView {
  const view = windowAround(text, offset, syntaxWindow.before, syntaxWindow.after);
  let lineShift = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < view.start; i = text.indexOf("\n", i + 1)) lineShift++;
  return { text: view.text, offset: view.offset, start: view.start, lineShift };
}
