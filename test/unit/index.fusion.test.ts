/** Reciprocal rank fusion of the keyword, vector and recency rankings. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { reciprocalRankFusion, recencyRanking, RRF_K } from "../../server/index/fusion";

test("an item ranked well by two rankings beats one ranked first by a single ranking", () => {
  const keyword = [1, 2, 3];
  const vectors = [4, 2, 5];
  const fused = reciprocalRankFusion([{ ids: keyword }, { ids: vectors }]);
  assert.equal(fused[0]!.id, 2);
  assert.equal(fused[0]!.score, 1 / (RRF_K + 2) + 1 / (RRF_K + 2));
  assert.deepEqual(fused.map((f) => f.id).sort(), [1, 2, 3, 4, 5]);
});

test("weights scale a ranking's share, zero weight and empty rankings change nothing, duplicates count once", () => {
  const alone = reciprocalRankFusion([{ ids: [7, 8] }]);
  assert.deepEqual(reciprocalRankFusion([{ ids: [7, 8] }, { ids: [] }, { ids: [8, 9], weight: 0 }]), alone);
  assert.deepEqual(reciprocalRankFusion([{ ids: [7, 8, 7] }]), alone);
  const half = reciprocalRankFusion([{ ids: [7] }, { ids: [8], weight: 0.5 }]);
  assert.deepEqual(half.map((f) => f.id), [7, 8]);
  assert.equal(half[1]!.score, 0.5 / (RRF_K + 1));
});

test("recency orders only the candidates, most recently edited file first, and pulls in nothing else", () => {
  const files: Record<number, string> = { 1: "a.py", 2: "b.py", 3: "c.py", 4: "b.py" };
  const ranking = recencyRanking([1, 2, 3, 4], (id) => files[id], ["b.py", "z.py", "a.py"]);
  assert.deepEqual(ranking, [2, 4, 1]);
  // With keyword ranking 3, 1, 2 and recency favouring b.py, a keyword tie is broken by recency.
  const fused = reciprocalRankFusion([{ ids: [3, 1] }, { ids: [1, 3] }, { ids: recencyRanking([3, 1], (id) => files[id], ["a.py"]), weight: 0.5 }]);
  assert.equal(fused[0]!.id, 1);
});
