/**
 * The post-processing pipeline: each filter is one small pure function in its own file,
 * applied in this order. Golden cases in test/fixtures/completion run the same pipeline.
 */
import { dropLineRestart } from "./dropLineRestart";
import { dropRepetition } from "./dropRepetition";
import { dropTooShort } from "./dropTooShort";
import type { Filter, FilterContext } from "./filterContext";
import { limitLines } from "./limitLines";
import { limitToScope } from "./limitToScope";
import { rejectParseBreaking } from "./rejectParseBreaking";
import { stopAtSuffix } from "./stopAtSuffix";
import { trimWhitespace } from "./trimWhitespace";

export type { FilterContext } from "./filterContext";

export const filters: ReadonlyArray<readonly [string, Filter]> = [
  ["trimWhitespace", trimWhitespace],
  ["limitLines", limitLines],
  ["limitToScope", limitToScope],
  ["stopAtSuffix", stopAtSuffix],
  ["dropLineRestart", dropLineRestart],
  ["dropRepetition", dropRepetition],
  ["trimWhitespace", trimWhitespace],
  ["dropTooShort", dropTooShort],
  ["rejectParseBreaking", rejectParseBreaking],
];

/** Runs every filter; returns the text to show ("" when the suggestion is dropped) and who dropped it. */
export function postprocess(raw: string, ctx: FilterContext): { text: string; droppedBy?: string } {
  let text = raw;
  for (const [name, filter] of filters) {
    text = filter(text, ctx);
    if (!text) return { text: "", droppedBy: name };
  }
  return { text };
}
