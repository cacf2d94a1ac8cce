/**
 * What the remote engine must do against any model server, written once and run against each:
 * `enclave serve` (test/server/remote.test.ts) and the real llama-server (test/remote/). Each
 * scenario takes a connected engine and the server's own controls (kill it, start it again).
 */
import assert from "node:assert/strict";
import { EngineMetricsCollector } from "../../server/engine/metrics";
import { ModelManager } from "../../server/engine/modelManager";
import type { RemoteEngine } from "../../server/engine/remote";
import { connectRemoteEngine, type RemoteConnectOptions } from "../../server/engine/remoteConnect";
import { RemoteEngineError } from "../../server/engine/remoteHttp";
import type { Engine, PromptPiece } from "../../server/engine/types";
import { silentLogger } from "../../server/logger";
import { defaultSettings, type EnclaveSettings } from "../../common/settings";

export const code = `import os\n\ndef read_config(path):\n    with open(path) as f:\n        return f.read()\n\n`;
export const fim = (prefix: string, suffix: string): PromptPiece[] => [{ token: "fimPrefix" }, prefix, { token: "fimSuffix" }, suffix, { token: "fimMiddle" }];
export const messages = [{ role: "system" as const, content: "You are a coding assistant." }, { role: "user" as const, content: `What does read_config do?\n${code}` }];

/** A remote engine on `url`, retrying quickly enough for a restarting server. */
export function connect(url: string, overrides: Partial<EnclaveSettings> = {}, options: Partial<Omit<RemoteConnectOptions, "log" | "metrics">> = {}): Promise<RemoteEngine> {
  const settings: EnclaveSettings = { ...defaultSettings(), engine: "remote", "remote.url": url, ...overrides };
  return connectRemoteEngine(settings, { log: silentLogger, metrics: new EngineMetricsCollector(), ...options, http: { retries: 4, backoffMs: 200, ...options.http } });
}

/** The in-process engine on the same model, for comparing outputs. */
export async function localManager(model: string): Promise<ModelManager> {
  const manager = new ModelManager({ log: silentLogger });
  await manager.configure({ ...defaultSettings(), model });
  return manager;
}

/** Stop strings are sent to the server and cut exactly like the local engine cuts them. */
export async function assertStopsLikeLocal(local: Engine, remote: RemoteEngine, prompt: readonly PromptPiece[], expectedText: string): Promise<void> {
  const stop = [expectedText.slice(3, 5)];
  const localStop = await local.generate({ sequence: "completion", prompt, maxTokens: 12, stop });
  const remoteStop = await remote.generate({ sequence: "completion", prompt, maxTokens: 12, stop });
  assert.equal(remoteStop.text, localStop.text);
  assert.equal(remoteStop.stopReason, "stop");
}

/** Chat streams in several pieces that add up to the answer; returns it. */
export async function assertChatStreams(remote: RemoteEngine): Promise<{ text: string; promptTokens: number }> {
  const chunks: string[] = [];
  const answer = await remote.chat({ messages, maxTokens: 16, onText: (c) => chunks.push(c) });
  assert.ok(chunks.length > 3, `${chunks.length} chunks`);
  assert.equal(chunks.join(""), answer.text);
  assert.equal(answer.generatedTokens, 16);
  assert.equal(answer.stopReason, "maxTokens");
  return answer;
}

/** A long generation aborted after 20 pieces ends as "abort" within `withinMs` of the abort. */
export async function assertAbortIsPrompt(remote: RemoteEngine, withinMs: number): Promise<void> {
  const controller = new AbortController();
  let abortedAt = 0;
  let seen = 0;
  const long = await remote.generate({
    sequence: "completion", prompt: fim(code, ""), maxTokens: 3000, signal: controller.signal,
    onText: () => {
      if (++seen === 20) { abortedAt = performance.now(); controller.abort(); }
    },
  });
  const latency = performance.now() - abortedAt;
  assert.equal(long.stopReason, "abort");
  assert.ok(latency < withinMs, `returned ${latency.toFixed(0)} ms after the abort`);
}

/**
 * The server killed after 10 pieces of an answer: a clean error naming it; then, asked while
 * `restart` is still bringing it back, retries with backoff bridge the gap.
 */
export async function assertKilledMidAnswerRecovers(remote: RemoteEngine, url: string, kill: () => void, restart: () => void): Promise<void> {
  let chunks = 0;
  const killed = remote.chat({
    messages, maxTokens: 4000,
    onText: () => {
      if (++chunks === 10) kill();
    },
  });
  await assert.rejects(killed, (error: unknown) => {
    assert.ok(error instanceof RemoteEngineError, String(error));
    assert.match(error.message, new RegExp(`^The remote engine at ${url.replace(/\./g, "\\.")} stopped in the middle of an answer \\(.+\\) after \\d+ characters; the next request reconnects\\.$`));
    return true;
  });
  restart();
  const answer = await remote.chat({ messages, maxTokens: 8 });
  assert.equal(answer.generatedTokens, 8);
  assert.equal(answer.stopReason, "maxTokens");
}
