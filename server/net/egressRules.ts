import { isIP } from "node:net";
import { HostPatterns, isLoopbackAddress, isLoopbackName, isPrivateAddress, normalizeHost } from "./addresses";
import type { EgressPolicy, EgressPurpose } from "./egressPolicy";

/**
 * A decision on a host as written (before any DNS query). An allowed name may still need its
 * resolved address checked: `need` says what the address must be.
 */
export type NameVerdict =
  | { readonly allowed: false; readonly reason: string }
  | { readonly allowed: true; readonly purpose: EgressPurpose; readonly need: "loopback" | "private" | "any"; readonly setting?: string };

const ALLOW_SETTING = "enclave.network.allowedHosts";

/**
 * The compiled form of an {@link EgressPolicy}: decides host names first, so that a refused
 * name is never even looked up in DNS (a lookup alone can leak a name), then checks the
 * addresses a permitted name resolves to.
 */
export class EgressRules {
  private readonly allowed: HostPatterns;

  constructor(readonly policy: EgressPolicy) {
    this.allowed = new HostPatterns(policy.allowedHosts);
  }

  /** Entries of allowedHosts that could not be understood. */
  get invalidPatterns(): readonly string[] {
    return this.allowed.invalid;
  }

  decideName(rawHost: string): NameVerdict {
    const host = normalizeHost(rawHost);
    const grant = this.policy.grants.find((g) => g.host === host);
    const purpose = (fallback: EgressPurpose): EgressPurpose => grant?.purpose ?? fallback;
    if (isIP(host)) {
      if (isLoopbackAddress(host)) return { allowed: true, purpose: purpose("loopback"), need: "any", setting: grant?.setting };
      if (this.allowed.matches(host)) return { allowed: true, purpose: purpose("allowed-host"), need: "any", setting: grant?.setting ?? ALLOW_SETTING };
      if (grant && isPrivateAddress(host)) return { allowed: true, purpose: grant.purpose, need: "any", setting: grant.setting };
      if (grant) return { allowed: false, reason: publicReason(host, grant.setting) };
      return { allowed: false, reason: unnamedReason(host) };
    }
    if (isLoopbackName(host)) return { allowed: true, purpose: purpose("loopback"), need: "loopback", setting: grant?.setting };
    if (this.allowed.matches(host)) return { allowed: true, purpose: purpose("allowed-host"), need: "any", setting: grant?.setting ?? ALLOW_SETTING };
    if (grant) return { allowed: true, purpose: grant.purpose, need: "private", setting: grant.setting };
    return { allowed: false, reason: unnamedReason(host) };
  }

  /** Checks an address a permitted name resolved to; returns the refusal reason, if any. */
  checkAddress(verdict: NameVerdict & { allowed: true }, rawHost: string, address: string): string | undefined {
    if (verdict.need === "any") return undefined;
    if (isLoopbackAddress(address)) return undefined;
    const host = normalizeHost(rawHost);
    if (verdict.need === "loopback") return `${host} is a loopback name but resolves to ${address}, which is not this machine.`;
    if (isPrivateAddress(address) || this.allowed.matches(address)) return undefined;
    return `${host} (named by ${verdict.setting ?? "a setting"}) resolves to the public address ${address}, and public hosts must also be listed in ${ALLOW_SETTING}. Add "${host}" there if your organisation allows sending code to it.`;
  }
}

function publicReason(host: string, setting: string): string {
  return `${host} (named by ${setting}) is a public address, and public hosts must also be listed in ${ALLOW_SETTING}. Add "${host}" there if your organisation allows sending code to it.`;
}

function unnamedReason(host: string): string {
  return `no setting names ${host}. Enclave only connects to this machine, to hosts you configured (enclave.remote.url, enclave.huggingFaceEndpoint) and to ${ALLOW_SETTING}; to allow it, add "${host}" to ${ALLOW_SETTING}.`;
}
