import { test } from "node:test";
import assert from "node:assert/strict";
import { AdaptiveDebounce, pause } from "../../server/completion/adaptiveDebounce";
import { CompletionCache } from "../../server/completion/completionCache";
import { ContextRing } from "../../server/completion/contextRing";

test("the cache answers the exact position and, after typing into a suggestion, the rest of it", () => {
  const cache = new CompletionCache();
  const text = "def f(x):\n    return \n";
  const at = text.indexOf("return ") + 7;
  cache.store("salt", text, at, ["x * 2 + 1"]);
  assert.deepEqual(cache.lookup("salt", text, at), { candidates: ["x * 2 + 1"], typed: 0, prefetched: false });
  const typed = text.slice(0, at) + "x *" + text.slice(at);
  assert.deepEqual(cache.lookup("salt", typed, at + 3), { candidates: [" 2 + 1"], typed: 3, prefetched: false });
  const diverged = text.slice(0, at) + "y" + text.slice(at);
  assert.equal(cache.lookup("salt", diverged, at + 1), undefined, "typing something else misses");
  assert.equal(cache.lookup("other", text, at), undefined, "another model or setting misses");
  const all = text.slice(0, at) + "x * 2 + 1" + text.slice(at);
  assert.equal(cache.lookup("salt", all, at + 9), undefined, "nothing is left to suggest");
});

test("the cache forgets the least recently used entries first", () => {
  const cache = new CompletionCache(2);
  cache.store("s", "a", 1, ["1"]);
  cache.store("s", "b", 1, ["2"]);
  assert.ok(cache.lookup("s", "a", 1));
  cache.store("s", "c", 1, ["3"]);
  assert.ok(cache.lookup("s", "a", 1));
  assert.equal(cache.lookup("s", "b", 1), undefined);
});

test("the debounce follows typing speed between its bounds", () => {
  const d = new AdaptiveDebounce();
  assert.equal(d.delayMs(30, 250), 30, "no history: the lower bound");
  for (let t = 0; t <= 1000; t += 100) d.noteKeystroke(t);
  assert.equal(d.delayMs(30, 250), 110, "a burst at 100 ms per key waits a little longer than a gap");
  const slow = new AdaptiveDebounce();
  for (let t = 0; t <= 4000; t += 400) slow.noteKeystroke(t);
  assert.equal(slow.delayMs(30, 250), 30, "a slow typist is answered right away");
});

test("a pause ends early, reporting false, when aborted", async () => {
  const controller = new AbortController();
  const started = performance.now();
  setTimeout(() => controller.abort(), 10);
  assert.equal(await pause(5000, controller.signal), false);
  assert.ok(performance.now() - started < 1000);
  assert.equal(await pause(1, new AbortController().signal), true);
});

test("the context ring keeps one copy of near-identical chunks and picks by shared identifiers", () => {
  const ring = new ContextRing(8, 8);
  const body = Array.from({ length: 12 }, (_, i) => `    step_${i} = item.cost * ${i}`).join("\n");
  const code = (extra: string) => `def price(item):\n    tax = item.cost * RATE\n${body}\n    return item.cost + tax\n${extra}`;
  ring.add("file:///a.py", 0, code(""));
  ring.add("file:///a.py", 0, code("# edited"));
  assert.equal(ring.size, 1, "an edited chunk replaces its older version");
  ring.add("file:///b.py", 0, "class Cart:\n    def __init__(self):\n        self.items = []\n");
  ring.add("file:///c.py", 0, "import os\nimport sys\nprint(os.getcwd())\n");
  const picked = ring.pick("total = price(item) + item.cost", "file:///cart.py", 1000, (t) => t.length / 4, (u) => u);
  assert.equal(picked[picked.length - 1]!.path, "file:///a.py", "the most similar chunk comes last");
  assert.ok(!picked.some((p) => p.path === "file:///c.py"), "unrelated chunks are left out");
  assert.deepEqual(ring.pick("price item cost", "file:///a.py", 1000, (t) => t.length / 4, (u) => u).map((p) => p.path), [], "the current file is never its own context");
  assert.equal(ring.pick("price item cost", "x", 5, (t) => t.length / 4, (u) => u).length, 0, "the budget is respected");
});
