/**
 * How the chat's context bar names a selection and counts problems, as plain functions (no VS
 * Code API) so the rules are unit-tested: what a user sees selected is what the chip says.
 */

export interface LinePosition {
  readonly line: number;
  readonly character: number;
}

/**
 * The 1-based first and last line a selection covers. A selection made by Shift+Down from a
 * line start ends at column 0 of the next line: that line holds none of the selected text, so
 * it is not counted (lines 4–5 selected read `4-5`, not `4-6`).
 */
export function selectedLines(start: LinePosition, end: LinePosition): { readonly first: number; readonly last: number } {
  const last = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
  return { first: start.line + 1, last: last + 1 };
}

/** The chip label of a selection in `name`: `app.py:4-5`, or `app.py:4` for one line. */
export function selectionLabel(name: string, start: LinePosition, end: LinePosition): string {
  const { first, last } = selectedLines(start, end);
  return first === last ? `${name}:${first}` : `${name}:${first}-${last}`;
}

/**
 * Whether a diagnostic of this severity counts as a problem for the chat: Error (0), Warning (1)
 * and Information (2) do; Hint (3) is drawn as faint dots, not listed in the Problems panel,
 * so counting it would announce problems the user cannot see.
 */
export function countsAsProblem(severity: number): boolean {
  return severity <= 2;
}
