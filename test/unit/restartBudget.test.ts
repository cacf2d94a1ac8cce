import { test } from "node:test";
import assert from "node:assert/strict";
import { RestartBudget } from "../../src/restartBudget";

test("at most 5 crash restarts within 3 minutes, with growing delays; then none until reset", () => {
  const budget = new RestartBudget();
  const decisions = [0, 1_000, 5_000, 20_000, 60_000, 100_000].map((t) => budget.onCrash(t));
  assert.deepEqual(decisions.map((d) => d.restart), [true, true, true, true, true, false]);
  assert.deepEqual(decisions.slice(0, 5).map((d) => d.delayMs), [500, 1000, 2000, 4000, 8000]);
  assert.equal(budget.count(100_000), 5);
  // Restarts older than the window no longer count.
  assert.equal(budget.onCrash(181_000).restart, true);
  budget.reset();
  assert.equal(budget.count(181_000), 0);
  assert.equal(budget.onCrash(181_500).attempt, 1);
});
