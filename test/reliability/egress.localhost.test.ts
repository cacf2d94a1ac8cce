import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readAudit } from "../../server/net/auditLog";
import { openTempDir, repoRoot, run } from "./kit";

const guardModule = join(repoRoot, "out", "server", "net", "installGuard.js");

/**
 * Every resolver entry point is replaced by a spy before the guard is installed (so the guard
 * wraps the spies, as it would wrap the real functions): any call that reaches one is a name
 * that would have gone to the system resolver, and from there possibly to the network.
 */
const probe = `
const dns = require("node:dns");
const asked = [];
for (const target of [dns, dns.promises, dns.Resolver.prototype, dns.promises.Resolver.prototype]) {
  for (const name of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny", "reverse", "lookupService"]) {
    const real = target[name];
    if (typeof real !== "function") continue;
    // dns.lookup answers an IP literal itself, without getaddrinfo: only names count there.
    target[name] = function (...args) {
      if (!(name === "lookup" && require("node:net").isIP(String(args[0])))) asked.push(name + " " + args[0]);
      return real.apply(this, args);
    };
  }
}
require(${JSON.stringify(guardModule)});
const net = require("node:net"), http = require("node:http");
const outcome = (p) => p.then((v) => "ok " + (typeof v === "string" ? v : JSON.stringify(v)), (e) => "error " + (e.cause?.code ?? e.code));
const server = http.createServer((q, r) => r.end("here")).listen(0, "127.0.0.1", async () => {
  const port = server.address().port;
  const tcp = (host) => new Promise((resolve) => net.connect(port, host).on("connect", function () { resolve("ok " + this.remoteAddress); this.destroy(); }).on("error", (e) => resolve("error " + e.code)));
  const out = {
    trailingDot: await tcp("localhost."),
    sub: await tcp("x.localhost"),
    fetchSub: await outcome(fetch("http://api.localhost:" + port + "/").then((r) => r.text())),
    lookup: await outcome(new Promise((res, rej) => dns.lookup("localhost.", { family: 4 }, (e, a) => e ? rej(e) : res(a)))),
    lookupAll: await outcome(dns.promises.lookup("x.localhost", { all: true })),
    resolve4: await outcome(dns.promises.resolve4("x.localhost")),
    resolve6: await outcome(new Promise((res, rej) => dns.resolve6("localhost.", (e, a) => e ? rej(e) : res(a)))),
    mx: await outcome(dns.promises.resolveMx("localhost")),
    reverse: await outcome(dns.promises.reverse("127.0.0.1")),
    resolver: await outcome(new dns.promises.Resolver().resolve4("db.localhost")),
  };
  server.close();
  process.stdout.write(JSON.stringify({ out, asked }));
});`;

test("localhost, localhost. and *.localhost are answered locally: no resolver is asked and no DNS query is recorded", async () => {
  const dir = openTempDir("enclave-localhost-");
  const violations = join(dir, "violations.jsonl");
  const result = await run(process.execPath, ["-e", probe], {
    timeoutMs: 30_000, env: { ...process.env, ENCLAVE_EGRESS_STRICT: violations, ENCLAVE_STATE_DIR: join(dir, "state") },
  });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(existsSync(violations) ? readFileSync(violations, "utf8") : "", "");
  const { out, asked } = JSON.parse(result.stdout) as { out: Record<string, string>; asked: string[] };
  assert.deepEqual(asked, [], "no name reached a resolver");
  assert.deepEqual(out, {
    trailingDot: "ok 127.0.0.1", sub: "ok 127.0.0.1", fetchSub: "ok here", lookup: "ok 127.0.0.1",
    lookupAll: 'ok [{"address":"127.0.0.1","family":4},{"address":"::1","family":6}]',
    resolve4: 'ok ["127.0.0.1"]', resolve6: 'ok ["::1"]', mx: "error ENODATA", reverse: 'ok ["localhost"]', resolver: 'ok ["127.0.0.1"]',
  });
  const entries = readAudit(join(dir, "state", "network-audit.jsonl"));
  assert.equal(entries.filter((e) => e.kind === "dns").length, 0, "nothing was asked of a resolver");
  // fetch keeps its connection alive until the process ends, so that one may still be "open".
  assert.deepEqual(entries.filter((e) => e.kind === "tcp").map((e) => `${e.host} ${e.address} ${e.outcome === "open" ? "allowed" : e.outcome}`), [
    "localhost 127.0.0.1 allowed", "x.localhost 127.0.0.1 allowed", "api.localhost 127.0.0.1 allowed",
  ]);
});
