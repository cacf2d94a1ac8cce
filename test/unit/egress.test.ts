import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readAudit } from "../../server/net/auditLog";
import { formatAudit } from "../../server/net/auditFormat";
import { runAudit } from "../../server/net/auditCommand";
import { parseArgs, UsageError } from "../../server/cliArgs";
import { egressPolicyFrom, loopbackOnly, type EgressPolicy } from "../../server/net/egressPolicy";
import { EgressRules } from "../../server/net/egressRules";
import { defaultSettings } from "../../common/settings";

const allowed = (policy: EgressPolicy, host: string) => new EgressRules(policy).decideName(host);

test("loopback is always allowed and nothing else is, before any setting arrives", () => {
  for (const host of ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "::ffff:127.0.0.1", "localhost", "api.localhost"]) {
    assert.equal(allowed(loopbackOnly, host).allowed, true, host);
  }
  for (const host of ["10.0.0.5", "192.168.1.20", "fd00::1", "8.8.8.8", "example.com", "gpu-box", "0.0.0.0"]) {
    const verdict = allowed(loopbackOnly, host);
    assert.equal(verdict.allowed, false, host);
    if (!verdict.allowed) {
      assert.match(verdict.reason, new RegExp(`no setting names ${host.replace(/\./g, "\\.")}`));
      assert.match(verdict.reason, /add ".*" to enclave\.network\.allowedHosts/);
    }
  }
});

test("a loopback name must also resolve to a loopback address", () => {
  const rules = new EgressRules(loopbackOnly);
  const verdict = rules.decideName("localhost");
  assert.ok(verdict.allowed);
  assert.equal(rules.checkAddress(verdict, "localhost", "127.0.0.1"), undefined);
  assert.match(rules.checkAddress(verdict, "localhost", "93.184.216.34") ?? "", /loopback name but resolves to 93\.184\.216\.34/);
});

test("a host named by a setting in use is allowed while private; a public one needs allowedHosts", () => {
  const remote = { ...defaultSettings(), engine: "remote" as const, "remote.url": "http://gpu-box.internal:8080", "network.allowedHosts": [] };
  const rules = new EgressRules(egressPolicyFrom(remote));
  const verdict = rules.decideName("GPU-box.internal.");
  assert.ok(verdict.allowed);
  assert.equal(verdict.purpose, "remote-engine");
  assert.equal(verdict.need, "private");
  assert.equal(rules.checkAddress(verdict, "gpu-box.internal", "10.1.2.3"), undefined);
  assert.equal(rules.checkAddress(verdict, "gpu-box.internal", "fd12::3"), undefined);
  const publicAddress = rules.checkAddress(verdict, "gpu-box.internal", "203.0.113.9");
  assert.match(publicAddress ?? "", /gpu-box\.internal \(named by enclave\.remote\.url\) resolves to the public address 203\.0\.113\.9/);
  assert.match(publicAddress ?? "", /enclave\.network\.allowedHosts/);

  // The same URL is not granted while the engine is local: a setting only counts while in use.
  assert.equal(new EgressRules(egressPolicyFrom({ ...remote, engine: "local" })).decideName("gpu-box.internal").allowed, false);

  // A private IP is allowed because the setting names it; a public IP is refused until listed.
  assert.equal(allowed(egressPolicyFrom({ ...remote, "remote.url": "http://192.168.7.7:8012" }), "192.168.7.7").allowed, true);
  const publicIp = allowed(egressPolicyFrom({ ...remote, "remote.url": "http://198.51.100.4:8012" }), "198.51.100.4");
  assert.equal(publicIp.allowed, false);
  if (!publicIp.allowed) assert.match(publicIp.reason, /198\.51\.100\.4 \(named by enclave\.remote\.url\) is a public address.*enclave\.network\.allowedHosts/);
  const listed = allowed(egressPolicyFrom({ ...remote, "remote.url": "http://198.51.100.4:8012", "network.allowedHosts": ["198.51.100.0/24"] }), "198.51.100.4");
  assert.ok(listed.allowed);
});

test("allowedHosts takes names, subdomain wildcards, addresses and CIDR ranges", () => {
  const policy: EgressPolicy = { grants: [], allowedHosts: ["llm.example.com", "*.hf.co", "10.20.0.0/16", "2001:db8::/32", "not a host!"] };
  const rules = new EgressRules(policy);
  assert.deepEqual(rules.invalidPatterns, ["not a host!"]);
  for (const host of ["llm.example.com", "LLM.Example.com", "cas-bridge.xethub.hf.co", "10.20.255.1", "2001:db8::5"]) assert.ok(rules.decideName(host).allowed, host);
  for (const host of ["example.com", "hf.co", "evil-hf.co", "10.21.0.1", "2001:db9::5", "llm.example.com.evil.net"]) assert.equal(rules.decideName(host).allowed, false, host);
});

test("the download host is granted only while an hf: model is configured; the defaults allow Hugging Face", () => {
  const settings = { ...defaultSettings(), model: "hf:Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF/q.gguf", huggingFaceEndpoint: "http://mirror.corp.lan:8080" };
  assert.deepEqual(egressPolicyFrom(settings).grants, [{ host: "mirror.corp.lan", purpose: "model-download", setting: "enclave.huggingFaceEndpoint" }]);
  assert.deepEqual(egressPolicyFrom({ ...settings, model: "/models/q.gguf" }).grants, []);
  const defaults = new EgressRules(egressPolicyFrom(defaultSettings()));
  assert.ok(defaults.decideName("huggingface.co").allowed);
  assert.ok(defaults.decideName("cdn-lfs-us-1.huggingface.co").allowed);
  assert.equal(defaults.decideName("api.openai.com").allowed, false);
});

test("the audit log merges each connection's open and close lines and keeps refusals", () => {
  const file = join(mkdtempSync(join(tmpdir(), "enclave-audit-")), "audit.jsonl");
  const base = { process: "server", pid: 7, kind: "tcp" as const, host: "gpu-box", port: 8012, purpose: "remote-engine" as const };
  writeFileSync(file, [
    JSON.stringify({ ...base, id: "7-1", event: "open", time: "2026-01-01T10:00:00.000Z", address: "10.0.0.9" }),
    JSON.stringify({ ...base, id: "7-2", event: "refused", time: "2026-01-01T10:00:01.000Z", host: "example.com", purpose: undefined, reason: "Enclave refused to connect to example.com:443: no setting names example.com." }),
    "{ a line cut short by a cra",
    JSON.stringify({ ...base, id: "7-1", event: "close", time: "2026-01-01T10:00:02.000Z", bytesSent: 1200, bytesReceived: 3400, durationMs: 2000 }),
  ].join("\n") + "\n");
  const entries = readAudit(file);
  assert.equal(entries.length, 2);
  assert.deepEqual({ ...entries[0] }, { ...base, time: "2026-01-01T10:00:00.000Z", address: "10.0.0.9", setting: undefined, outcome: "allowed", bytesSent: 1200, bytesReceived: 3400, durationMs: 2000 });
  assert.equal(entries[1]!.outcome, "refused");
  assert.match(entries[1]!.reason ?? "", /example\.com/);
});

test("lines of an audit log that parse but are no event (12, null, a string, a half object) are skipped; a named log that is not there is an error", async () => {
  const dir = mkdtempSync(join(tmpdir(), "enclave-audit-"));
  const file = join(dir, "audit.jsonl");
  const event = { id: "7-2", event: "refused", time: "2026-01-01T10:00:01.000Z", process: "server", pid: 7, kind: "tcp", host: "example.com", port: 443, reason: "no setting names it" };
  writeFileSync(file, ["12", "null", "\"text\"", "[1]", JSON.stringify({ event: "open" }), JSON.stringify(event)].join("\n") + "\n");
  const entries = readAudit(file);
  assert.deepEqual(entries.map((e) => e.host), ["example.com"]);
  assert.match(formatAudit(entries, file, 50), /1 recorded: .* 1 refused\./);
  await assert.rejects(runAudit(parseArgs(["--file", join(dir, "typo.jsonl")])), (error: unknown) => error instanceof UsageError && /typo\.jsonl: no such file/.test(error.message));
});
