import { test } from "node:test";
import assert from "node:assert/strict";
import { remoteBaseUrls } from "../../server/engine/remoteConnect";
import { chatCall, completionCall, slotFor } from "../../server/engine/remoteCalls";
import { fimFamilies } from "../../server/engine/remoteFim";
import { RemoteEngineError, RemoteHttp } from "../../server/engine/remoteHttp";
import { firstServerIndex, RemoteServers } from "../../server/engine/remoteServers";
import { ndjsonEvents } from "../../server/engine/remoteSse";
import { readOllama } from "../../server/engine/remoteStream";
import type { RemoteTarget } from "../../server/engine/remoteTarget";
import { describeRoute } from "../../server/engine/remoteTarget";
import type { PromptPiece } from "../../server/engine/types";
import { egressPolicyFrom } from "../../server/net/egressPolicy";
import { silentLogger } from "../../server/logger";
import { defaultSettings } from "../../common/settings";

/** The request bodies each server kind gets, and the list of servers, without a network. */

const psm: PromptPiece[] = [{ token: "fimPrefix" }, "def f(x):\n    ", { token: "fimSuffix" }, "\n", { token: "fimMiddle" }, "ret"];
const target = (kind: RemoteTarget["server"]["kind"], slots?: number): RemoteTarget => ({
  http: new RemoteHttp({ baseUrl: "http://gpu.internal:8080", log: silentLogger }), server: { kind, marker: "test", slots },
  model: "qwen2.5-coder", fim: { kind: "text", family: "qwen", tokens: fimFamilies.qwen }, contextSize: 4096, demo: false,
});

test("llama-server gets /completion with the FIM text, the prompt cache, this client's slot, n_predict and the newline time limit", () => {
  const call = completionCall(target("llama-server", 4), "client-a", { sequence: "completion", prompt: psm, maxTokens: 16, stop: ["\n\n"], newlineTimeBudgetMs: 250 });
  assert.equal(call.path, "/completion");
  assert.deepEqual(call.body, {
    prompt: "<|fim_prefix|>def f(x):\n    <|fim_suffix|>\n<|fim_middle|>ret", n_predict: 16, temperature: 0, seed: undefined, stop: ["\n\n"],
    stream: true, cache_prompt: true, id_slot: slotFor("client-a", "completion", 4), t_max_predict_ms: 250,
  });
  // The slot is stable for a client and sequence, spread across clients, and -1 (the server picks) when the count is unknown.
  assert.equal(slotFor("client-a", "completion", 4), slotFor("client-a", "completion", 4));
  assert.equal(new Set(Array.from({ length: 40 }, (_, i) => slotFor(`client-${i}`, "completion", 4))).size, 4);
  assert.equal(slotFor("client-a", "completion", undefined), -1);
  const chat = chatCall(target("llama-server", 4), "client-a", { messages: [{ role: "user", content: "hi" }], maxTokens: 8 });
  assert.equal(chat.path, "/v1/chat/completions");
  assert.equal(chat.body.user, "client-a");
  assert.equal(chat.body.cache_prompt, true);
  assert.equal(chat.body.id_slot, slotFor("client-a", "chat", 4));
});

test("vLLM gets /v1/completions with the same text and the client as user; Ollama its raw /api/generate; the route says so", () => {
  const vllm = completionCall(target("vllm"), "client-a", { sequence: "completion", prompt: psm, maxTokens: 16 });
  assert.equal(vllm.path, "/v1/completions");
  assert.equal(vllm.body.prompt, "<|fim_prefix|>def f(x):\n    <|fim_suffix|>\n<|fim_middle|>ret");
  assert.equal(vllm.body.user, "client-a");
  assert.equal(vllm.body.cache_prompt, undefined);
  assert.equal(vllm.body.id_slot, undefined);
  const ollama = completionCall(target("ollama"), "client-a", { sequence: "completion", prompt: psm, maxTokens: 16, stop: ["\n"] });
  assert.equal(ollama.path, "/api/generate");
  assert.equal(ollama.framing, "ndjson");
  assert.deepEqual(ollama.body, { model: "qwen2.5-coder", prompt: vllm.body.prompt, raw: true, stream: true, options: { num_predict: 16, temperature: 0, seed: undefined, stop: ["\n"] } });
  assert.equal(describeRoute(target("ollama")), "detected by test; completions as qwen FIM text via /api/generate (raw), chat via /v1/chat/completions");
  assert.equal(describeRoute(target("llama-server", 3)), "detected by test; completions as qwen FIM text via /completion with a KV slot of 3, chat via /v1/chat/completions");
});

test("Ollama's NDJSON stream is read line by line, its counts from the last line", async () => {
  const lines = ['{"response":"re","done":false}\n{"respo', 'nse":"turn","done":false}\n', '{"response":"","done":true,"done_reason":"length","prompt_eval_count":41,"eval_count":2,"prompt_eval_duration":5000000,"eval_duration":2000000}\n'];
  async function* body(): AsyncGenerator<Uint8Array> { for (const l of lines) yield new TextEncoder().encode(l); }
  const deltas = [];
  for await (const event of ndjsonEvents(body())) deltas.push(readOllama(event));
  assert.equal(deltas.map((d) => d.text ?? "").join(""), "return");
  assert.deepEqual(deltas.at(-1), { text: "", finish: "maxTokens", usage: { promptTokens: 41, generated: 2, promptMs: 5, generationMs: 2 } });
  async function* failing(): AsyncGenerator<Uint8Array> { yield new TextEncoder().encode('{"error":"model not found"}\n'); }
  await assert.rejects(async () => { for await (const _ of ndjsonEvents(failing())) void _; }, /the server reported: model not found/);
});

test("enclave.remote.url lists one or several servers; each host is granted by the egress policy", () => {
  assert.deepEqual(remoteBaseUrls("http://gpu-box:8080/v1/"), ["http://gpu-box:8080"]);
  assert.deepEqual(remoteBaseUrls(" http://a:8080, http://b:8080/v1\nhttp://a:8080 "), ["http://a:8080", "http://b:8080"]);
  assert.throws(() => remoteBaseUrls("http://a:8080, ftp://b"), /must start with http:\/\/ or https:\/\/, not ftp:/);
  assert.throws(() => remoteBaseUrls(" , "), /enclave\.remote\.url is empty/);
  const policy = egressPolicyFrom({ ...defaultSettings(), engine: "remote", "remote.url": "http://10.0.0.5:8080, http://gpu-b.internal:8080" });
  assert.deepEqual(policy.grants.map((g) => g.host), ["10.0.0.5", "gpu-b.internal"]);
});

test("the server list starts where the client id says, keeps to a server, and moves on (wrapping) when it fails", async () => {
  const urls = ["http://a", "http://b", "http://c"];
  const down = new Set<string>();
  const connects: string[] = [];
  const connectOne = async (url: string): Promise<RemoteTarget> => {
    connects.push(url);
    if (down.has(url)) throw new RemoteEngineError(`${url} is down`);
    return { ...target("vllm"), http: new RemoteHttp({ baseUrl: url, log: silentLogger }) };
  };
  const start = firstServerIndex("client-x", 3);
  const servers = new RemoteServers(urls, connectOne, "client-x");
  const first = await servers.current();
  assert.equal(first.http.baseUrl, urls[start]);
  assert.equal(await servers.current(), first, "kept while it answers");
  down.add(urls[(start + 1) % 3]!);
  assert.equal(servers.failed(first), true);
  assert.equal((await servers.current()).http.baseUrl, urls[(start + 2) % 3], "the next one is down: the one after it");
  assert.deepEqual(connects, [urls[start], urls[(start + 1) % 3], urls[(start + 2) % 3]]);
  for (const url of urls) down.add(url);
  servers.failed((await servers.current()));
  await assert.rejects(servers.current(), /^RemoteEngineError: None of the 3 remote engines in enclave\.remote\.url answered\. http:\/\/. is down/);
  const single = new RemoteServers(["http://a"], connectOne, "client-x");
  down.clear();
  const only = await single.current();
  assert.equal(single.failed(only), false, "a single server is simply asked again");
  assert.equal(await single.current(), only);
});
