/**
 * `enclave serve`'s `stop` field: a hostile client sent 100,000 stop strings in one body, and
 * every generated token was checked against each of them (8 s for 4 tokens on the tiny model).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { HttpError, MAX_STOP_STRINGS, stopField } from "../../server/serve/httpKit";

test("stop takes a string or a list of up to MAX_STOP_STRINGS strings; more is a 400 naming the limit", () => {
  assert.deepEqual(stopField("\n\n"), ["\n\n"]);
  assert.deepEqual(stopField(["a", 5, "", "b"]), ["a", "b"]);
  assert.deepEqual(stopField(undefined), []);
  const most = Array.from({ length: MAX_STOP_STRINGS }, (_, i) => `s${i}`);
  assert.deepEqual(stopField(most), most);
  assert.throws(() => stopField(Array.from({ length: 100_000 }, () => "aaaaaaaaaa")), (error: unknown) =>
    error instanceof HttpError && error.status === 400 && /at most 16 strings \(got 100000\)/.test(error.message));
});
