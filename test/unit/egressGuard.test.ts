import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readAudit } from "../../server/net/auditLog";

const preload = join(__dirname, "..", "..", "server", "net", "strictPreload.js");

/**
 * Every outbound API a dependency might use, tried in a child process: each attempt must fail
 * with the guard's error, and nothing may connect. A loopback fetch must still work, and a
 * pinned public-looking name must reach the policy (which refuses it: no setting names it).
 */
const probe = `
const net = require("node:net"), tls = require("node:tls"), http = require("node:http"), https = require("node:https");
const dns = require("node:dns"), dgram = require("node:dgram");
const attempt = (run) => new Promise((resolve) => { try { run(resolve); } catch (e) { resolve(e); } }).then((r) => r instanceof Error ? String(r.cause?.message ?? r.message) : "NOT REFUSED: " + r);
const server = http.createServer((q, r) => r.end("local ok")).listen(0, "127.0.0.1", async () => {
  const port = server.address().port;
  const out = {
    loopback: await fetch("http://127.0.0.1:" + port + "/").then((r) => r.text(), (e) => "FAILED " + e.message),
    net: await attempt((done) => net.connect(443, "203.0.113.7").on("connect", () => done("connected")).on("error", done)),
    tls: await attempt((done) => tls.connect(443, "example.org").on("secureConnect", () => done("connected")).on("error", done)),
    http: await attempt((done) => http.get("http://192.0.2.1/", (r) => done(r.statusCode)).on("error", done)),
    https: await attempt((done) => https.get("https://example.net/", (r) => done(r.statusCode)).on("error", done)),
    fetch: await attempt((done) => fetch("https://api.example.com/v1/completions").then((r) => done(r.status), done)),
    dnsLookup: await attempt((done) => dns.lookup("telemetry.example.com", (e, a) => done(e ?? a))),
    dnsPromises: await attempt((done) => dns.promises.resolve4("example.com").then(done, done)),
    dnsResolver: await attempt((done) => new dns.Resolver().resolveTxt("example.com", (e, a) => done(e ?? a))),
    dnsEsm: await attempt((done) => import("node:dns").then((m) => m.lookup("esm.example.com", (e, a) => done(e ?? a)))),
    udp: await attempt((done) => { const s = dgram.createSocket("udp4"); s.send("x", 53, "8.8.8.8", (e) => { s.close(); done(e ?? "sent"); }); }),
    pinned: await attempt((done) => fetch("http://llm.example.com:" + port + "/").then((r) => done(r.status), done)),
  };
  server.close();
  process.stdout.write(JSON.stringify(out));
});
`;

test("the strict guard catches net, tls, http(s), fetch, dns and udp, and fails the process that tried", () => {
  const dir = mkdtempSync(join(tmpdir(), "enclave-guard-"));
  const parentFile = join(dir, "parent-violations.jsonl");
  writeFileSync(parentFile, "");
  const child = spawnSync(process.execPath, ["--require", preload, "-e", probe], {
    encoding: "utf8", timeout: 30_000,
    env: { ...process.env, ENCLAVE_EGRESS_STRICT: parentFile, ENCLAVE_EGRESS_PINS: "llm.example.com=127.0.0.1" },
  });
  assert.equal(child.status, 1, `the probe must fail its run; stderr: ${child.stderr}`);
  const out = JSON.parse(child.stdout) as Record<string, string>;
  assert.equal(out.loopback, "local ok");
  for (const kind of ["net", "tls", "http", "https", "fetch", "dnsLookup", "dnsPromises", "dnsResolver", "dnsEsm", "udp"]) {
    assert.match(out[kind]!, /^Enclave refused to connect to .*strict egress mode/, `${kind}: ${out[kind]}`);
    assert.match(out[kind]!, /Nothing was sent\.$/);
  }
  // The pinned name ends at 127.0.0.1, so strict mode lets it through to the policy, which refuses it by name.
  assert.match(out.pinned!, /no setting names llm\.example\.com.*enclave\.network\.allowedHosts/);
  // Violations are passed up to the parent's file, so the whole test run fails too.
  const violations = readFileSync(parentFile, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { kind: string; host: string });
  assert.deepEqual(violations.map((v) => `${v.kind} ${v.host}`).sort(), [
    "dns esm.example.com", "dns example.com", "dns example.com", "dns telemetry.example.com", "tcp 192.0.2.1", "tcp 203.0.113.7",
    "tcp api.example.com", "tcp example.net", "tcp example.org", "udp 8.8.8.8",
  ]);
  assert.match(child.stderr, /The egress guard caught 10 attempt\(s\)/);
});

test("the policy refuses unnamed hosts, lets named ones through, and the audit records every connection with its bytes", () => {
  const dir = mkdtempSync(join(tmpdir(), "enclave-guard-"));
  const guard = join(__dirname, "..", "..", "server", "net", "installGuard.js");
  // Strict mode stays on (so a bug could not reach the network); the names are pinned to 127.0.0.1, so what
  // decides here is the production policy: a host named by a setting passes, an unnamed one is refused.
  const script = `
const { egressGuard } = require(${JSON.stringify(guard)});
egressGuard.configure({ grants: [{ host: "gpu.corp.example", purpose: "remote-engine", setting: "enclave.remote.url" }], allowedHosts: [] });
const http = require("node:http");
const server = http.createServer((q, r) => { q.resume(); r.end("x".repeat(5000)); }).listen(0, "127.0.0.1", async () => {
  const port = server.address().port;
  const body = "y".repeat(3000);
  const local = await fetch("http://127.0.0.1:" + port + "/", { method: "POST", body }).then((r) => r.text());
  const named = await fetch("http://gpu.corp.example:" + port + "/").then((r) => r.text(), (e) => "refused " + e.cause?.message);
  const unnamed = await fetch("http://llm.example.com:" + port + "/").then((r) => r.text(), (e) => "refused " + e.cause?.message);
  server.close();
  setTimeout(() => process.stdout.write(JSON.stringify({ local: local.length, named, unnamed })), 100);
});`;
  const child = spawnSync(process.execPath, ["-e", script], {
    encoding: "utf8", timeout: 30_000,
    env: { ...process.env, ENCLAVE_EGRESS_STRICT: join(dir, "violations.jsonl"), ENCLAVE_STATE_DIR: join(dir, "state"), ENCLAVE_EGRESS_PINS: "gpu.corp.example=127.0.0.1,llm.example.com=127.0.0.1" },
  });
  assert.equal(child.status, 0, child.stderr);
  const out = JSON.parse(child.stdout) as { local: number; named: string; unnamed: string };
  assert.equal(out.local, 5000);
  assert.equal(out.named.length, 5000, "a host named by a setting in use is reachable");
  assert.match(out.unnamed, /^refused Enclave refused to connect to llm\.example\.com:\d+: no setting names llm\.example\.com/);
  const entries = readAudit(join(dir, "state", "network-audit.jsonl"));
  const local = entries.find((e) => e.host === "127.0.0.1")!;
  assert.equal(local.outcome, "allowed");
  assert.equal(local.purpose, "loopback");
  assert.ok(local.bytesSent > 3000 && local.bytesReceived > 5000, JSON.stringify(local));
  const named = entries.find((e) => e.host === "gpu.corp.example")!;
  assert.deepEqual([named.outcome, named.purpose, named.setting, named.address], ["allowed", "remote-engine", "enclave.remote.url", "127.0.0.1"]);
  const refused = entries.find((e) => e.host === "llm.example.com")!;
  assert.equal(refused.outcome, "refused");
  assert.match(refused.reason ?? "", /enclave\.network\.allowedHosts/);
});
