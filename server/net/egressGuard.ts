import { appendFileSync } from "node:fs";
import * as dns from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { isLoopbackAddress, isLoopbackName, normalizeHost } from "./addresses";
import { AuditLog, type AuditEvent } from "./auditLog";
import { EgressRefusedError } from "./egressError";
import { loopbackOnly, type EgressPolicy } from "./egressPolicy";
import { EgressRules, type NameVerdict } from "./egressRules";
import { dnsError, loopbackAnswer, type Resolved } from "./localAnswers";
import { isErrorPin } from "./pins";

export type Allowed = NameVerdict & { allowed: true };
type Kind = AuditEvent["kind"];

export interface EgressGuardOptions {
  /** Strict mode: every destination must be loopback; each violation is appended to this file and fails the process. */
  readonly strictFile?: string;
  /**
   * Pins, honoured in strict mode only, so a test can use a public-looking destination that
   * still ends at 127.0.0.1: a pinned name resolves to its pin; a pinned IP address is decided
   * by the policy as written and then connected to its pin instead.
   */
  readonly pins?: ReadonlyMap<string, string>;
  readonly audit?: AuditLog;
  /** Names the process in the audit log ("server", "serve", "cli audit", ...). */
  readonly label?: string;
}

/**
 * One permitted connection: written to the audit log when it connects and again when it closes,
 * or once as failed when it closes without ever connecting (refused by the peer, no address,
 * timed out or given up by the caller).
 */
export interface GuardedConnection {
  readonly id: string;
  readonly host: string;
  readonly port?: number;
  readonly verdict: Allowed;
  readonly kind: Kind;
  readonly started: number;
  address?: string;
  opened: boolean;
}

/** The guard's settings as passed to a worker thread (JSON in an environment variable). */
export interface WorkerGuardConfig {
  readonly strictFile?: string;
  readonly pins: Array<[string, string]>;
  readonly auditFile?: string;
  readonly label: string;
  readonly policy: EgressPolicy;
}

/** dns.lookup as it was before the guard wrapped it; the guard's own lookups use it. */
export const originalLookup = dns.lookup;

/**
 * The process-wide egress policy engine. The patches (egressPatches.ts) call it from every
 * outbound API; it decides, records every attempt in the audit log, and in strict mode (the
 * test suite) records any non-loopback attempt as a violation that fails the process.
 */
export class EgressGuard {
  private rules = new EgressRules(loopbackOnly);
  private counter = 0;
  private violations = 0;
  readonly stats = { allowed: 0, refused: 0, failed: 0, lookups: 0, violations: 0 };
  label: string;
  readonly strict: boolean;

  /** Connections not closed yet, with a way to read the error their socket ended with. */
  private readonly pending = new Map<GuardedConnection, () => Error | null | undefined>();

  constructor(private readonly options: EgressGuardOptions) {
    this.label = options.label ?? "enclave";
    this.strict = options.strictFile !== undefined;
    // A process may end while an attempt is still resolving or connecting (a CLI that gives up,
    // a timeout that exits): such attempts are recorded as failed rather than lost.
    process.on("exit", () => {
      for (const [c, errorOf] of this.pending) if (!c.opened) this.closed(c, 0, 0, errorOf() ?? new Error("the process ended before it connected"));
    });
    if (this.strict) {
      process.on("exit", () => {
        if (this.violations > 0) process.exitCode = 1;
      });
    }
  }

  get policy(): EgressPolicy {
    return this.rules.policy;
  }

  get auditFile(): string | undefined {
    return this.options.audit?.file;
  }

  /** Replaces the policy; connections already open stay open, new ones follow the new policy. */
  configure(policy: EgressPolicy): readonly string[] {
    this.rules = new EgressRules(policy);
    return this.rules.invalidPatterns;
  }

  /** The name stage: decides a host before any DNS query is made for it. */
  admit(host: string, port: number | undefined, kind: Kind, query = false): { verdict: Allowed } | { error: EgressRefusedError } {
    const verdict = this.rules.decideName(host);
    const strictProblem = this.strictProblem(host, query);
    if (strictProblem) return { error: this.violation(host, port, kind, strictProblem, verdict.allowed ? verdict : undefined) };
    if (!verdict.allowed) return { error: this.refuse(host, port, kind, verdict.reason) };
    return { verdict };
  }

  /** The address stage: checks an address a permitted host resolved to (or an IP it was written as). */
  checkAddress(verdict: Allowed, host: string, port: number | undefined, address: string, kind: Kind): EgressRefusedError | undefined {
    const actual = this.pinned(address) ?? address;
    if (this.strict && !isLoopbackAddress(actual)) return this.violation(host, port, kind, `${host} resolved to ${actual}, which is not a loopback address`, verdict);
    const reason = this.rules.checkAddress(verdict, host, address);
    return reason ? this.refuse(host, port, kind, reason, verdict) : undefined;
  }

  /** Starts tracking a permitted connection; `errorOf` reads the error its socket failed with, if any. */
  connection(host: string, port: number | undefined, verdict: Allowed, kind: Kind, errorOf: () => Error | null | undefined): GuardedConnection {
    const c = { id: this.nextId(), host: normalizeHost(host), port, verdict, kind, started: Date.now(), opened: false };
    this.pending.set(c, errorOf);
    return c;
  }

  /** The address a connection goes to, once known (before it connects). */
  resolved(c: GuardedConnection, address: string): void {
    c.address = address;
  }

  opened(c: GuardedConnection): void {
    if (c.opened || !this.pending.has(c)) return;
    c.opened = true;
    this.stats.allowed++;
    this.write({ ...this.base(c.id, "open", c.kind, c.host, c.port, c.verdict), address: c.address });
  }

  /**
   * The connection's socket failed or closed (whichever comes first; later calls do nothing).
   * One that never connected is recorded as failed with the socket's error (ECONNREFUSED,
   * ENOTFOUND, a timeout), unless that error is the guard's own refusal, already recorded.
   */
  closed(c: GuardedConnection, bytesSent: number, bytesReceived: number, error: Error | null | undefined): void {
    if (!this.pending.delete(c)) return;
    if (c.opened) {
      this.write({ ...this.base(c.id, "close", c.kind, c.host, c.port, c.verdict), address: c.address, bytesSent, bytesReceived, durationMs: Date.now() - c.started });
      return;
    }
    if (error instanceof EgressRefusedError) return;
    const reason = error ? describeFailure(error) : "closed before it connected (given up by the caller, or timed out)";
    this.failed(c.id, c.kind, c.host, c.port, c.verdict, reason, c.address, Date.now() - c.started);
  }

  /**
   * A lookup function for a permitted host: names of this machine are answered locally, strict
   * mode's pins apply, and everything else is resolved with the real resolver (or the caller's
   * own). Each query that reaches a resolver is recorded as a DNS lookup, failed or not, and any
   * resolved address that breaks the policy is refused.
   */
  lookup(verdict: Allowed, host: string, port: number | undefined, kind: Kind, inner: LookupFunction | undefined, onAddress: (address: string) => void): LookupFunction {
    const resolve = (inner ?? originalLookup) as (...args: unknown[]) => void;
    return ((hostname: string, options: unknown, callback: unknown) => {
      const cb = (typeof options === "function" ? options : callback) as (error: Error | null, address?: unknown, family?: number) => void;
      const opts = (typeof options === "number" ? { family: options } : typeof options === "object" && options ? options : {}) as dns.LookupOptions;
      const done = (error: Error | null, list?: Resolved[]): void => {
        if (error || !list) return cb(error ?? dnsError("ENOTFOUND", "getaddrinfo", hostname));
        for (const { address } of list) {
          const refused = this.checkAddress(verdict, host, port, address, kind);
          if (refused) return cb(refused);
        }
        onAddress(list[0]!.address);
        if (opts.all) cb(null, list);
        else cb(null, list[0]!.address, list[0]!.family);
      };
      const local = loopbackAnswer(hostname, typeof opts.family === "number" ? opts.family : undefined);
      if (local) return process.nextTick(done, null, local);
      const started = Date.now();
      const record = (error: Error | null, list?: Resolved[]): void => {
        if (error || !list?.length) this.failed(this.nextId(), "dns", normalizeHost(hostname), undefined, verdict, describeFailure(error ?? dnsError("ENOTFOUND", "getaddrinfo", hostname)), undefined, Date.now() - started);
        else this.lookedUp(hostname, verdict, list[0]!.address);
      };
      const pinned = this.pinned(hostname);
      if (pinned) {
        const answer = isErrorPin(pinned) ? { error: dnsError(pinned, "getaddrinfo", hostname), list: undefined } : { error: null, list: [{ address: pinned, family: isIP(pinned) }] };
        record(answer.error, answer.list);
        return process.nextTick(done, answer.error, answer.list);
      }
      resolve(hostname, { ...opts, all: true }, (error: Error | null, result: unknown, family?: number) => {
        const list = error ? undefined : Array.isArray(result) ? (result as Resolved[]) : [{ address: String(result), family: family ?? isIP(String(result)) }];
        record(error, list);
        done(error, list?.length ? list : undefined);
      });
    }) as LookupFunction;
  }

  /** Records a DNS query that a resolver answered. */
  lookedUp(host: string, verdict: Allowed | undefined, address: string | undefined): void {
    this.stats.lookups++;
    this.write({ ...this.base(this.nextId(), "lookup", "dns", normalizeHost(host), undefined, verdict), address });
  }

  /** Records an attempt that was permitted but did not succeed: a connection or a DNS query. */
  failed(id: string, kind: Kind, host: string, port: number | undefined, verdict: Allowed | undefined, reason: string, address?: string, durationMs?: number): void {
    this.stats.failed++;
    this.write({ ...this.base(id, "failed", kind, normalizeHost(host), port, verdict), address, reason, durationMs });
  }

  nextId(): string {
    return `${process.pid}-${++this.counter}`;
  }

  /**
   * What a worker thread needs to install the same guard: strict mode, pins, the audit file and
   * the policy in force now (a worker keeps the policy it started with).
   */
  workerConfig(): WorkerGuardConfig {
    return { strictFile: this.options.strictFile, pins: [...(this.options.pins ?? new Map<string, string>())], auditFile: this.options.audit?.file, label: `${this.label} worker`, policy: this.policy };
  }

  /** Where a pinned destination really goes (strict mode only). */
  pinned(host: string): string | undefined {
    return this.strict ? this.options.pins?.get(normalizeHost(host)) : undefined;
  }

  private strictProblem(host: string, query: boolean): string | undefined {
    if (!this.strict) return undefined;
    const h = normalizeHost(host);
    const pinned = this.options.pins?.get(h);
    if (pinned) return isLoopbackAddress(pinned) || (!isIP(h) && isErrorPin(pinned)) ? undefined : `${h} is pinned to ${pinned}, which is not a loopback address`;
    if (isIP(h)) return isLoopbackAddress(h) ? undefined : `${h} is not a loopback address`;
    if (query) return `a DNS query for ${h} would go to the network`;
    return isLoopbackName(h) ? undefined : `${h} would need a DNS lookup and is not a loopback name`;
  }

  private refuse(host: string, port: number | undefined, kind: Kind, reason: string, verdict?: Allowed): EgressRefusedError {
    const error = new EgressRefusedError(normalizeHost(host), port, reason);
    this.stats.refused++;
    this.write({ ...this.base(this.nextId(), "refused", kind, normalizeHost(host), port, verdict), reason: error.message });
    return error;
  }

  private violation(host: string, port: number | undefined, kind: Kind, why: string, verdict?: Allowed): EgressRefusedError {
    const error = new EgressRefusedError(normalizeHost(host), port, `strict egress mode (ENCLAVE_EGRESS_STRICT) allows loopback addresses only, and ${why}.`);
    this.violations++;
    this.stats.violations++;
    this.stats.refused++;
    const stack = (new Error().stack ?? "").split("\n").slice(3, 12).map((l) => l.trim());
    const line = { time: new Date().toISOString(), pid: process.pid, process: this.label, kind, host: normalizeHost(host), port, reason: error.message, stack };
    try {
      appendFileSync(this.options.strictFile!, `${JSON.stringify(line)}\n`);
    } catch {
      // The exit code still fails the process; the file is only the report.
    }
    process.stderr.write(`ENCLAVE EGRESS VIOLATION (${this.label}, pid ${process.pid}): ${error.message}\n`);
    this.write({ ...this.base(this.nextId(), "refused", kind, normalizeHost(host), port, verdict), reason: error.message, violation: true });
    return error;
  }

  private base(id: string, event: AuditEvent["event"], kind: Kind, host: string, port: number | undefined, verdict?: Allowed): AuditEvent {
    return { id, event, time: new Date().toISOString(), process: this.label, pid: process.pid, kind, host, port, purpose: verdict?.purpose, setting: verdict?.setting };
  }

  private write(event: AuditEvent): void {
    this.options.audit?.append(event);
  }
}

/** An error as the audit shows it: its code first when it has one ("ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9"). */
function describeFailure(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}
