import { test } from "node:test";
import assert from "node:assert/strict";
import { StreamingText } from "../../server/engine/streamingText";

test("text that could still become a stop string is held back, then released", () => {
  const chunks: string[] = [];
  const s = new StreamingText(["\n\n"], (c) => chunks.push(c));
  s.update("abc\n");
  assert.deepEqual(chunks, ["abc"]);
  s.update("abc\nd");
  assert.deepEqual(chunks, ["abc", "\nd"]);
});

test("a stop string cuts the text and ends the stream", () => {
  const chunks: string[] = [];
  const s = new StreamingText(["END"], (c) => chunks.push(c));
  assert.equal(s.update("xyEN"), false);
  assert.equal(s.update("xyENDzz"), true);
  s.finish();
  assert.equal(s.value, "xy");
  assert.equal(chunks.join(""), "xy");
});

test("an unfinished UTF-8 character is not shown until it is complete", () => {
  const chunks: string[] = [];
  const s = new StreamingText([], (c) => chunks.push(c));
  s.update("a\uFFFD");
  assert.deepEqual(chunks, ["a"]);
  s.update("aé");
  assert.deepEqual(chunks, ["a", "é"]);
});
