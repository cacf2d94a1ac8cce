/**
 * Drops a suggestion that starts the cursor's line over. Right after a suggestion is accepted
 * the cursor sits at the end of a complete line (`    return name`), and a model that answers
 * with a fresh statement (`return a + b`) would have it glued on: `return namereturn a + b`.
 * A first line that begins with the line's own first word, right after a word, bracket or
 * quote, is never a continuation of that line. (The parse check catches this too, but only
 * when the document parsed before the suggestion.)
 */
import type { Filter } from "./filterContext";

export const dropLineRestart: Filter = (text, ctx) => {
  const prefix = ctx.cursor.linePrefix;
  const lead = /^\s*([A-Za-z_$][\w$]*)/.exec(prefix)?.[1];
  if (!lead || lead.length < 2 || !/[\w$)\]"'`]$/.test(prefix)) return text;
  const first = text.split("\n")[0]!.trimStart();
  return first.startsWith(lead) && !/^[\w$]/.test(first.slice(lead.length)) ? "" : text;
};
