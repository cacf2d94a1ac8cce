import { test } from "node:test";
import assert from "node:assert/strict";
import { identifierParts, stemTerm, tokenize } from "../../server/index/tokenize";

test("camelCase, PascalCase, snake_case and acronyms split into words, the whole identifier kept", () => {
  assert.deepEqual(identifierParts("getUserById"), ["get", "user", "by", "id"]);
  assert.deepEqual(identifierParts("HTTPServerError"), ["http", "server", "error"]);
  assert.deepEqual(identifierParts("get_user_by_id"), ["get", "user", "by", "id"]);
  assert.deepEqual(tokenize("return getUserById(user_id);"), ["return", "getuserbyid", "get", "user", "by", "id", "user_id", "user", "id"]);
});

test("a question and the code it asks about share their terms", () => {
  const code = new Set(tokenize("def retry_with_backoff(attempts): ..."));
  for (const term of tokenize("Retry with backoff")) assert.ok(code.has(term), term);
});

test("single characters and punctuation are not terms; digits stay with their letters", () => {
  assert.deepEqual(tokenize("a = b + utf8Decode(x)"), ["utf8decode", "utf8", "decode"]);
});

test("plurals fold onto the singular, words that only end in s stay whole", () => {
  assert.deepEqual(["headers", "entries", "ids", "class", "status", "analysis", "is"].map(stemTerm), ["header", "entry", "id", "class", "status", "analysis", "is"]);
});
