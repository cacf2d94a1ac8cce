/**
 * The network audit and egress policy as both sides see them: the server writes and enforces
 * them, the extension shows them. Types only, so the extension bundle carries no guard code.
 */
/** Why a connection is made; the audit log records it beside every connection. */
export type EgressPurpose = "loopback" | "remote-engine" | "model-download" | "allowed-host";

/** A host a setting in use names for one purpose (the remote engine, the model download). */
export interface EgressGrant {
  readonly host: string;
  readonly purpose: EgressPurpose;
  /** The setting that named the host, quoted in refusals and in the audit log. */
  readonly setting: string;
}

/**
 * The whole outbound policy of a process. Loopback is always allowed and needs no entry; a
 * granted host is allowed when it is (or resolves to) a loopback or private address; a public
 * host is allowed only when `allowedHosts` lists it.
 */
export interface EgressPolicy {
  readonly grants: readonly EgressGrant[];
  readonly allowedHosts: readonly string[];
}

/**
 * One line of the audit log. An "open" and its "close" share an id; refusals stand alone, as do
 * failures (a permitted connection or DNS query that did not succeed: refused by the peer, no
 * address, timed out) and DNS lookups that reached a resolver.
 */
export interface AuditEvent {
  /** `<pid>-<n>`: links a connection's open and close lines. */
  readonly id: string;
  readonly event: "open" | "close" | "refused" | "failed" | "lookup";
  /** ISO time of the event. */
  readonly time: string;
  /** Which Enclave process: "server", "serve", "cli complete", ... */
  readonly process: string;
  readonly pid: number;
  readonly kind: "tcp" | "udp" | "dns";
  readonly host: string;
  readonly port?: number;
  /** The address the host resolved to, when known. */
  readonly address?: string;
  readonly purpose?: EgressPurpose;
  /** The setting that allowed (or would allow) the host. */
  readonly setting?: string;
  readonly bytesSent?: number;
  readonly bytesReceived?: number;
  readonly durationMs?: number;
  /** Why a refused attempt was refused (the same sentence the caller's error carries), or why a permitted one failed. */
  readonly reason?: string;
  /** True when strict mode (ENCLAVE_EGRESS_STRICT) caught it: a test-suite violation. */
  readonly violation?: boolean;
}

/** A connection as the audit shows it: its open and close merged into one row. */
export interface AuditEntry {
  readonly time: string;
  readonly process: string;
  readonly pid: number;
  readonly kind: AuditEvent["kind"];
  readonly host: string;
  readonly port?: number;
  readonly address?: string;
  readonly purpose?: EgressPurpose;
  readonly setting?: string;
  /**
   * "open" while a connection has not closed yet (or its process ended first); "failed" when a
   * permitted attempt did not get through (nothing or little was sent); "refused" by the guard.
   */
  readonly outcome: "allowed" | "refused" | "failed" | "open";
  readonly bytesSent: number;
  readonly bytesReceived: number;
  readonly durationMs?: number;
  readonly reason?: string;
}
