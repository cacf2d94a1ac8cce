import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { ensureModels } from "../fixtures/gguf";
import { startServe } from "../server/serveHarness";
import { openTempDir, runCli } from "./kit";

test("enclave serve refuses to start when --api-key-file holds no key, before loading the model", async () => {
  const { tiny } = await ensureModels();
  const dir = openTempDir("enclave-keys-");
  const file = join(dir, "keys");
  writeFileSync(file, "# team keys go here\n\n   # one per line\n");
  const result = await runCli(["serve", "--model", tiny, "--port", "0", "--api-key-file", file], { timeoutMs: 30_000 });
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /--api-key-file .*keys holds no key \(only blank lines and # comments\)\. Refusing to start without authentication/);
  assert.doesNotMatch(result.stdout, /listening/);
  const missing = await runCli(["serve", "--model", tiny, "--port", "0", "--api-key-file", join(dir, "absent")], { timeoutMs: 30_000 });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--api-key-file .*absent: ENOENT.*Refusing to start/);
});

/** Opens a TCP connection to 127.0.0.1 and resolves once it is established. */
function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => resolve(socket)).once("error", reject);
  });
}

/** Resolves with how long the server took to close the socket (ms), or rejects after `limitMs`. */
function closedWithin(socket: Socket, limitMs: number): Promise<{ ms: number; received: string }> {
  const started = performance.now();
  let received = "";
  socket.on("data", (c: Buffer) => { received += c.toString(); });
  socket.on("error", () => undefined);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still open after ${limitMs} ms`)), limitMs);
    socket.once("close", () => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, received });
    });
  });
}

test("enclave serve holds at most 64 connections and gives a client 10 s to send its headers", async (t) => {
  const { tiny } = await ensureModels();
  const serve = await startServe(tiny, { slots: 1 });
  t.after(() => serve.stop());
  const held: Socket[] = [];
  t.after(() => held.forEach((s) => s.destroy()));

  // A slow client: the start of a request, then one header line a second, never the end.
  const slow = await open(serve.port);
  slow.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  const trickle = setInterval(() => slow.writable && slow.write("X-Slow: 1\r\n"), 1000);
  t.after(() => clearInterval(trickle));
  const slowClosed = closedWithin(slow, 20_000);

  // 63 more idle connections make 64; the 65th is closed at once, with nothing sent.
  const heldClosed: Array<Promise<{ ms: number }>> = [];
  for (let i = 0; i < 63; i++) {
    const socket = await open(serve.port);
    held.push(socket);
    heldClosed.push(closedWithin(socket, 20_000));
  }
  await new Promise((r) => setTimeout(r, 300));
  const extra = await open(serve.port);
  const dropped = await closedWithin(extra, 3_000);
  assert.equal(dropped.received, "");
  assert.ok(dropped.ms < 3_000, `${dropped.ms} ms`);
  t.diagnostic(`65th connection closed after ${dropped.ms.toFixed(0)} ms`);

  // The slow client is cut off between 10 s (the headers timeout) and 10 s + Node's 1 s check, with a 408.
  const cut = await slowClosed;
  clearInterval(trickle);
  t.diagnostic(`slow headers closed after ${cut.ms.toFixed(0)} ms`);
  assert.ok(cut.ms >= 9_000 && cut.ms < 14_000, `${cut.ms} ms`);
  assert.match(cut.received, /^HTTP\/1\.1 408/);
  // Connections that never send a byte count against the same deadline, so idle ones cannot hold the cap either.
  const idle = await Promise.all(heldClosed);
  t.diagnostic(`idle connections closed after at most ${Math.max(...idle.map((c) => c.ms)).toFixed(0)} ms`);
  assert.ok(idle.every((c) => c.ms < 14_000), "idle connections are closed after the headers timeout too");

  // Once connections end, the server takes new ones again.
  held.splice(0).forEach((s) => s.destroy());
  await new Promise((r) => setTimeout(r, 300));
  const health = await fetch(`${serve.url}/health`, { signal: AbortSignal.timeout(5_000) });
  assert.equal(health.status, 200);
});
