/**
 * What every post-processing filter knows about a request. Filters are pure functions of the
 * raw text and this context; each returns the text to keep ("" drops the suggestion).
 */
import type { CursorLine } from "../cursorLine";
import type { CompletionMode } from "../syntaxFacts";

export interface FilterContext {
  readonly cursor: CursorLine;
  readonly mode: CompletionMode;
  readonly maxLines: number;
  /** Whether the document parsed before the suggestion; undefined when it cannot be parsed. */
  readonly parsedBefore?: boolean;
  /**
   * The part of the document a suggestion is parsed in (a window around the cursor, see
   * documentWindow.ts); the cursor's text when absent.
   */
  readonly parseWindow?: { readonly text: string; readonly offset: number };
  /** Parses a whole document text; undefined when the language has no grammar. */
  readonly parses?: (text: string) => boolean | undefined;
}

export type Filter = (text: string, ctx: FilterContext) => string;

/** A line that only closes blocks (`}`, `});`, `end`), which code legitimately repeats. */
export function isCloserLine(line: string): boolean {
  return /^\s*(?:[)\]}>]+[;,)]*|end|fi|done|esac)\s*$/.test(line);
}
