import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readAudit } from "../../server/net/auditLog";
import { openTempDir, repoRoot, run } from "./kit";

const guardModule = join(repoRoot, "out", "server", "net", "installGuard.js");

/**
 * A guarded process starts worker threads in every way a dependency might (inheriting the
 * environment, with an environment of its own, sharing the environment, with execArgv of its
 * own). Each worker fetches from a server on 127.0.0.1 (allowed) and connects to 0.0.0.0, which
 * the guard refuses because it is not a loopback address — while without a guard Linux would
 * connect it to the same local server, so the probe can never reach the network even if broken.
 */
const probe = `
require(${JSON.stringify(guardModule)});
const http = require("node:http");
const { Worker, SHARE_ENV } = require("node:worker_threads");
const body = \`
const net = require("node:net");
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const local = await fetch("http://127.0.0.1:" + workerData.port + "/").then((r) => r.text(), (e) => "error " + e.message);
  const wildcard = await new Promise((resolve) => net.connect(workerData.port, "0.0.0.0")
    .on("connect", function () { this.destroy(); resolve("connected"); })
    .on("error", (e) => resolve("error " + e.code)));
  parentPort.postMessage({ local, wildcard });
})();\`;
const server = http.createServer((q, r) => r.end("local ok")).listen(0, "127.0.0.1", async () => {
  const port = server.address().port;
  const ways = { inherited: {}, ownEnv: { env: { PATH: process.env.PATH } }, sharedEnv: { env: SHARE_ENV }, ownExecArgv: { execArgv: ["--no-warnings"] } };
  const out = {};
  for (const [way, options] of Object.entries(ways)) {
    out[way] = await new Promise((resolve) => {
      const worker = new Worker(body, { ...options, eval: true, workerData: { port } });
      worker.once("message", (m) => { resolve(m); worker.terminate(); }).once("error", (e) => resolve({ error: e.message }));
    });
  }
  server.close();
  process.stdout.write(JSON.stringify(out));
});`;

test("worker threads of a guarded process are guarded too, however they are started, and audited", async () => {
  const dir = openTempDir("enclave-worker-");
  const violations = join(dir, "violations.jsonl");
  const result = await run(process.execPath, ["-e", probe], {
    timeoutMs: 60_000, env: { ...process.env, ENCLAVE_EGRESS_STRICT: violations, ENCLAVE_STATE_DIR: join(dir, "state") },
  });
  const out = JSON.parse(result.stdout || "{}") as Record<string, { local?: string; wildcard?: string; error?: string }>;
  for (const way of ["inherited", "ownEnv", "sharedEnv", "ownExecArgv"]) {
    assert.deepEqual(out[way], { local: "local ok", wildcard: "error ERR_ENCLAVE_EGRESS_REFUSED" }, `${way}: ${result.stderr}`);
  }
  // Strict mode recorded each worker's attempt as a violation, named as a worker's.
  const caught = existsSync(violations) ? readFileSync(violations, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { process: string; host: string }) : [];
  assert.deepEqual(caught.map((v) => `${v.process} ${v.host}`), Array(4).fill("node worker 0.0.0.0"));
  const entries = readAudit(join(dir, "state", "network-audit.jsonl")).filter((e) => e.process === "node worker");
  assert.equal(entries.filter((e) => e.host === "127.0.0.1" && e.outcome !== "refused" && e.outcome !== "failed").length, 4, JSON.stringify(entries));
  assert.equal(entries.filter((e) => e.host === "0.0.0.0" && e.outcome === "refused").length, 4);
});
