import { test } from "node:test";
import assert from "node:assert/strict";
import { fixRegion } from "../../server/edit/fixRegion";

const LOADER = "import pickle\n\n\ndef load(data):\n    return pickle.loads(data)\n";

test("a fix's region is the statement around the diagnostic, found from its column", async () => {
  const region = await fixRegion(LOADER, "python", { start: { line: 4, character: 11 }, end: { line: 4, character: 29 } });
  assert.deepEqual([region.startLine, region.endLine], [4, 4]);
});

test("a diagnostic on one line of a statement that spans several gives the whole statement", async () => {
  const text = "import subprocess\n\ndef main(name):\n    result = subprocess.run(\n        name,\n        shell=True,\n    )\n    return result\n";
  const region = await fixRegion(text, "python", { start: { line: 5, character: 8 }, end: { line: 5, character: 18 } });
  assert.deepEqual([region.startLine, region.endLine], [3, 6]);
  assert.match(region.text, /^    result = subprocess\.run\($/m);
});
