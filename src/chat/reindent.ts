/**
 * Re-indents a chat code block for the place it goes: the block's own common indentation is
 * removed and the indentation of the line it lands on is put in front of every line, in the
 * document's style (tabs or spaces) and line ending. Pure (no vscode import) so unit tests run
 * it in plain node; Insert and Apply both use it.
 */

export interface IndentStyle {
  /** The editor inserts spaces for Tab (editor.insertSpaces); false: tabs. */
  readonly insertSpaces: boolean;
  /** Columns of one tab stop (editor.tabSize). */
  readonly tabSize: number;
  /** The document's line ending. */
  readonly eol: "\n" | "\r\n";
}

export interface Landing {
  /** The whole text of the line the block lands on. */
  readonly lineText: string;
  /**
   * Where on that line the block's first line starts (the cursor's character, or a selection's
   * start). At or after the line's indentation, the first line is already at the right column
   * and gets nothing in front; before it, it gets the rest of the indentation.
   */
  readonly character: number;
}

/** Columns a run of leading whitespace covers, a tab reaching the next tab stop. */
export function indentWidth(whitespace: string, tabSize: number): number {
  let columns = 0;
  for (const char of whitespace) columns = char === "\t" ? columns + tabSize - (columns % tabSize) : columns + 1;
  return columns;
}

/** Leading whitespace of `columns` columns in the document's style. */
export function renderIndent(columns: number, style: Pick<IndentStyle, "insertSpaces" | "tabSize">): string {
  if (style.insertSpaces) return " ".repeat(columns);
  return "\t".repeat(Math.floor(columns / style.tabSize)) + " ".repeat(columns % style.tabSize);
}

/** The block re-indented for `landing`, in `style`'s indentation and line ending. */
export function reindentBlock(code: string, landing: Landing, style: IndentStyle): string {
  const lines = code.replace(/\r\n?/g, "\n").split("\n");
  const leading = (line: string): string => /^[ \t]*/.exec(line)![0];
  const blank = (line: string): boolean => line.trim() === "";
  const widths = lines.filter((line) => !blank(line)).map((line) => indentWidth(leading(line), style.tabSize));
  const common = widths.length ? Math.min(...widths) : 0;
  const targetIndent = leading(landing.lineText);
  const target = indentWidth(targetIndent, style.tabSize);
  // The first line starts at the landing character: only the indentation not yet before it is added.
  const before = indentWidth(landing.lineText.slice(0, Math.min(landing.character, targetIndent.length)), style.tabSize);
  const out = lines.map((line, index) => {
    if (blank(line)) return "";
    const relative = indentWidth(leading(line), style.tabSize) - common;
    const body = line.slice(leading(line).length);
    if (index === 0) return renderFirst(target, before, relative, style) + body;
    return renderIndent(target + relative, style) + body;
  });
  return out.join(style.eol);
}

/**
 * The first line's indentation: the columns from `before` (what the line already has in front of
 * the landing character) up to the target plus the line's own relative indentation. Rendered as
 * the whole indentation minus the part already there, so tabs stay tabs.
 */
function renderFirst(target: number, before: number, relative: number, style: IndentStyle): string {
  const whole = renderIndent(target + relative, style);
  const present = renderIndent(before, style);
  return whole.startsWith(present) ? whole.slice(present.length) : " ".repeat(Math.max(0, target + relative - before));
}
