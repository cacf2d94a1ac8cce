/**
 * Stops a suggestion where it starts repeating what already follows the cursor: the closing
 * characters already right of the cursor (`)`, `);`, `"]`) are not typed twice, and a block
 * ends before it rewrites the next line of the document. Lines are compared with their
 * indentation, so a `}` closing a block the suggestion opened is not mistaken for the `}` of
 * the enclosing block below.
 */
import type { Filter } from "./filterContext";

/** The first line below the cursor's line that has any text, without trailing spaces. */
function nextLineBelow(text: string, lineEnd: number): string {
  for (const line of text.slice(lineEnd + 1).split("\n")) if (line.trim()) return line.trimEnd();
  return "";
}

export const stopAtSuffix: Filter = (text, ctx) => {
  const { cursor } = ctx;
  let out = text;
  const lines = out.split("\n");
  const below = nextLineBelow(cursor.text, cursor.lineEnd);
  if (below && cursor.lineSuffix.trim() === "") {
    // The first line continues the cursor's line, so it is compared together with it.
    const at = lines.findIndex((line, i) => (i === 0 ? cursor.linePrefix + line : line).trimEnd() === below);
    if (at >= 0) out = lines.slice(0, at).join("\n");
  }
  const rest = cursor.lineSuffix.trimStart();
  if (rest && !out.includes("\n")) {
    // Only punctuation overlaps are cut partially; a word must match in full to be dropped.
    const partialOk = /^[)\]}>;,'"`]/.test(rest);
    for (let j = Math.min(rest.length, out.length); j >= 1; j--) {
      if ((j === rest.length || partialOk) && out.endsWith(rest.slice(0, j))) {
        out = out.slice(0, -j).trimEnd();
        break;
      }
    }
  }
  return out;
};
