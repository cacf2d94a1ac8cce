/**
 * Where the cursor is, in the terms every completion step uses: the text before and after it,
 * the cursor's line split at the cursor, and that line's number. Computed once per request.
 */
export interface CursorLine {
  readonly text: string;
  readonly offset: number;
  /** 0-based line of the cursor. */
  readonly line: number;
  /** Offsets of the cursor line's start and end (the end excludes the newline). */
  readonly lineStart: number;
  readonly lineEnd: number;
  /** The cursor line up to the cursor, and from the cursor to the end of the line. */
  readonly linePrefix: string;
  readonly lineSuffix: string;
}

export function cursorLine(text: string, offset: number): CursorLine {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const next = text.indexOf("\n", offset);
  const lineEnd = next < 0 ? text.length : next;
  let line = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < lineStart; i = text.indexOf("\n", i + 1)) line++;
  return {
    text, offset, line, lineStart, lineEnd,
    linePrefix: text.slice(lineStart, offset),
    lineSuffix: text.slice(offset, lineEnd),
  };
}

/** The leading whitespace of a line, in columns (a tab counts as `tabSize`). */
export function indentWidth(line: string, tabSize = 4): number {
  let width = 0;
  for (const ch of line) {
    if (ch === " ") width++;
    else if (ch === "\t") width += tabSize - (width % tabSize);
    else break;
  }
  return width;
}
