/**
 * Where a region of a document is after edits made by someone else: its start and end offsets
 * moved through the edits of one change event. Pure, so it is unit-tested without VS Code.
 * Text inserted exactly at the region's start or end stays outside it (the user typed next to
 * it); an edit that overlaps the region makes the region take in the edit's new text.
 */
export interface Span {
  readonly start: number;
  readonly length: number;
}

/** One edit as VS Code reports it: offsets into the document before the event. */
export interface OffsetEdit {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

export function mapSpan(span: Span, edits: readonly OffsetEdit[]): Span {
  const end = span.start + span.length;
  let start = span.start;
  let newEnd = end;
  for (const edit of edits) {
    const editStart = edit.rangeOffset;
    const editEnd = edit.rangeOffset + edit.rangeLength;
    const delta = edit.text.length - edit.rangeLength;
    if (editEnd <= span.start) start += delta;
    else if (editStart < span.start) start += editStart - span.start;
    if (editEnd <= end && !(edit.rangeLength === 0 && editStart === end)) newEnd += delta;
    else if (editStart < end) newEnd += editStart + edit.text.length - end;
  }
  return { start, length: Math.max(0, newEnd - start) };
}
