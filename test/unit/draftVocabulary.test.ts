// The draft-model vocabulary check: a sentence naming both models for each kind of difference,
// nothing when the vocabularies match.

import { test } from "node:test";
import assert from "node:assert/strict";
import { draftVocabularyProblem, ggufVocabulary } from "../../server/engine/draftVocabulary";

const metadata = (tokens: string[], pre = "qwen2", model = "gpt2") => ({ tokenizer: { ggml: { model, pre, tokens } } });
const main = { name: `"coder-7b"`, vocabulary: ggufVocabulary(metadata(["a", "b", "c"])) };
const draft = (m: unknown) => ({ name: `"coder-0.5b" (/m/d.gguf)`, vocabulary: ggufVocabulary(m) });

test("the same vocabulary is accepted", () => {
  assert.equal(draftVocabularyProblem(main, draft(metadata(["a", "b", "c"]))), undefined);
});

test("each difference is named, with both models", () => {
  const cases: Array<[unknown, RegExp]> = [
    [metadata(["a", "b"]), /\(2 tokens against 3\)/],
    [metadata(["a", "x", "c"]), /\(token 1 is "x" against "b"\)/],
    [metadata(["a", "b", "c"], "llama3"), /\(pre-tokenizer llama3 against qwen2\)/],
    [metadata(["a", "b", "c"], "qwen2", "llama"), /\(tokenizer llama against gpt2\)/],
    [{ general: { name: "no tokenizer" } }, /\(one of them has no token list\)/],
  ];
  for (const [m, reason] of cases) {
    const problem = draftVocabularyProblem(main, draft(m)) ?? "";
    assert.match(problem, /^The draft model "coder-0\.5b" \(\/m\/d\.gguf\) is not used: its vocabulary differs from the model "coder-7b"'s /);
    assert.match(problem, reason);
    assert.match(problem, /inline edits use prompt lookup instead\.$/);
  }
});
