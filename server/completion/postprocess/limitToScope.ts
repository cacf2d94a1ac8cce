/**
 * Keeps a block suggestion inside the scope the cursor is in, judged by indentation. After a
 * block opener (`{`, `:`, `=>`) the suggestion is that block's body: it ends at the first line
 * indented no deeper than the opener's line, keeping that line only when it just closes the
 * block. On an empty line the suggestion continues the current block: it ends at the first
 * line indented less than the cursor, because the enclosing block's end is already there.
 */
import { indentWidth } from "../cursorLine";
import { isCloserLine, type Filter } from "./filterContext";

export const limitToScope: Filter = (text, ctx) => {
  const lines = text.split("\n");
  if (ctx.mode !== "multi" || lines.length < 2) return text;
  const { linePrefix } = ctx.cursor;
  const blank = linePrefix.trim() === "";
  const ref = indentWidth(linePrefix);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    const indent = indentWidth(line);
    if (blank) {
      if (indent < ref) return lines.slice(0, i).join("\n");
    } else if (indent <= ref) {
      const keep = indent === ref && isCloserLine(line) ? i + 1 : i;
      return lines.slice(0, keep).join("\n");
    }
  }
  return text;
};
