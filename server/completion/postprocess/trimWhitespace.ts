/**
 * Trims what the eye cannot see but the editor would insert: spaces at line ends, blank lines
 * at the end, and a leading space when the cursor already stands after one (models often start
 * with the separator the user just typed).
 */
import type { Filter } from "./filterContext";

export const trimWhitespace: Filter = (text, ctx) => {
  let out = text.replace(/[ \t]+$/gm, "").replace(/\n+$/, "");
  if (/[ \t]$/.test(ctx.cursor.linePrefix) && ctx.cursor.linePrefix.trim() !== "") out = out.replace(/^[ \t]+/, "");
  return out.trim() === "" ? "" : out;
};
