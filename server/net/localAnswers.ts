import { isIP } from "node:net";
import { isLoopbackAddress, isLoopbackName, normalizeHost } from "./addresses";

/** An address as dns.lookup returns it with `all: true`. */
export interface Resolved {
  readonly address: string;
  readonly family: number;
}

/**
 * The answer for a name that must never reach a DNS server: `localhost`, `localhost.` and
 * `*.localhost` are this machine by definition (RFC 6761 §6.3), so they are answered here,
 * IPv4 first (servers that listen on 127.0.0.1 only are the common case) — a resolver would
 * send the name to the network whenever /etc/hosts does not list it exactly. Undefined for
 * every other name.
 */
export function loopbackAnswer(host: string, family: number | undefined): Resolved[] | undefined {
  if (isIP(normalizeHost(host)) || !isLoopbackName(host)) return undefined;
  const all = [{ address: "127.0.0.1", family: 4 }, { address: "::1", family: 6 }];
  return family === 4 || family === 6 ? all.filter((a) => a.family === family) : all;
}

/** A DNS failure answered locally, shaped like the resolver's own (`code`, `hostname`, `syscall`). */
export function dnsError(code: string, syscall: string, hostname: string, why = ""): NodeJS.ErrnoException {
  const error = new Error(`${syscall} ${code} ${hostname}${why ? ` (${why})` : ""}`) as NodeJS.ErrnoException & { hostname: string };
  error.code = code;
  error.syscall = syscall;
  error.hostname = hostname;
  return error;
}

/**
 * What the dns.resolve* family (which always asks a DNS server, never /etc/hosts) answers for a
 * loopback name or address without asking one: A and AAAA records for `localhost` names, a PTR of
 * "localhost" for loopback addresses, "no data" for anything else. Undefined when the question is
 * not about this machine and may go to the policy.
 */
export function loopbackRecords(method: string, args: readonly unknown[]): { value: unknown } | { error: Error } | undefined {
  const question = String(args[0]);
  const host = normalizeHost(question);
  const ttl = typeof args[1] === "object" && args[1] !== null && (args[1] as { ttl?: boolean }).ttl === true;
  if (isIP(host)) {
    if (!isLoopbackAddress(host)) return undefined;
    if (method === "reverse") return { value: ["localhost"] };
    if (method === "lookupService") return { value: { hostname: "localhost", service: String(args[1] ?? "") } };
    return { error: dnsError("ENODATA", method, question, "answered locally for a loopback address") };
  }
  if (!isLoopbackName(host)) return undefined;
  const rrtype = method === "resolve" ? String(typeof args[1] === "string" ? args[1] : "A") : method === "resolve4" ? "A" : method === "resolve6" ? "AAAA" : "";
  const address = rrtype === "A" ? "127.0.0.1" : rrtype === "AAAA" ? "::1" : undefined;
  if (!address) return { error: dnsError("ENODATA", method, question, "answered locally for a localhost name") };
  return { value: [ttl ? { address, ttl: 0 } : address] };
}
