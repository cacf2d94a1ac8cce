/**
 * The remote engine's token estimate (server/engine/tokenEstimate.ts): cautious at first, then
 * the rate the server's count of one big enough prompt shows, a tenth lower, learned once.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { CAUTIOUS_CHARS_PER_TOKEN, TokenEstimate } from "../../server/engine/tokenEstimate";

test("the estimate starts cautious, learns from the first prompt of 256 tokens or more, and then stays", () => {
  const estimate = new TokenEstimate();
  assert.equal(estimate.charsPerToken, CAUTIOUS_CHARS_PER_TOKEN);
  assert.equal(estimate.count("x".repeat(300)), 100);
  assert.equal(estimate.observe(1_000, 200), undefined, "too small a prompt teaches nothing");
  assert.equal(estimate.observe(5_000, 1_000), 4.5, "five characters a token, a tenth kept in reserve");
  assert.equal(estimate.count("x".repeat(450)), 100);
  assert.equal(estimate.observe(3_000, 1_000), undefined, "learned once: the windows cut by it stay where they are");
  assert.equal(estimate.charsPerToken, 4.5);
});

test("a learned rate follows a byte-level vocabulary down, and is bounded above", () => {
  const bytes = new TokenEstimate();
  assert.equal(bytes.observe(1_000, 1_000), 1, "never counts fewer tokens than the server did");
  assert.equal(bytes.count("abc"), 3);
  const odd = new TokenEstimate();
  assert.equal(odd.observe(100_000, 1_000), 5);
});
