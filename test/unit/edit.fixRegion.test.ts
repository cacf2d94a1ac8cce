import { test } from "node:test";
import assert from "node:assert/strict";
import { fixRegion } from "../../server/edit/fixRegion";

const LOADER = "import pickle\n\n\ndef load(data):\n    return pickle.loads(data)\n";

test("a fix's region is the statement around the diagnostic, found from its column", async () => {
  const region = await fixRegion(LOADER, "python", { start: { line: 4, character: 11 }, end: { line: 4, character: 29 } });
  assert.deepEqual([region.startLine, region.endLine], [4, 4]);
});

test("a range widened to whole lines (starting in the indentation) still means the statement on that line, not the enclosing def", async () => {
  // The inline edit client widens a diagnostic's range to whole lines before it asks.
  const region = await fixRegion(LOADER, "python", { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } });
  assert.deepEqual([region.startLine, region.endLine], [4, 4]);
  assert.equal(region.text, "    return pickle.loads(data)");
});
