import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { EngineMetricsCollector } from "../../server/engine/metrics";
import { connectRemoteEngine } from "../../server/engine/remoteConnect";
import { RemoteEngineError } from "../../server/engine/remoteHttp";
import { firstServerIndex } from "../../server/engine/remoteServers";
import type { PromptPiece } from "../../server/engine/types";
import { silentLogger } from "../../server/logger";
import { defaultSettings } from "../../common/settings";
import { ensureModels } from "../fixtures/gguf";
import { startLlamaServer } from "./llamaServerHarness";

/** Several servers in enclave.remote.url, each a real llama-server: a client keeps to one and moves on when it fails. */

const prompt: PromptPiece[] = [{ token: "fimPrefix" }, "def read_config(path):\n    ", { token: "fimSuffix" }, "\n", { token: "fimMiddle" }];
const messages = [{ role: "user" as const, content: "Explain list comprehensions in Python." }];

/** A client id whose first server is `index` of `count`, so the test knows where it starts. */
function clientStartingAt(index: number, count: number): string {
  for (let i = 0; ; i++) if (firstServerIndex(`client-${i}`, count) === index) return `client-${i}`;
}

/** A loopback port nothing listens on. */
async function deadPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const port = (probe.address() as { port: number }).port;
  await new Promise((r) => probe.close(r));
  return port;
}

test("with two servers a client keeps to its own, moves to the other when it dies mid-answer, and the status names the new one", async () => {
  const { tiny } = await ensureModels();
  const [a, b] = await Promise.all([startLlamaServer(tiny, { slots: 1 }), startLlamaServer(tiny, { slots: 1 })]);
  try {
    const health: Array<string | undefined> = [];
    const remote = await connectRemoteEngine({ ...defaultSettings(), engine: "remote", "remote.url": `${a.url}, ${b.url}` }, {
      log: silentLogger, metrics: new EngineMetricsCollector(), clientId: clientStartingAt(1, 2), onHealth: (p) => health.push(p),
    });
    assert.equal(remote.backend.remote?.url, b.url, "this client starts at the second server");
    assert.match(remote.backend.remote?.route ?? "", /; server 2 of the 2 in enclave\.remote\.url$/);
    // Keeps to it: every keystroke reuses b's cache, and a gets nothing.
    for (const typed of ["", "w", "wi", "wit"]) {
      const r = await remote.generate({ sequence: "completion", prompt: [...prompt, typed], maxTokens: 2 });
      if (typed) assert.ok(r.promptTokensEvaluated <= 10, `evaluated ${r.promptTokensEvaluated}`);
    }
    assert.equal((await a.metrics()).prompt_tokens_total ?? 0, 0);

    let chunks = 0;
    await assert.rejects(remote.chat({ messages, maxTokens: 4000, onText: () => { if (++chunks === 5) void b.stop("SIGKILL"); } }), (error: unknown) => {
      assert.ok(error instanceof RemoteEngineError, String(error));
      assert.match(error.message, /stopped in the middle of an answer \(.+\) after \d+ characters; the next request goes to the next server\.$/);
      return true;
    });
    const answer = await remote.chat({ messages, maxTokens: 8 });
    assert.equal(answer.generatedTokens, 8);
    assert.equal(remote.backend.remote?.url, a.url);
    assert.match(remote.backend.remote?.route ?? "", /server 1 of the 2/);
    assert.ok((await a.metrics()).prompt_tokens_total! > 0, "the answer came from the first server");
    assert.equal(health.length, 2, JSON.stringify(health));
    assert.match(health[0] ?? "", /stopped in the middle of an answer/);
    assert.equal(health[1], undefined, "the status is ready again, now naming the other server");
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
});

test("a listed server that is down is passed over at once, at connection and when a request finds it gone", async () => {
  const { tiny } = await ensureModels();
  const live = await startLlamaServer(tiny, { slots: 1 });
  const dead = `http://127.0.0.1:${await deadPort()}`;
  try {
    const started = performance.now();
    const remote = await connectRemoteEngine({ ...defaultSettings(), engine: "remote", "remote.url": `${dead} ${live.url}` }, {
      log: silentLogger, metrics: new EngineMetricsCollector(), clientId: clientStartingAt(0, 2),
    });
    assert.equal(remote.backend.remote?.url, live.url);
    assert.ok(performance.now() - started < 5000, `connected in ${(performance.now() - started).toFixed(0)} ms`);

    // Both down: the error names every server.
    await live.stop("SIGKILL");
    await assert.rejects(remote.generate({ sequence: "completion", prompt, maxTokens: 2 }), (error: unknown) => {
      assert.ok(error instanceof RemoteEngineError, String(error));
      assert.match(error.message, /^None of the 2 remote engines in enclave\.remote\.url answered\. /);
      assert.ok(error.message.includes(dead) && error.message.includes(live.url), error.message);
      return true;
    });
  } finally {
    await live.stop();
  }
});
