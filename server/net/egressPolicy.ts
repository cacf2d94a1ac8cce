import type { EnclaveSettings } from "../../common/settings";
import { normalizeHost } from "./addresses";
import type { EgressGrant, EgressPolicy } from "../../common/networkTypes";
export type { EgressGrant, EgressPolicy, EgressPurpose } from "../../common/networkTypes";
/** The policy before any settings arrive: this machine only. */
export const loopbackOnly: EgressPolicy = { grants: [], allowedHosts: [] };

/** The host of a URL setting, or undefined when the setting is empty or not a URL. */
function hostOf(url: string): string | undefined {
  try {
    return url.trim() ? normalizeHost(new URL(url.trim()).hostname) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Derives the policy from settings. A host is granted only while the setting that names it is
 * in use: the remote engine URL only when `enclave.engine` is "remote", the download endpoint
 * only when `enclave.model` is an hf: URI (the user asked for that download).
 */
export function egressPolicyFrom(settings: EnclaveSettings): EgressPolicy {
  const grants: EgressGrant[] = [];
  // enclave.remote.url may list several servers (separated by commas or spaces): each host is named by it.
  const remotes = settings.engine === "remote" ? settings["remote.url"].split(/[\s,]+/).map(hostOf) : [];
  for (const host of new Set(remotes)) if (host) grants.push({ host, purpose: "remote-engine", setting: "enclave.remote.url" });
  const download = hostOf(settings.huggingFaceEndpoint);
  if (/^hf:/i.test(settings.model.trim()) && download) grants.push({ host: download, purpose: "model-download", setting: "enclave.huggingFaceEndpoint" });
  return { grants, allowedHosts: settings["network.allowedHosts"] };
}
