import { test } from "node:test";
import assert from "node:assert/strict";
import { RemoteEngineError } from "../../server/engine/remoteHttp";
import { ensureModels } from "../fixtures/gguf";
import { startLlamaServer } from "./llamaServerHarness";
import { assertAbortIsPrompt, assertChatStreams, assertKilledMidAnswerRecovers, assertStopsLikeLocal, code, connect, fim, localManager } from "../server/remoteScenarios";

/**
 * The remote engine against the real llama-server (built from the llama.cpp source that
 * node-llama-cpp ships) on the tiny fixture model: detection, the KV-friendly /completion path
 * read from the server's own timings, chat streaming, cancel, a crash, an API key, timeouts.
 */

test("completions go to llama-server's /completion as the model's FIM text, and a keystroke evaluates at most 10 prompt tokens by the server's own count", async () => {
  const { tiny } = await ensureModels();
  const server = await startLlamaServer(tiny);
  const manager = await localManager(tiny);
  try {
    const local = (await manager.engine())!;
    const remote = await connect(`${server.url}/v1`);
    assert.equal(remote.backend.remote?.server, "llama-server");
    assert.equal(remote.backend.remote?.route, "detected by GET /props; completions as qwen FIM text via /completion with a KV slot of 2, chat via /v1/chat/completions");
    assert.ok(remote.vocabulary.special.fimRepo && remote.vocabulary.special.fimFileSep, "the repository tokens were found by /tokenize");
    assert.equal(remote.model.contextSize, 4096);

    const prompt = fim(code.repeat(5), "\nprint(1)\n");
    const expected = await local.generate({ sequence: "completion", prompt, maxTokens: 12 });
    const first = await remote.generate({ sequence: "completion", prompt, maxTokens: 12 });
    assert.equal(first.text, expected.text, "llama-server read the FIM text as the model's special tokens: the same greedy text as in-process");
    assert.equal(first.promptTokens, expected.promptTokens);
    assert.equal(first.generatedTokens, 12);
    assert.equal(first.stopReason, "maxTokens");

    // Typing a line after the middle token: only the new tokens are evaluated (timings.prompt_n).
    const before = (await server.metrics()).prompt_tokens_total!;
    const typed = "def write_config(path, text):";
    let evaluated = 0;
    for (let k = 1; k <= typed.length; k++) {
      const r = await remote.generate({ sequence: "completion", prompt: [...prompt, typed.slice(0, k)], maxTokens: 4 });
      assert.ok(r.promptTokensEvaluated >= 1 && r.promptTokensEvaluated <= 10, `keystroke ${k}: evaluated ${r.promptTokensEvaluated} of ${r.promptTokens}`);
      assert.equal(r.promptTokensReused + r.promptTokensEvaluated, r.promptTokens);
      evaluated += r.promptTokensEvaluated;
    }
    const counted = (await server.metrics()).prompt_tokens_total! - before;
    assert.equal(counted, evaluated, "the server's /metrics counter agrees with the timings we read");
    assert.ok(counted / typed.length <= 10, `${counted} tokens over ${typed.length} keystrokes`);

    await assertStopsLikeLocal(local, remote, prompt, expected.text);

    // Budgets count a cautious three characters a token until the server has counted a prompt of
    // 256 tokens or more; then they count at the rate it showed, a little under it.
    assert.equal(remote.countTokens("x".repeat(999)), 333, "small prompts teach nothing");
    const bigPrompt = fim(code.repeat(20), "\nprint(1)\n");
    const big = await remote.generate({ sequence: "completion", prompt: bigPrompt, maxTokens: 1 });
    assert.ok(big.promptTokens >= 256, `${big.promptTokens} tokens`);
    const chars = bigPrompt.reduce((n, piece) => n + (typeof piece === "string" ? piece.length : 0), 0);
    const rate = chars / big.promptTokens;
    const learned = 999 / remote.countTokens("x".repeat(999));
    assert.notEqual(remote.countTokens("x".repeat(999)), 333, "the count changed after the big prompt");
    assert.ok(learned <= rate * 0.95 && learned >= Math.min(1, rate * 0.85), `budgeted at ${learned.toFixed(2)} characters a token; llama-server counted ${rate.toFixed(2)}`);
  } finally {
    await manager.dispose();
    await server.stop();
  }
});

test("chat streams from llama-server's /v1/chat/completions, and cancelling stops the server's generation", async () => {
  const { tiny } = await ensureModels();
  const server = await startLlamaServer(tiny);
  try {
    const remote = await connect(server.url);
    const answer = await assertChatStreams(remote);
    assert.ok(answer.promptTokens > 20, `prompt ${answer.promptTokens}`);
    await assertAbortIsPrompt(remote, 1000);
    // The server saw the hang-up: nothing is processing any more, and far fewer than 3,000 tokens were made.
    let metrics = await server.metrics();
    for (let i = 0; i < 50 && metrics.requests_processing !== 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      metrics = await server.metrics();
    }
    assert.equal(metrics.requests_processing, 0);
    assert.ok(metrics.tokens_predicted_total! < 16 + 1000, `predicted ${metrics.tokens_predicted_total}`);
  } finally {
    await server.stop();
  }
});

test("a llama-server killed mid-answer gives a clean error, and the engine recovers once it is back", async () => {
  const { tiny } = await ensureModels();
  const server = await startLlamaServer(tiny);
  let again: ReturnType<typeof startLlamaServer> | undefined;
  try {
    const remote = await connect(server.url, {}, { http: { retries: 6, backoffMs: 300 } });
    // Asked while the server is still loading again: retries with backoff bridge the gap.
    await assertKilledMidAnswerRecovers(remote, server.url, () => void server.stop("SIGKILL"), () => { again = startLlamaServer(tiny, { port: server.port }); });
  } finally {
    await server.stop("SIGKILL");
    await (await again?.catch(() => undefined))?.stop();
  }
});

test("llama-server with --api-key: a wrong key is refused with what to do, the right one works", async () => {
  const { tiny } = await ensureModels();
  const server = await startLlamaServer(tiny, { apiKey: "team-secret" });
  try {
    await assert.rejects(connect(server.url, {}, { apiKey: async () => "wrong-key" }), (error: unknown) => {
      assert.ok(error instanceof RemoteEngineError, String(error));
      assert.equal(error.status, 401);
      assert.match(error.message, /answered \/v1\/models with HTTP 401.* The server wants an API key: run "Enclave: Set Remote API Key"\.$/);
      return true;
    });
    const remote = await connect(server.url, {}, { apiKey: async () => "team-secret" });
    assert.equal(remote.backend.remote?.server, "llama-server", "/props was read with the key");
    const r = await remote.generate({ sequence: "completion", prompt: fim(code, ""), maxTokens: 4 });
    assert.equal(r.generatedTokens, 4);
  } finally {
    await server.stop();
  }
});

test("a llama-server that stops answering times out: before the answer and in the middle of it", async () => {
  const { tiny } = await ensureModels();
  const server = await startLlamaServer(tiny);
  try {
    const remote = await connect(server.url, {}, { http: { retries: 0, headersTimeoutMs: 2000, idleTimeoutMs: 1500 } });
    // A frozen process (SIGSTOP) accepts connections in the kernel but never answers.
    server.process.kill("SIGSTOP");
    const started = performance.now();
    await assert.rejects(remote.generate({ sequence: "completion", prompt: fim(code, ""), maxTokens: 4 }),
      /^RemoteEngineError: The remote engine at http:\/\/127\.0\.0\.1:\d+ did not answer \/completion within 2 s\.$/);
    assert.ok(performance.now() - started < 10_000, `${(performance.now() - started).toFixed(0)} ms`);
    server.process.kill("SIGCONT");

    let chunks = 0;
    const frozen = remote.generate({
      sequence: "completion", prompt: fim(code, ""), maxTokens: 3000,
      onText: () => {
        if (++chunks === 5) server.process.kill("SIGSTOP");
      },
    });
    await assert.rejects(frozen, /stopped in the middle of an answer \(it sent nothing for 1\.5 s\) after \d+ characters/);
    server.process.kill("SIGCONT");
    const after = await remote.generate({ sequence: "completion", prompt: fim(code, ""), maxTokens: 4 });
    assert.equal(after.generatedTokens, 4, "the server answers again once it runs");
  } finally {
    server.process.kill("SIGCONT");
    await server.stop();
  }
});
