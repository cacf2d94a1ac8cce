import { isIP } from "node:net";
import { isLoopbackAddress, isLoopbackName, isPrivateAddress, normalizeHost } from "../net/addresses";

/**
 * Checks the address `enclave serve` is asked to listen on. Loopback serves this machine's
 * windows; a private address serves teammates on the company network. The wildcard addresses
 * and public addresses are refused: they would offer the model (and the prompts of everyone
 * using it) to any network the machine is on. Returns the problem, or undefined when fine.
 */
export function checkBindAddress(host: string): string | undefined {
  const h = normalizeHost(host);
  if (isLoopbackName(h) || isLoopbackAddress(h) || isPrivateAddress(h)) return undefined;
  if (h === "" || h === "0.0.0.0" || h === "::") {
    return `--host ${host || '""'} would listen on every network interface, public ones included. Pass 127.0.0.1 for this machine, or the private address teammates should reach (for example --host 192.168.1.20).`;
  }
  if (!isIP(h)) return `--host takes an IP address (or localhost), not the name "${host}": a name can resolve to a public address.`;
  return `--host ${host} is a public address; enclave serve listens only on loopback or private addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7).`;
}
