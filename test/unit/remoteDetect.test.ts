import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { EngineMetricsCollector } from "../../server/engine/metrics";
import { connectRemoteEngine } from "../../server/engine/remoteConnect";
import { silentLogger } from "../../server/logger";
import { defaultSettings } from "../../common/settings";

/**
 * Detection of vLLM and Ollama by the markers their APIs document, and Ollama's raw NDJSON path
 * end to end, against small stand-ins on 127.0.0.1 (neither server can run here; llama-server
 * and enclave serve are tested for real in test/remote and test/server).
 */

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

async function standIn(routes: Record<string, Handler>): Promise<{ url: string; seen: Array<{ path: string; body: string; client?: string }>; close: () => Promise<void> }> {
  const seen: Array<{ path: string; body: string; client?: string }> = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ path: req.url!, body, client: req.headers["x-enclave-client"] as string | undefined });
      const route = routes[`${req.method} ${req.url}`];
      if (route) route(req, body, res);
      else res.writeHead(404).end("404 page not found");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url, seen, close: () => new Promise((r) => server.close(() => r())) };
}

const json = (value: unknown): Handler => (_req, _body, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(value));
const connect = (url: string) => connectRemoteEngine({ ...defaultSettings(), engine: "remote", "remote.url": url }, { log: silentLogger, metrics: new EngineMetricsCollector(), clientId: "client-7", http: { retries: 0 } });

test("Ollama is recognised by /api/version; completions go raw to /api/generate as NDJSON, chat to /v1/chat/completions", async () => {
  const ollama = await standIn({
    "GET /v1/models": json({ object: "list", data: [{ id: "qwen2.5-coder:7b-base", object: "model", owned_by: "library" }] }),
    "GET /api/version": json({ version: "0.12.3" }),
    "POST /api/generate": (_req, _body, res) => {
      res.writeHead(200, { "content-type": "application/x-ndjson" });
      res.write('{"response":"return ","done":false}\n');
      res.end('{"response":"x","done":true,"done_reason":"length","prompt_eval_count":3,"eval_count":2}\n');
    },
  });
  try {
    const remote = await connect(ollama.url);
    assert.equal(remote.backend.remote?.server, "Ollama");
    assert.equal(remote.backend.remote?.route, "detected by GET /api/version (Ollama 0.12.3); completions as qwen FIM text via /api/generate (raw), chat via /v1/chat/completions");
    const r = await remote.generate({ sequence: "completion", prompt: [{ token: "fimPrefix" }, "a", { token: "fimSuffix" }, "b", { token: "fimMiddle" }], maxTokens: 2 });
    assert.equal(r.text, "return x");
    assert.equal(r.stopReason, "maxTokens");
    assert.equal(r.promptTokens, 3);
    const sent = ollama.seen.find((s) => s.path === "/api/generate")!;
    assert.deepEqual(JSON.parse(sent.body), { model: "qwen2.5-coder:7b-base", prompt: "<|fim_prefix|>a<|fim_suffix|>b<|fim_middle|>", raw: true, stream: true, options: { num_predict: 2, temperature: 0 } });
    assert.equal(sent.client, "client-7/completion");
  } finally {
    await ollama.close();
  }
});

test("vLLM is recognised by owned_by in /v1/models (or GET /version) and gets the FIM text on /v1/completions with the client as user", async () => {
  const events = ['{"choices":[{"text":"ok","finish_reason":null}]}', '{"choices":[{"text":"","finish_reason":"length"}],"usage":{"prompt_tokens":9,"completion_tokens":1,"prompt_tokens_details":{"cached_tokens":8}}}'];
  const completions: Handler = (_req, _body, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.end(events.map((e) => `data: ${e}\n\n`).join("") + "data: [DONE]\n\n");
  };
  const vllm = await standIn({ "GET /v1/models": json({ data: [{ id: "Qwen/Qwen2.5-Coder-7B", owned_by: "vllm", max_model_len: 32768 }] }), "POST /v1/completions": completions });
  const renamed = await standIn({ "GET /v1/models": json({ data: [{ id: "coder", owned_by: "team" }] }), "GET /version": json({ version: "0.11.0" }) });
  try {
    const remote = await connect(vllm.url);
    assert.equal(remote.backend.remote?.server, "vLLM");
    assert.equal(remote.model.contextSize, 32768);
    const r = await remote.generate({ sequence: "completion", prompt: [{ token: "fimPrefix" }, "a", { token: "fimSuffix" }, "b", { token: "fimMiddle" }, "c"], maxTokens: 1 });
    assert.deepEqual([r.text, r.promptTokens, r.promptTokensReused, r.promptTokensEvaluated], ["ok", 9, 8, 1]);
    const body = JSON.parse(vllm.seen.find((s) => s.path === "/v1/completions")!.body) as Record<string, unknown>;
    assert.equal(body.prompt, "<|fim_prefix|>a<|fim_suffix|>b<|fim_middle|>c");
    assert.equal(body.user, "client-7");
    assert.equal(body.id_slot, undefined);
    assert.ok(!vllm.seen.some((s) => s.path === "/api/version"), "owned_by was enough");

    const other = await connect(renamed.url);
    assert.equal(other.backend.remote?.server, "vLLM");
    assert.match(other.backend.remote?.route ?? "", /^detected by GET \/version \(vLLM 0\.11\.0\); no inline completions/);
  } finally {
    await vllm.close();
    await renamed.close();
  }
});
