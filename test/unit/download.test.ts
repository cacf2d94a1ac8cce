import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { downloadModel } from "../../server/engine/download";
import { silentLogger } from "../../server/logger";

const body = randomBytes(300_000);
const sha = createHash("sha256").update(body).digest("hex");

/**
 * A Hugging Face-like file server on 127.0.0.1: honours Range, sends the LFS checksum header,
 * and can be told to cut the first transfer off halfway.
 */
async function fileServer(options: { cutFirst?: boolean; sha?: string }): Promise<{ url: string; requests: IncomingMessage[]; close(): Promise<void> }> {
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req);
    const range = /bytes=(\d+)-/.exec(req.headers.range ?? "");
    const start = range ? Number(range[1]) : 0;
    const headers = { "x-linked-etag": `"${options.sha ?? sha}"`, "accept-ranges": "bytes" };
    if (range) res.writeHead(206, { ...headers, "content-range": `bytes ${start}-${body.length - 1}/${body.length}`, "content-length": body.length - start });
    else res.writeHead(200, { ...headers, "content-length": body.length });
    if (options.cutFirst && requests.length === 1) {
      res.write(body.subarray(0, 100_000), () => res.destroy());
      return;
    }
    res.end(body.subarray(start));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/org/repo/resolve/main/m.gguf`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

const tempDest = (): string => join(mkdtempSync(join(tmpdir(), "enclave-dl-")), "m.gguf");

test("a download reports progress and verifies the announced checksum", async () => {
  const server = await fileServer({});
  const dest = tempDest();
  const progress: number[] = [];
  try {
    await downloadModel({ url: server.url, dest, log: silentLogger, onProgress: (received, total) => progress.push(received / (total ?? 1)) });
  } finally {
    await server.close();
  }
  assert.deepEqual(readFileSync(dest), body);
  assert.equal(progress.at(-1), 1);
  assert.equal(existsSync(`${dest}.partial`), false);
});

test("an interrupted transfer resumes with a Range request instead of starting over", async () => {
  const server = await fileServer({ cutFirst: true });
  const dest = tempDest();
  try {
    await downloadModel({ url: server.url, dest, log: silentLogger });
  } finally {
    await server.close();
  }
  assert.equal(server.requests.length, 2);
  // The client asks for the rest from what it had written when the connection dropped.
  const resumedAt = Number(/^bytes=(\d+)-$/.exec(server.requests[1]!.headers.range ?? "")?.[1]);
  assert.ok(resumedAt > 0 && resumedAt <= 100_000, `resumed at ${resumedAt}`);
  assert.deepEqual(readFileSync(dest), body);
});

test("a partial file left by an earlier run is resumed", async () => {
  const server = await fileServer({});
  const dest = tempDest();
  writeFileSync(`${dest}.partial`, body.subarray(0, 12_345));
  try {
    await downloadModel({ url: server.url, dest, log: silentLogger });
  } finally {
    await server.close();
  }
  assert.equal(server.requests[0]!.headers.range, "bytes=12345-");
  assert.deepEqual(readFileSync(dest), body);
});

test("a checksum mismatch is refused with a clear message and nothing is kept", async () => {
  const server = await fileServer({ sha: "0".repeat(64) });
  const dest = tempDest();
  try {
    await assert.rejects(downloadModel({ url: server.url, dest, log: silentLogger }), /SHA-256 checksum does not match \(expected 0{64}, got [0-9a-f]{64}\)/);
  } finally {
    await server.close();
  }
  assert.equal(existsSync(dest), false);
  assert.equal(existsSync(`${dest}.partial`), false);
});

test("the user's expected checksum wins over the server's", async () => {
  const server = await fileServer({});
  const dest = tempDest();
  try {
    await assert.rejects(downloadModel({ url: server.url, dest, sha256: "f".repeat(64), log: silentLogger }), /checksum does not match/);
  } finally {
    await server.close();
  }
});

test("an HTTP error names the status and a likely cause", async () => {
  const server = createServer((_req, res) => { res.writeHead(404); res.end(); });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await assert.rejects(downloadModel({ url: `http://127.0.0.1:${port}/x.gguf`, dest: tempDest(), log: silentLogger }), /HTTP 404 \(no such file: check the URI\)/);
  } finally {
    await new Promise((r) => server.close(r));
  }
});
