/**
 * Reciprocal rank fusion (Cormack et al., 2009): each ranking gives an item `weight / (k + rank)`
 * and the sums decide. It needs no score calibration, which matters here because BM25 scores,
 * cosine similarities and edit recency live on unrelated scales; only the order within each
 * ranking counts. k = 60 is the paper's value: it keeps one ranking's first place from
 * outweighing agreement between the others.
 */

export interface Ranking {
  /** Ids best first; an id absent from a ranking gets nothing from it. */
  readonly ids: readonly number[];
  /** How much this ranking counts; 1 unless said otherwise. */
  readonly weight?: number;
}

export interface Fused { readonly id: number; readonly score: number }

export const RRF_K = 60;

/** Fuses rankings into one, best first; ties keep the order in which ids were first seen. */
export function reciprocalRankFusion(rankings: readonly Ranking[], k = RRF_K): Fused[] {
  const scores = new Map<number, number>();
  for (const ranking of rankings) {
    const weight = ranking.weight ?? 1;
    if (weight <= 0) continue;
    const seen = new Set<number>();
    ranking.ids.forEach((id, rank) => {
      // A duplicate within one ranking counts once, at its best rank.
      if (seen.has(id)) return;
      seen.add(id);
      scores.set(id, (scores.get(id) ?? 0) + weight / (k + rank + 1));
    });
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

/**
 * The recency ranking among candidates: those in recently edited files, the most recently
 * edited first. Only candidates take part, so recency reorders what the query found and never
 * pulls in an unrelated chunk just because its file was touched.
 */
export function recencyRanking(candidates: readonly number[], fileOf: (id: number) => string | undefined, recentFiles: readonly string[]): number[] {
  const order = new Map(recentFiles.map((file, i) => [file, i]));
  return candidates
    .map((id) => ({ id, at: order.get(fileOf(id) ?? "") }))
    .filter((c): c is { id: number; at: number } => c.at !== undefined)
    .sort((a, b) => a.at - b.at)
    .map((c) => c.id);
}
