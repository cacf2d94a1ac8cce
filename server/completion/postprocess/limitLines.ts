/**
 * Keeps one line where a single line was asked for (text after the cursor, inside a comment or
 * string, mid-statement), and at most `maxLines` lines for a block.
 */
import type { Filter } from "./filterContext";

export const limitLines: Filter = (text, ctx) => {
  const lines = text.split("\n");
  const keep = ctx.mode === "single" ? 1 : Math.max(1, ctx.maxLines);
  return lines.slice(0, keep).join("\n");
};
