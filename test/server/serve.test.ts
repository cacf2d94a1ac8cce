import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EngineMetricsCollector } from "../../server/engine/metrics";
import type { RemoteEngine } from "../../server/engine/remote";
import { connectRemoteEngine } from "../../server/engine/remoteConnect";
import { RemoteEngineError } from "../../server/engine/remoteHttp";
import type { PromptPiece } from "../../server/engine/types";
import { silentLogger } from "../../server/logger";
import { readAudit } from "../../server/net/auditLog";
import { auditLogPath } from "../../server/net/stateDir";
import type { SlotStats } from "../../server/serve/serveEngine";
import { defaultSettings } from "../../common/settings";
import { ensureModels } from "../fixtures/gguf";
import { runCli, startServe } from "./serveHarness";

const fileA = `import os\n\ndef read_config(path):\n    with open(path) as f:\n        return f.read()\n\n`.repeat(12);
const fileB = `export function sum(values: number[]): number {\n  let total = 0;\n  for (const v of values) total += v;\n  return total;\n}\n\n`.repeat(12);
const fim = (prefix: string, typed: string): PromptPiece[] => [{ token: "fimPrefix" }, prefix, { token: "fimSuffix" }, "", { token: "fimMiddle" }, typed];

function client(url: string, id: string, apiKey?: string): Promise<RemoteEngine> {
  return connectRemoteEngine({ ...defaultSettings(), engine: "remote", "remote.url": url }, {
    log: silentLogger, metrics: new EngineMetricsCollector(), clientId: id, apiKey: async () => apiKey, http: { retries: 1, backoffMs: 100 },
  });
}

async function slots(url: string): Promise<SlotStats[]> {
  return ((await (await fetch(`${url}/enclave/metrics`)).json()) as { slots: SlotStats[] }).slots;
}

/** Two windows typing in turn; returns the share of each one's prompt tokens that came from its cache after the first request. */
async function alternate(a: RemoteEngine, b: RemoteEngine, rounds: number): Promise<{ a: number; b: number }> {
  const typed = "def load_all(paths):";
  const reused = { a: [0, 0], b: [0, 0] };
  for (let round = 0; round < rounds; round++) {
    for (const [name, engine, text] of [["a", a, fileA], ["b", b, fileB]] as const) {
      const r = await engine.generate({ sequence: "completion", prompt: fim(text, typed.slice(0, round + 1)), maxTokens: 2 });
      if (round === 0) continue;
      reused[name][0] += r.promptTokensReused;
      reused[name][1] += r.promptTokens;
    }
  }
  return { a: reused.a[0]! / reused.a[1]!, b: reused.b[0]! / reused.b[1]! };
}

test("two windows on one enclave serve each keep their own KV prefix; one slot for both thrashes", async () => {
  const { tiny } = await ensureModels();
  const serve = await startServe(tiny, { slots: 2 });
  try {
    const a = await client(serve.url, "window-a");
    const b = await client(serve.url, "window-b");
    const shares = await alternate(a, b, 6);
    assert.ok(shares.a > 0.95 && shares.b > 0.95, `reused share of prompt tokens: ${JSON.stringify(shares)}`);
    const held = await slots(serve.url);
    assert.deepEqual(held.map((s) => s.client).sort(), ["window-a/completion", "window-b/completion"]);
    for (const slot of held) {
      assert.equal(slot.requests, 6);
      assert.equal(slot.evictions, 0);
      assert.ok(slot.promptTokensReused > 0.8 * slot.promptTokens, JSON.stringify(slot));
    }

    // A third window takes the least recently used slot (window-a's); window-b stays warm.
    const c = await client(serve.url, "window-c");
    await c.generate({ sequence: "completion", prompt: fim(fileB.toUpperCase(), ""), maxTokens: 2 });
    const warm = await b.generate({ sequence: "completion", prompt: fim(fileB, "def load_all(paths):"), maxTokens: 2 });
    assert.ok(warm.promptTokensReused > 0.95 * warm.promptTokens, `window-b reused ${warm.promptTokensReused} of ${warm.promptTokens}`);
    const cold = await a.generate({ sequence: "completion", prompt: fim(fileA, "def load_all(paths):"), maxTokens: 2 });
    assert.ok(cold.promptTokensReused < 0.1 * cold.promptTokens, `window-a was evicted but reused ${cold.promptTokensReused}`);
    assert.equal((await slots(serve.url)).reduce((n, s) => n + s.evictions, 0), 2);
  } finally {
    await serve.stop();
  }

  const single = await startServe(tiny, { slots: 1 });
  try {
    const shares = await alternate(await client(single.url, "window-a"), await client(single.url, "window-b"), 3);
    assert.ok(shares.a < 0.1 && shares.b < 0.1, `with one slot the windows evict each other: ${JSON.stringify(shares)}`);
  } finally {
    await single.stop();
  }
  // enclave serve only answers: it made no outbound connection of its own in this run. The log
  // must hold this test's own connections to it first, or an absent or wrong file would pass.
  assert.ok(existsSync(auditLogPath()), `the audit log ${auditLogPath()} exists`);
  const audit = readAudit(auditLogPath());
  assert.ok(audit.some((e) => e.process.startsWith("test ") && e.port === serve.port), `the audit log records the test's connections to enclave serve: ${JSON.stringify(audit.slice(0, 3))}`);
  assert.deepEqual(audit.filter((e) => e.process === "serve"), []);
});

test("enclave serve refuses to listen on every interface or on a public address", async () => {
  const { tiny } = await ensureModels();
  const wildcard = await runCli(["serve", "--model", tiny, "--host", "0.0.0.0"]);
  assert.equal(wildcard.code, 2);
  assert.match(wildcard.stderr, /--host 0\.0\.0\.0 would listen on every network interface, public ones included/);
  const publicAddress = await runCli(["serve", "--model", tiny, "--host", "8.8.8.8"]);
  assert.equal(publicAddress.code, 2);
  assert.match(publicAddress.stderr, /--host 8\.8\.8\.8 is a public address/);
  const name = await runCli(["serve", "--model", tiny, "--host", "gpu-box"]);
  assert.match(name.stderr, /--host takes an IP address/);
});

test("with --api-key-file, enclave serve answers only clients that send a key, and never logs it", async () => {
  const { tiny } = await ensureModels();
  const dir = mkdtempSync(join(tmpdir(), "enclave-keys-"));
  const key = "sk-enclave-test-0123456789";
  writeFileSync(join(dir, "keys"), `# team keys\n${key}\n`);
  const serve = await startServe(tiny, { extra: ["--api-key-file", join(dir, "keys"), "--verbose"] });
  try {
    await assert.rejects(client(serve.url, "no-key"), (error: unknown) => {
      assert.ok(error instanceof RemoteEngineError);
      assert.match(error.message, /answered \/v1\/models with HTTP 401: A valid API key is required.*"Enclave: Set Remote API Key"/);
      return true;
    });
    const keyed = await client(serve.url, "keyed", key);
    const r = await keyed.generate({ sequence: "completion", prompt: fim(fileA, ""), maxTokens: 2 });
    assert.equal(r.generatedTokens, 2);
    assert.equal((await fetch(`${serve.url}/health`)).status, 200, "health needs no key");
  } finally {
    await serve.stop();
  }
  assert.ok(serve.stderr.join("").includes("POST /v1/completions for keyed/completion"));
  assert.ok(!serve.stderr.join("").includes(key), "the key is never logged");
  assert.ok(!readFileSync(auditLogPath(), "utf8").includes(key), "nor audited");
});
