/**
 * Why a request failed, in words a user can act on. fetch reports every network failure as
 * "fetch failed" and keeps the socket's error in `cause`; this walks the cause chain and names
 * what happened: the egress guard refused the host, the name did not resolve (DNS), the host
 * refused or could not be reached, or the connection timed out or broke.
 */
import { findEgressRefusal } from "../net/egressError";

interface SystemError {
  readonly code?: string;
  readonly hostname?: string;
  readonly address?: string;
  readonly port?: number;
  readonly message?: string;
  readonly cause?: unknown;
}

/** The innermost error with a system error code, and the chain's messages. */
function systemError(error: unknown): SystemError | undefined {
  let found: SystemError | undefined;
  for (let e = error as SystemError | undefined, depth = 0; e && depth < 6; e = e.cause as SystemError | undefined, depth++) {
    if (typeof e.code === "string") found = e;
    // AggregateError (happy eyeballs: one error per address) keeps its parts in `errors`.
    const parts = (e as { errors?: unknown[] }).errors;
    if (!found && Array.isArray(parts) && parts.length) found = systemError(parts[0]);
  }
  return found;
}

/** A sentence (no final period) naming why a request to `url` failed. */
export function describeNetworkError(error: unknown, url: string): string {
  const refused = findEgressRefusal(error);
  if (refused) return refused.message.replace(/\.$/, "");
  let host = url;
  try { host = new URL(url).host; } catch { /* keep the URL as it is */ }
  const e = systemError(error);
  const name = e?.hostname ?? host;
  switch (e?.code) {
    case "ENOTFOUND": return `the host name ${name} could not be resolved (DNS): this machine is offline or the name is wrong`;
    case "EAI_AGAIN": return `the host name ${name} could not be resolved for now (DNS lookup timed out): this machine may be offline`;
    case "ECONNREFUSED": return `${host} refused the connection (nothing listens on ${e.address ?? host}${e.port ? `:${e.port}` : ""})`;
    case "ENETUNREACH": case "EHOSTUNREACH": case "ENETDOWN": case "EHOSTDOWN":
      return `${host} is unreachable from this machine (${e.code}: no network route; offline?)`;
    case "ETIMEDOUT": case "UND_ERR_CONNECT_TIMEOUT": return `connecting to ${host} timed out (offline, or a firewall drops the connection)`;
    case "ECONNRESET": case "UND_ERR_SOCKET": return `the connection to ${host} was cut (${e.code})`;
    case "CERT_HAS_EXPIRED": case "DEPTH_ZERO_SELF_SIGNED_CERT": case "SELF_SIGNED_CERT_IN_CHAIN": case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
      return `the TLS certificate of ${host} was not accepted (${e.code})`;
    default: {
      const inner = e?.message ?? (error as Error)?.message ?? String(error);
      return e?.code ? `${inner} (${e.code})` : inner;
    }
  }
}
