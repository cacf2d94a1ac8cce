// Positions a broken client can send: LSP positions are unsigned and a character past a line's
// end means its end, but line -1 or line 1000 of a 2-line file were completed and the
// suggestion's range echoed them back, a range no editor can apply.

import { test } from "node:test";
import assert from "node:assert/strict";
import type { Position } from "vscode-languageserver-protocol/node";
import { ensureModels } from "../fixtures/gguf";
import { startServer } from "../server/harness";
import { completeAt, openDocument } from "./inputs";

test("an inline completion asked for outside the document is answered at the nearest place inside it", async () => {
  const { tiny } = await ensureModels();
  const server = await startServer({ model: tiny, completion: { maxTokens: 4 } });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    // A language without a grammar: the random model's text is not held to a parse check there,
    // so every position gets a suggestion and only the range is under test.
    const text = "function add(a, b)\n  return a";
    const uri = await openDocument(server, "positions.lua", "lua", text);
    const end: Position = { line: 1, character: 10 };
    const cases: Array<[Position, Position]> = [
      [{ line: -1, character: -5 }, { line: 0, character: 0 }],
      [{ line: 0, character: 500 }, { line: 0, character: 18 }],
      [{ line: 1000, character: 1000 }, end],
    ];
    for (const [asked, inside] of cases) {
      const { list } = await completeAt(server, uri, asked.line, asked.character);
      assert.ok(list && list.items.length > 0, `a completion at ${JSON.stringify(asked)}`);
      for (const item of list.items) assert.deepEqual(item.range, { start: inside, end: inside }, `asked at ${JSON.stringify(asked)}`);
    }
  } finally {
    await server.stop();
  }
});
