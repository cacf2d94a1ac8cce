/**
 * A line diff for the in-place review of an inline edit: which lines of the original region stay,
 * which go, and which are new. Pure (no vscode import) so unit tests run it in plain node.
 *
 * Regions are a function or a selection, so a longest-common-subsequence table (lines × lines)
 * is small; past MAX_CELLS the diff degrades to "common prefix and suffix, the middle replaced",
 * which is still correct, only coarser.
 */

export type LineOp =
  | { readonly kind: "same"; readonly text: string }
  | { readonly kind: "removed"; readonly text: string }
  | { readonly kind: "added"; readonly text: string };

const MAX_CELLS = 4_000_000;

/** The edit script from `before` to `after`; within a changed hunk, removed lines come first. */
export function diffLines(before: readonly string[], after: readonly string[]): LineOp[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  const middle = a.length * b.length > MAX_CELLS ? replaceAll(a, b) : lcsOps(a, b);
  return [
    ...before.slice(0, head).map((text): LineOp => ({ kind: "same", text })),
    ...middle,
    ...before.slice(before.length - tail).map((text): LineOp => ({ kind: "same", text })),
  ];
}

function replaceAll(a: readonly string[], b: readonly string[]): LineOp[] {
  return [...a.map((text): LineOp => ({ kind: "removed", text })), ...b.map((text): LineOp => ({ kind: "added", text }))];
}

/** Classic LCS table walked forwards, emitting each hunk's removals before its additions. */
function lcsOps(a: readonly string[], b: readonly string[]): LineOp[] {
  const n = a.length;
  const m = b.length;
  // suffix[i][j] = LCS length of a[i..] and b[j..], stored row-major in one typed array.
  const width = m + 1;
  const suffix = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      suffix[i * width + j] = a[i] === b[j] ? suffix[(i + 1) * width + j + 1]! + 1 : Math.max(suffix[(i + 1) * width + j]!, suffix[i * width + j + 1]!);
    }
  }
  const ops: LineOp[] = [];
  let removed: LineOp[] = [];
  let added: LineOp[] = [];
  const flush = (): void => {
    ops.push(...removed, ...added);
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      ops.push({ kind: "same", text: a[i]! });
      i++;
      j++;
    } else if (j >= m || (i < n && suffix[(i + 1) * width + j]! >= suffix[i * width + j + 1]!)) {
      removed.push({ kind: "removed", text: a[i++]! });
    } else {
      added.push({ kind: "added", text: b[j++]! });
    }
  }
  flush();
  return ops;
}
