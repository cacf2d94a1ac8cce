import { test } from "node:test";
import assert from "node:assert/strict";
import { remoteBaseUrl } from "../../server/engine/remoteConnect";
import { chooseFimMode, fimFamilies, fimVocabulary, piecesToText, RemotePromptError, splitFimPrompt } from "../../server/engine/remoteFim";
import { sseEvents } from "../../server/engine/remoteSse";
import { readChat, readCompletion, readInfill } from "../../server/engine/remoteStream";
import type { PromptPiece } from "../../server/engine/types";

/** Pure pieces of the remote engine: FIM mapping as data, SSE parsing, reading each server's events. */

const psm: PromptPiece[] = [{ token: "fimPrefix" }, "def f(x):\n    ", { token: "fimSuffix" }, "\n\nprint(f(2))\n", { token: "fimMiddle" }, "return"];

test("auto picks the structured prompt for enclave serve, /infill for llama-server, and the family by model name otherwise", () => {
  const serveTokens = { fimPrefix: "<|fim_prefix|>", fimSuffix: "<|fim_suffix|>", fimMiddle: "<|fim_middle|>" };
  assert.equal(chooseFimMode("auto", "enclave", "anything", serveTokens).kind, "pieces");
  assert.equal(chooseFimMode("auto", "enclave", "chat-only", {}).kind, "none");
  assert.equal(chooseFimMode("auto", "llama-server", "whatever").kind, "infill");
  const cases: Array<[string, string]> = [
    ["Qwen/Qwen2.5-Coder-7B-Instruct", "qwen"], ["qwen2.5-coder:1.5b", "qwen"], ["codellama/CodeLlama-13b-hf", "codellama"],
    ["bigcode/starcoder2-15b", "starcoder"], ["ibm-granite/granite-8b-code-base", "starcoder"], ["deepseek-ai/deepseek-coder-6.7b-base", "deepseek"],
    ["google/codegemma-7b", "codegemma"],
  ];
  for (const [model, family] of cases) {
    const mode = chooseFimMode("auto", "openai", model);
    assert.equal(mode.kind === "text" ? mode.family : mode.kind, family, model);
  }
  assert.equal(chooseFimMode("auto", "openai", "llama-3.1-8b-instruct").kind, "none");
  assert.equal(chooseFimMode("starcoder", "llama-server", "qwen").kind, "text", "an explicit family wins");
  assert.deepEqual(fimVocabulary(chooseFimMode("infill", "openai", "x")), { fimPrefix: true, fimSuffix: true, fimMiddle: true });
  assert.equal(fimVocabulary(chooseFimMode("auto", "openai", "qwen")).fimRepo, true);
});

test("pieces become each family's FIM text; BOS is left to the server", () => {
  assert.equal(piecesToText([{ token: "bos" }, ...psm], fimFamilies.qwen), "<|fim_prefix|>def f(x):\n    <|fim_suffix|>\n\nprint(f(2))\n<|fim_middle|>return");
  assert.equal(piecesToText(psm, fimFamilies.codellama), "<PRE> def f(x):\n     <SUF>\n\nprint(f(2))\n <MID>return");
  assert.equal(piecesToText(psm, fimFamilies.deepseek), "<｜fim▁begin｜>def f(x):\n    <｜fim▁hole｜>\n\nprint(f(2))\n<｜fim▁end｜>return");
  assert.throws(() => piecesToText([{ token: "fimRepo" }, "r", ...psm], fimFamilies.codellama), RemotePromptError);
});

test("a prefix-suffix-middle prompt splits into /infill fields, with repository files as input_extra", () => {
  const repo: PromptPiece[] = [
    { token: "fimRepo" }, "enclave\n", { token: "fimFileSep" }, "util.py\ndef helper():\n    pass\n", { token: "fimFileSep" }, "main.py\n", ...psm,
  ];
  assert.deepEqual(splitFimPrompt(repo), {
    extra: [{ filename: "util.py", text: "def helper():\n    pass\n" }],
    prefix: "def f(x):\n    ", suffix: "\n\nprint(f(2))\n", middle: "return",
  });
  // Suffix-first (SPM) prompts have no /infill form.
  assert.equal(splitFimPrompt([{ token: "fimSuffix" }, "s", { token: "fimPrefix" }, "p", { token: "fimMiddle" }]), undefined);
});

test("the remote URL setting is normalised and checked", () => {
  assert.equal(remoteBaseUrl(" http://gpu-box:8080/v1/ "), "http://gpu-box:8080");
  assert.equal(remoteBaseUrl("https://llm.corp.example/openai/v1"), "https://llm.corp.example/openai");
  assert.throws(() => remoteBaseUrl(""), /enclave\.remote\.url is empty/);
  assert.throws(() => remoteBaseUrl("gpu-box:8080"), /must start with http:\/\/ or https:\/\//);
  assert.throws(() => remoteBaseUrl("http://user:secret@gpu-box:8080"), /must not contain a user name or password/);
});

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

test("server-sent events are read across chunk boundaries, end at [DONE], and errors are raised", async () => {
  const seen: unknown[] = [];
  for await (const e of sseEvents(chunks('data: {"a":', '1}\r\n\r\n: comment\n\ndata: {"b":2}\n', "\ndata: [DONE]\n\ndata: {\"c\":3}\n\n"))) seen.push(e);
  assert.deepEqual(seen, [{ a: 1 }, { b: 2 }]);
  await assert.rejects(async () => {
    for await (const e of sseEvents(chunks('data: {"error":{"message":"context full"}}\n\n'))) void e;
  }, /the server reported: context full/);
});

test("events of /v1/completions, /v1/chat/completions and /infill give text, finish and usage", () => {
  assert.deepEqual(readCompletion({ choices: [{ text: "ab", finish_reason: null }] }), { text: "ab", finish: undefined, usage: undefined });
  const last = readCompletion({ choices: [{ text: "", finish_reason: "length" }], usage: { prompt_tokens: 100, completion_tokens: 8, prompt_tokens_details: { cached_tokens: 96 } } });
  assert.equal(last.finish, "maxTokens");
  assert.deepEqual({ ...last.usage }, { promptTokens: 100, reused: 96, evaluated: undefined, generated: 8, promptMs: undefined, generationMs: undefined, stopReason: undefined });
  assert.equal(readChat({ choices: [{ delta: { content: "hi" }, finish_reason: null }] }).text, "hi");
  assert.equal(readChat({ choices: [{ delta: {}, finish_reason: "stop" }] }).finish, "eos");
  const infill = readInfill({ content: "", stop: true, stop_type: "limit", tokens_evaluated: 50, tokens_cached: 45, timings: { prompt_n: 5, prompt_ms: 12, predicted_n: 8, predicted_ms: 80 } });
  assert.equal(infill.finish, "maxTokens");
  assert.deepEqual([infill.usage?.promptTokens, infill.usage?.reused, infill.usage?.evaluated, infill.usage?.generated], [50, 45, 5, 8]);
});
