/**
 * `enclave-ignore: <rule-id>[, <rule-id>...]` in a comment on the flagged line or the line
 * above it silences those rules there. The check is textual and cheap: it only runs when the
 * text contains the marker at all.
 */
import type { LineIndex } from "./lineIndex";

export const suppressionMarker = "enclave-ignore:";
const markerPattern = /enclave-ignore:\s*([A-Za-z0-9_,\s-]+)/;

/** The rule ids a line suppresses (empty when it has no marker). */
export function suppressedIds(lineText: string): string[] {
  const m = markerPattern.exec(lineText);
  if (!m) return [];
  return m[1]!.split(/[,\s]+/).filter((s) => s.length > 0);
}

/** True when the rule is suppressed for a finding starting on `line`. */
export function isSuppressed(lines: LineIndex, line: number, ruleId: string): boolean {
  return suppressedIds(lines.lineText(line)).includes(ruleId) || suppressedIds(lines.lineText(line - 1)).includes(ruleId);
}

/** The line comment opener of a language, for writing a suppression comment. */
export function lineCommentFor(languageId: string): string {
  return languageId === "python" ? "#" : "//";
}

/**
 * The comment line that suppresses a rule above `flaggedLine`: same indentation, the
 * language's line comment. `flaggedLine` is the text of the flagged line.
 */
export function suppressionComment(languageId: string, flaggedLine: string, ruleId: string): string {
  const indent = /^[ \t]*/.exec(flaggedLine)![0];
  return `${indent}${lineCommentFor(languageId)} ${suppressionMarker} ${ruleId}`;
}
