import type { Connection, Disposable } from "vscode-languageserver/node";
import type { Feature, FeatureContext } from "../feature";
import type { Logger } from "../logger";
import { NetworkAuditRequest, RemoteApiKeyChangedNotification, RemoteApiKeyRequest } from "../../common/protocol";
import type { EnclaveSettings } from "../../common/settings";
import { readAudit } from "./auditLog";
import { formatAudit, summarizeAudit } from "./auditFormat";
import { egressPolicyFrom } from "./egressPolicy";
import { egressGuard } from "./installGuard";
import { auditLogPath } from "./stateDir";

let lastPolicy = "";
/** Invalid allowedHosts entries quoted in the warning; the rest are counted. */
const MAX_NAMED = 10;

/**
 * Puts the egress policy that the settings describe into force, before the model manager can
 * connect anywhere with them. Changes are logged once, as is any allowedHosts entry that is
 * neither a host name nor an address.
 */
export function applyEgressPolicy(settings: EnclaveSettings, log: Logger): void {
  const policy = egressPolicyFrom(settings);
  const invalid = egressGuard.configure(policy);
  const described = JSON.stringify(policy);
  if (described === lastPolicy) return;
  lastPolicy = described;
  const grants = policy.grants.map((g) => `${g.host} (${g.purpose}, ${g.setting})`);
  log.info(`Network policy: loopback${grants.length ? `, ${grants.join(", ")}` : ""}; public hosts allowed: ${policy.allowedHosts.join(", ") || "none"}. Audit log: ${egressGuard.auditFile ?? auditLogPath()}.`);
  // One warning however many entries are wrong: a pasted list of 100,000 odd entries wrote
  // 100,000 lines to the output channel.
  if (invalid.length > 0) {
    const named = invalid.slice(0, MAX_NAMED).map((e) => JSON.stringify(e)).join(", ");
    const more = invalid.length > MAX_NAMED ? ` and ${invalid.length - MAX_NAMED} more` : "";
    log.warn(`enclave.network.allowedHosts: ${named}${more} ${invalid.length === 1 ? "is" : "are"} neither a host name, a *.wildcard, an IP address nor a CIDR range; ignored.`);
  }
}

/** Asks the client for the remote engine's API key; clients without the request answer none. */
export function askApiKey(connection: Connection): () => Promise<string | undefined> {
  return () => connection.sendRequest(RemoteApiKeyRequest.type).then((r) => r?.apiKey || undefined, () => undefined);
}

/**
 * The network feature: serves the audit to "Enclave: Show Network Audit", reports the guard's
 * counters in `enclave/metrics`, and reconnects a remote engine when its API key changes.
 */
export const networkFeature: Feature = {
  name: "network",
  capabilities: () => ({}),
  register(ctx: FeatureContext): Disposable[] {
    return [
      ctx.metrics.add("network", () => ({ ...egressGuard.stats, policy: egressGuard.policy })),
      ctx.connection.onRequest(NetworkAuditRequest.type, (params) => {
        const file = egressGuard.auditFile ?? auditLogPath();
        const entries = readAudit(file);
        const last = Math.max(1, params?.last ?? 200);
        return { file, summary: summarizeAudit(entries), text: formatAudit(entries, file, last), entries: entries.slice(-last), policy: egressGuard.policy };
      }),
      ctx.connection.onNotification(RemoteApiKeyChangedNotification.type, async () => {
        const settings = await ctx.settings.get();
        if (settings.engine === "remote") await ctx.models.reload();
      }),
    ];
  },
};
