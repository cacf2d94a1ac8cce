/**
 * Rejects a suggestion that breaks a document which parsed before it: if prefix + suggestion +
 * suffix has syntax errors where prefix + suffix had none, the suggestion is cut back line by
 * line to the longest start that still parses, and dropped when none does. Documents that did
 * not parse before (the user is mid-statement) and languages without a grammar pass unchanged.
 */
import type { Filter } from "./filterContext";

export const rejectParseBreaking: Filter = (text, ctx) => {
  if (ctx.parsedBefore !== true || !ctx.parses || !text) return text;
  const { text: doc, offset } = ctx.parseWindow ?? ctx.cursor;
  const fits = (candidate: string): boolean => ctx.parses!(doc.slice(0, offset) + candidate + doc.slice(offset)) !== false;
  if (fits(text)) return text;
  const lines = text.split("\n");
  for (let keep = lines.length - 1; keep >= 1; keep--) {
    const shorter = lines.slice(0, keep).join("\n").replace(/\s+$/, "");
    if (shorter && fits(shorter)) return shorter;
  }
  return "";
};
