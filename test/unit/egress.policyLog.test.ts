/**
 * What the server logs about enclave.network.allowedHosts: a list of 100,000 entries that are
 * no host wrote one warning each to the output channel.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultSettings } from "../../common/settings";
import { applyEgressPolicy } from "../../server/net/feature";
import type { Logger } from "../../server/logger";

test("invalid allowedHosts entries give one warning naming the first ten and counting the rest", () => {
  const warnings: string[] = [];
  const log: Logger = { debug() {}, info() {}, warn: (m) => warnings.push(m), error() {} };
  const settings = defaultSettings();
  settings["network.allowedHosts"] = ["example.com", ...Array.from({ length: 100_000 }, (_, i) => `not a host ${i}`)];
  applyEgressPolicy(settings, log);
  assert.equal(warnings.length, 1, `${warnings.length} warnings`);
  assert.match(warnings[0]!, /^enclave\.network\.allowedHosts: "not a host 0", .*"not a host 9" and 99990 more are neither a host name/);
  warnings.length = 0;
  settings["network.allowedHosts"] = ["a b"];
  applyEgressPolicy(settings, log);
  assert.deepEqual(warnings, ['enclave.network.allowedHosts: "a b" is neither a host name, a *.wildcard, an IP address nor a CIDR range; ignored.']);
});
