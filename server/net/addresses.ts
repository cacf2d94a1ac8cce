import { BlockList, isIP } from "node:net";

/**
 * What kind of place an address or host name points at. The egress policy is written in these
 * terms: loopback never leaves the machine, private ranges stay inside the company's network,
 * everything else is the public internet.
 */

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** RFC 1918, carrier-grade NAT (VPN meshes such as Tailscale use it), link-local, IPv6 ULA and link-local. */
const privateRanges = new BlockList();
for (const [network, prefix] of [["10.0.0.0", 8], ["172.16.0.0", 12], ["192.168.0.0", 16], ["100.64.0.0", 10], ["169.254.0.0", 16]] as const) {
  privateRanges.addSubnet(network, prefix, "ipv4");
}
privateRanges.addSubnet("fc00::", 7, "ipv6");
privateRanges.addSubnet("fe80::", 10, "ipv6");

/** Lower-cases a host, drops URL brackets around IPv6, an IPv6 zone id and a trailing dot. */
export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith("[") && h.endsWith("]")) h = h.slice(1, -1);
  const zone = h.indexOf("%");
  if (zone >= 0 && isIP(h.slice(0, zone)) === 6) h = h.slice(0, zone);
  return h.endsWith(".") ? h.slice(0, -1) : h;
}

function familyOf(address: string): "ipv4" | "ipv6" | undefined {
  const family = isIP(address);
  return family === 4 ? "ipv4" : family === 6 ? "ipv6" : undefined;
}

/** True for 127.0.0.0/8 and ::1 (also written as an IPv4-mapped IPv6 address). */
export function isLoopbackAddress(address: string): boolean {
  const h = normalizeHost(address);
  const family = familyOf(h);
  return family !== undefined && loopback.check(h, family);
}

/** True for the private, CGNAT and link-local ranges (not loopback). */
export function isPrivateAddress(address: string): boolean {
  const h = normalizeHost(address);
  const family = familyOf(h);
  return family !== undefined && privateRanges.check(h, family);
}

/** `localhost` and `*.localhost` (RFC 6761); their resolved addresses are still checked. */
export function isLoopbackName(host: string): boolean {
  const h = normalizeHost(host);
  return h === "localhost" || h.endsWith(".localhost");
}

/**
 * A list of host patterns as users write them in `enclave.network.allowedHosts`: exact names
 * (`llm.example.com`), subdomain wildcards (`*.example.com`, which does not match the bare
 * domain), IP addresses and CIDR ranges (`10.20.0.0/16`, `fd00::/8`).
 */
export class HostPatterns {
  private readonly names = new Set<string>();
  private readonly suffixes: string[] = [];
  private readonly ranges = new BlockList();
  /** Entries that are neither a name nor an address, reported to the user once. */
  readonly invalid: string[] = [];

  constructor(patterns: readonly string[]) {
    for (const raw of patterns) {
      const pattern = normalizeHost(raw);
      const slash = pattern.indexOf("/");
      if (slash > 0) {
        const network = pattern.slice(0, slash);
        const prefix = Number(pattern.slice(slash + 1));
        const family = familyOf(network);
        if (family && Number.isInteger(prefix) && prefix >= 0 && prefix <= (family === "ipv4" ? 32 : 128)) this.ranges.addSubnet(network, prefix, family);
        else this.invalid.push(raw);
      } else if (familyOf(pattern)) {
        this.ranges.addAddress(pattern, familyOf(pattern)!);
      } else if (pattern.startsWith("*.") && pattern.length > 2) {
        this.suffixes.push(pattern.slice(1));
      } else if (/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(pattern)) {
        this.names.add(pattern);
      } else {
        this.invalid.push(raw);
      }
    }
  }

  /** Whether a host name or IP address (as written, before DNS) matches. */
  matches(host: string): boolean {
    const h = normalizeHost(host);
    const family = familyOf(h);
    if (family) return this.ranges.check(h, family);
    return this.names.has(h) || this.suffixes.some((suffix) => h.endsWith(suffix));
  }
}
