import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readAudit } from "../../server/net/auditLog";
import { openTempDir, repoRoot, run, runCli } from "./kit";

const guardModule = join(repoRoot, "out", "server", "net", "installGuard.js");

/**
 * Attempts that the policy permits but that do not get through, made in a child process with the
 * production guard in strict mode (so nothing can leave even if the guard were broken): every
 * destination is 127.0.0.1 or a name pinned to it, or a name pinned to a DNS error, which fails
 * without any query — the situation of a machine that is offline.
 */
const probe = `
const { egressGuard } = require(${JSON.stringify(guardModule)});
egressGuard.configure({ grants: [
  { host: "models.example", purpose: "remote-engine", setting: "enclave.remote.url" },
  { host: "offline.example", purpose: "model-download", setting: "enclave.huggingFaceEndpoint" },
], allowedHosts: [] });
const net = require("node:net"), dns = require("node:dns"), http = require("node:http");
const outcome = (p) => p.then((v) => "ok " + v, (e) => "error " + (e.cause?.code ?? e.code ?? e.message));
const connectTo = (host, port, before) => new Promise((resolve) => {
  const s = net.connect(port, host);
  if (before) before(s);
  s.on("connect", () => { s.destroy(); resolve("connected"); }).on("error", (e) => resolve("error " + e.code));
});
const closed = http.createServer().listen(0, "127.0.0.1", () => {
  const port = closed.address().port;
  closed.close(async () => {
    const listening = http.createServer((q, r) => r.end("ok")).listen(0, "127.0.0.1", async () => {
      const open = listening.address().port;
      const out = {
        refusedByPeer: await connectTo("127.0.0.1", port),
        namedRefusedByPeer: await outcome(fetch("http://models.example:" + port + "/")),
        offlineFetch: await outcome(fetch("http://offline.example/model.gguf")),
        offlineLookup: await outcome(new Promise((res, rej) => dns.lookup("offline.example", (e, a) => e ? rej(e) : res(a)))),
        offlinePromises: await outcome(dns.promises.lookup("offline.example")),
        timedOut: await connectTo("127.0.0.1", open, (s) => s.destroy(Object.assign(new Error("connect timed out"), { code: "ETIMEDOUT" }))),
        unnamed: await outcome(fetch("http://unnamed.example:" + open + "/")),
        fine: await outcome(fetch("http://127.0.0.1:" + open + "/").then((r) => r.text())),
      };
      listening.close();
      setTimeout(() => process.stdout.write(JSON.stringify(out)), 100);
    });
  });
});`;

test("the audit records attempts that fail (refused by the peer, no address, timed out) and DNS queries, besides refusals", async () => {
  const dir = openTempDir("enclave-audit-");
  const violations = join(dir, "violations.jsonl");
  const result = await run(process.execPath, ["-e", probe], {
    timeoutMs: 30_000,
    env: { ...process.env, ENCLAVE_EGRESS_STRICT: violations, ENCLAVE_STATE_DIR: join(dir, "state"), ENCLAVE_EGRESS_PINS: "models.example=127.0.0.1,offline.example=ENOTFOUND,unnamed.example=127.0.0.1" },
  });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(existsSync(violations) ? readFileSync(violations, "utf8") : "", "", "strict mode saw nothing leave");
  const out = JSON.parse(result.stdout) as Record<string, string>;
  assert.deepEqual(out, {
    refusedByPeer: "error ECONNREFUSED", namedRefusedByPeer: "error ECONNREFUSED", offlineFetch: "error ENOTFOUND", offlineLookup: "error ENOTFOUND",
    offlinePromises: "error ENOTFOUND", timedOut: "error ETIMEDOUT", unnamed: "error ERR_ENCLAVE_EGRESS_REFUSED", fine: "ok ok",
  });

  const file = join(dir, "state", "network-audit.jsonl");
  const rows = readAudit(file).map((e) => `${e.kind} ${e.host}${e.port ? `:${e.port}` : ""} ${e.outcome}${e.reason ? ` ${e.reason}` : ""}`.replace(/:\d{2,5}\b/g, ":PORT"));
  assert.deepEqual(rows.filter((r) => !r.includes(" allowed")), [
    "tcp 127.0.0.1:PORT failed connect ECONNREFUSED 127.0.0.1:PORT",
    "tcp models.example:PORT failed connect ECONNREFUSED 127.0.0.1:PORT",
    "dns offline.example failed getaddrinfo ENOTFOUND offline.example",
    "tcp offline.example:PORT failed getaddrinfo ENOTFOUND offline.example",
    "dns offline.example failed getaddrinfo ENOTFOUND offline.example",
    "dns offline.example failed getaddrinfo ENOTFOUND offline.example",
    "tcp 127.0.0.1:PORT failed ETIMEDOUT: connect timed out",
    "tcp unnamed.example:PORT refused Enclave refused to connect to unnamed.example:PORT: no setting names unnamed.example. Enclave only connects to this machine, to hosts you configured (enclave.remote.url, enclave.huggingFaceEndpoint) and to enclave.network.allowedHosts; to allow it, add \"unnamed.example\" to enclave.network.allowedHosts. Nothing was sent.",
  ]);
  // The DNS answer for the pinned name is recorded as a lookup, like any resolver's answer.
  assert.ok(rows.includes("dns models.example allowed"), rows.join("\n"));

  const audit = await runCli(["audit", "--file", file]);
  assert.equal(audit.code, 0, audit.stderr);
  assert.match(audit.stdout, /^10 recorded: 1 to this machine \(loopback\), 0 to other hosts, 1 DNS query answered, 7 failed \(127\.0\.0\.1, models\.example, offline\.example\), 1 refused\.$/m);
  assert.match(audit.stdout, /Failed:\n[\s\S]* dns offline\.example: getaddrinfo ENOTFOUND offline\.example/);
});

test("an offline model download: every attempt and its DNS query is in the audit, and enclave audit says so", async () => {
  const dir = openTempDir("enclave-offline-");
  const env = {
    ...process.env, ENCLAVE_EGRESS_STRICT: join(dir, "violations.jsonl"), ENCLAVE_STATE_DIR: join(dir, "state"),
    XDG_CACHE_HOME: join(dir, "cache"), ENCLAVE_EGRESS_PINS: "huggingface.co=ENOTFOUND",
  };
  const status = await runCli(["status", "--model", "hf:enclave-test/offline/model.gguf"], { env, timeoutMs: 60_000 });
  assert.equal(status.code, 1, status.stderr);
  assert.match(status.stderr, /huggingface\.co could not be resolved \(DNS\)/);
  const entries = readAudit(join(dir, "state", "network-audit.jsonl"));
  const failed = entries.filter((e) => e.outcome === "failed" && e.host === "huggingface.co");
  // A host that cannot be resolved is not asked again (the download remembers why it failed), so
  // there is one attempt: its DNS query and its connection.
  assert.deepEqual(failed.map((e) => e.kind), ["dns", "tcp"], "one attempt: a DNS query and a connection");
  assert.ok(failed.every((e) => e.purpose === "model-download" && /ENOTFOUND/.test(e.reason ?? "")), JSON.stringify(failed));
  const audit = await runCli(["audit"], { env });
  assert.match(audit.stdout, /2 recorded: 0 to this machine \(loopback\), 0 to other hosts, 0 DNS queries answered, 2 failed \(huggingface\.co\), 0 refused\./);
});
