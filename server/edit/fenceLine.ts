/**
 * How one line of a model's answer relates to Markdown code fences. Kept apart from the answer
 * parser so the rule (CommonMark's, loosened for what small models write) is in one place.
 */

/** A fence line: its character run (```` ``` ```` or `~~~`) and the info string after it. */
export interface FenceLine {
  readonly fence: string;
  readonly info: string;
}

const FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*([^`\s]*)[^`]*$/;

/** The fence on this line (without its newline), or undefined when the line is not a fence. */
export function fenceOf(line: string): FenceLine | undefined {
  const m = FENCE.exec(line.replace(/\r$/, ""));
  return m ? { fence: m[1]!, info: m[2]! } : undefined;
}

/**
 * True when `line` closes a block opened by `opener`: the same character, at least as long, and
 * nothing after it. CommonMark forbids an info string on a closing fence, which is what lets a
 * tagged fence inside the code (a Markdown example in a docstring) be told from the end.
 */
export function closes(line: string, opener: FenceLine): boolean {
  const f = fenceOf(line);
  return f !== undefined && f.info === "" && f.fence[0] === opener.fence[0] && f.fence.length >= opener.fence.length && /^[ \t]*[`~]+[ \t]*$/.test(line.replace(/\r$/, ""));
}

/**
 * True when the last, unfinished line of an answer that was cut off may be the start of a closing
 * fence (only backticks or tildes), so it must not be taken as code.
 */
export function isPartialFence(partial: string): boolean {
  return /^[ \t]*(`+|~+)[ \t]*$/.test(partial.replace(/\r$/, ""));
}
