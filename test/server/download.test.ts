import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { ensureModels } from "../fixtures/gguf";
import { startServer } from "./harness";
import { serveModelSlowly } from "./slowModelHost";
import { ReloadModelRequest } from "../../common/protocol";

/**
 * The server downloads an hf: model from a Hugging Face-shaped endpoint on 127.0.0.1, reporting
 * progress as `enclave/status` and LSP work-done progress, then loads it.
 */
test("an hf: model is downloaded with progress, checked, and loaded", async () => {
  const { tiny } = await ensureModels();
  const body = readFileSync(tiny);
  const sha = createHash("sha256").update(body).digest("hex");
  // Sent in slices so that progress is observable.
  const host = await serveModelSlowly(body, { slice: 32_768, pauseMs: 25, headers: { "x-linked-etag": `"${sha}"` } });
  const models = mkdtempSync(join(tmpdir(), "enclave-dl-models-"));
  const server = await startServer({ model: "hf:enclave-test/tiny-GGUF/tiny.gguf", huggingFaceEndpoint: host.url, modelsDirectory: models });
  try {
    const ready = await server.waitForStatus((s) => s.state === "ready");
    assert.equal(ready.model?.path, join(models, "enclave-test", "tiny-GGUF", "tiny.gguf"));
    assert.deepEqual(host.requests, ["/enclave-test/tiny-GGUF/resolve/main/tiny.gguf"]);
    const downloading = server.statuses.filter((s) => s.state === "downloading");
    assert.ok(downloading.length >= 3, `${downloading.length} progress statuses`);
    assert.ok(downloading.some((s) => (s.progress ?? 0) > 0 && (s.progress ?? 0) < 1), "intermediate progress");
    assert.ok(server.progress.some((p) => p.kind === "begin" && /downloading/.test(p.title ?? "")), JSON.stringify(server.progress));
    assert.ok(server.progress.some((p) => p.kind === "end"));
    assert.ok(server.logs.some((l) => l.includes(`Checksum of`) && l.includes(sha)));
  } finally {
    await server.stop();
    await host.close();
  }
});

/**
 * Offline start-up: a download that failed is named with its cause, remembered, and not tried
 * again when the server starts again with the same settings; Reload Model (Retry) tries again.
 */
test("a failed download names its cause and is retried only when asked", async () => {
  const requests: string[] = [];
  const http = createServer((req, res) => {
    requests.push(req.url ?? "");
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  const models = mkdtempSync(join(tmpdir(), "enclave-dl-fail-"));
  const settings = { model: "hf:enclave-test/tiny-GGUF/tiny.gguf", huggingFaceEndpoint: `http://127.0.0.1:${port}`, modelsDirectory: models };
  try {
    const first = await startServer(settings);
    try {
      const failed = await first.waitForStatus((s) => s.state === "error");
      assert.match(failed.message ?? "", /HTTP 503/);
      assert.equal(failed.retryable, true);
      assert.equal(typeof failed.pid, "number");
    } finally {
      await first.stop();
    }
    const seen = requests.length;
    assert.ok(seen >= 1);
    const second = await startServer(settings);
    try {
      const remembered = await second.waitForStatus((s) => s.state === "error");
      assert.match(remembered.message ?? "", /HTTP 503.*not retried by itself/s);
      assert.equal(remembered.retryable, true);
      assert.equal(requests.length, seen, "the second start downloaded again");
      const retried = await second.connection.sendRequest(ReloadModelRequest.type);
      assert.equal(retried.state, "error");
      assert.ok(requests.length > seen, "Retry did not download again");
    } finally {
      await second.stop();
    }
  } finally {
    await new Promise((r) => http.close(r));
  }
});

test("a download from a host that refuses connections says so", async () => {
  // A port that was just closed: nothing listens there, so the connection is refused.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  const models = mkdtempSync(join(tmpdir(), "enclave-dl-refused-"));
  const server = await startServer({ model: "hf:enclave-test/tiny-GGUF/tiny.gguf", huggingFaceEndpoint: `http://127.0.0.1:${port}`, modelsDirectory: models });
  try {
    const failed = await server.waitForStatus((s) => s.state === "error");
    assert.match(failed.message ?? "", /refused the connection/);
    assert.doesNotMatch(failed.message ?? "", /fetch failed/);
  } finally {
    await server.stop();
  }
});
