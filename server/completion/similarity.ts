/**
 * Cheap text similarity for choosing and deduplicating context chunks: Jaccard similarity of
 * sets, over identifiers (what a chunk is about) or over trimmed lines (whether two chunks are
 * the same code).
 */
export function identifiers(text: string): Set<string> {
  return new Set(text.match(/[A-Za-z_$][A-Za-z0-9_$]{2,}/g) ?? []);
}

export function trimmedLines(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split("\n")) {
    const t = line.trim();
    if (t) out.add(t);
  }
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}
