import * as dgram from "node:dgram";
// The real module object (not an import namespace, whose properties are read-only) is patched.
import dns = require("node:dns");
import { syncBuiltinESMExports } from "node:module";
import * as net from "node:net";
import { EgressGuard, originalLookup, type EgressGuardOptions, type GuardedConnection } from "./egressGuard";
import { loopbackRecords } from "./localAnswers";
import { patchWorkers } from "./workerPatch";

/**
 * Installs the egress guard into this process's networking. Every TCP connection in Node goes
 * through `net.Socket.prototype.connect` (net.connect, tls.connect, http(s) agents, http2 and
 * fetch/undici all end there), so wrapping that one method covers them all without trusting
 * each caller; DNS functions and UDP sends are wrapped beside it because a lookup or a datagram
 * can carry data out too, and worker threads get a guard of their own (workerPatch.ts).
 * Installing twice returns the first guard.
 */
export function installEgressGuard(options: EgressGuardOptions = {}): EgressGuard {
  const slot = globalThis as { [KEY]?: EgressGuard };
  if (slot[KEY]) return slot[KEY];
  const guard = new EgressGuard(options);
  patchNet(guard);
  patchDns(guard);
  patchDgram(guard);
  patchWorkers(guard);
  // ES modules that import `lookup` (or others) by name from node:dns get the wrapped functions too.
  syncBuiltinESMExports();
  slot[KEY] = guard;
  return guard;
}

/** The guard installed in this process, if any. */
export function currentEgressGuard(): EgressGuard | undefined {
  return (globalThis as { [KEY]?: EgressGuard })[KEY];
}

const KEY = Symbol.for("enclave.egressGuard");

/** The callback of a Node-style call: its last function argument. */
function lastFunction(args: readonly unknown[]): ((...a: unknown[]) => void) | undefined {
  for (let i = args.length - 1; i >= 0; i--) if (typeof args[i] === "function") return args[i] as (...a: unknown[]) => void;
  return undefined;
}

type Options = Record<string, unknown> & { lookup?: net.LookupFunction };

/** Where a `Socket#connect` call goes; undefined for a Unix socket or named pipe (never off the machine). */
function connectTarget(args: unknown[]): { host: string; port: number; options: Options; args: unknown[] } | undefined {
  const first = args[0];
  let options: Options;
  let forward: unknown[];
  if (Array.isArray(first)) {
    // net.connect() normalises its arguments into an [options, callback] array and passes that.
    options = { ...(first[0] as Options) };
    first[0] = options;
    forward = args;
  } else if (first !== null && typeof first === "object") {
    options = { ...(first as Options) };
    forward = [options, ...args.slice(1)];
  } else if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    const host = typeof args[1] === "string" ? args[1] : undefined;
    options = { port: first, host };
    forward = [options, ...args.slice(host === undefined ? 1 : 2)];
  } else {
    return undefined;
  }
  if (typeof options.path === "string" && options.path) return undefined;
  const host = typeof options.host === "string" && options.host ? options.host : "localhost";
  return { host, port: Number(options.port), options, args: forward };
}

function patchNet(guard: EgressGuard): void {
  const original = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
    const target = connectTarget(args);
    if (!target) return original.apply(this, args);
    const admitted = guard.admit(target.host, target.port, "tcp");
    // A refusal looks like any connection error: it arrives as the socket's "error" event.
    if ("error" in admitted) {
      process.nextTick(() => this.destroy(admitted.error));
      return this;
    }
    const connection = guard.connection(target.host, target.port, admitted.verdict, "tcp", () => this.errored);
    watchSocket(this, guard, connection);
    if (net.isIP(target.host)) {
      const refused = guard.checkAddress(admitted.verdict, target.host, target.port, target.host, "tcp");
      if (refused) {
        process.nextTick(() => this.destroy(refused));
        return this;
      }
      // In strict test mode a pinned address is connected to its (loopback) pin, and the audit says so.
      const pinned = guard.pinned(target.host);
      if (pinned && net.isIP(pinned)) target.options.host = pinned;
      guard.resolved(connection, pinned && net.isIP(pinned) ? pinned : target.host);
    } else {
      target.options.lookup = guard.lookup(admitted.verdict, target.host, target.port, "tcp", target.options.lookup, (address) => guard.resolved(connection, address));
    }
    return original.apply(this, target.args);
  } as typeof net.Socket.prototype.connect;
}

/**
 * Follows a guarded socket's "connect", "error" and "close" through its own `emit`, not through
 * listeners: an "error" listener would swallow errors the caller must see, and clients such as
 * undici remove the listeners of sockets they give up, so a "close" listener could never run.
 */
function watchSocket(socket: net.Socket, guard: EgressGuard, connection: GuardedConnection): void {
  const emit = socket.emit;
  socket.emit = function guardedEmit(this: net.Socket, event: string | symbol, ...rest: unknown[]): boolean {
    if (event === "connect") guard.opened(connection);
    else if (event === "error" || event === "close") guard.closed(connection, this.bytesWritten, this.bytesRead, event === "error" ? (rest[0] as Error) : this.errored);
    return emit.apply(this, [event, ...rest] as Parameters<net.Socket["emit"]>);
  } as net.Socket["emit"];
}

const RESOLVERS = ["resolve", "resolve4", "resolve6", "resolveAny", "resolveCaa", "resolveCname", "resolveMx", "resolveNaptr", "resolveNs", "resolvePtr", "resolveSoa", "resolveSrv", "resolveTxt", "reverse"] as const;

function patchDns(guard: EgressGuard): void {
  type Callback = (error: Error | null, ...rest: unknown[]) => void;
  const lookup = function guardedLookup(hostname: string, options: unknown, callback?: unknown): void {
    const cb = (typeof options === "function" ? options : callback) as Callback;
    const opts = typeof options === "function" ? {} : options;
    if (!hostname || net.isIP(hostname)) return void (originalLookup as (...a: unknown[]) => void)(hostname, opts, cb);
    const admitted = guard.admit(hostname, undefined, "dns");
    if ("error" in admitted) return process.nextTick(cb, admitted.error);
    // The guarded lookup records the query itself (answered or failed); names of this machine never reach a resolver.
    const guarded = guard.lookup(admitted.verdict, hostname, undefined, "dns", undefined, () => undefined);
    (guarded as (...a: unknown[]) => void)(hostname, opts, cb);
  };
  (dns as { lookup: unknown }).lookup = lookup;
  (dns.promises as { lookup: unknown }).lookup = (hostname: string, options?: dns.LookupOptions | number) =>
    new Promise((resolve, reject) => lookup(hostname, options ?? {}, (error: Error | null, address: unknown, family: unknown) => {
      if (error) reject(error);
      else resolve(typeof options === "object" && options?.all ? address : { address, family });
    }));

  // resolve*, reverse and lookupService ask a DNS server (never /etc/hosts), so each is admitted
  // as a query and recorded; questions about this machine are answered here instead.
  const wrap = (target: Record<string, unknown>, name: string, promises: boolean): void => {
    const original = target[name] as ((...args: unknown[]) => unknown) | undefined;
    if (typeof original !== "function") return;
    target[name] = function guardedResolve(this: unknown, ...args: unknown[]): unknown {
      const answer = (error: Error | null, value?: unknown): unknown => {
        if (promises) return error ? Promise.reject(error) : Promise.resolve(value);
        const cb = lastFunction(args);
        if (cb) process.nextTick(() => (error ? cb(error) : name === "lookupService" ? cb(null, (value as { hostname: string }).hostname, (value as { service: string }).service) : cb(null, value)));
        return undefined;
      };
      const local = loopbackRecords(name, args);
      if (local) return "error" in local ? answer(local.error) : answer(null, local.value);
      const host = String(args[0]);
      const admitted = guard.admit(host, undefined, "dns", true);
      if ("error" in admitted) return answer(admitted.error);
      const started = Date.now();
      const record = (error: Error | null | undefined, value?: unknown): void => {
        if (error) guard.failed(guard.nextId(), "dns", host, undefined, admitted.verdict, `${name}: ${(error as NodeJS.ErrnoException).code ?? error.message}`, undefined, Date.now() - started);
        else guard.lookedUp(host, admitted.verdict, firstAddress(value));
      };
      if (promises) {
        return (original.apply(this, args) as Promise<unknown>).then((value) => {
          record(null, value);
          return value;
        }, (error: Error) => {
          record(error);
          throw error;
        });
      }
      const at = args.length - 1 - [...args].reverse().findIndex((a) => typeof a === "function");
      const cb = args[at] as ((...a: unknown[]) => void) | undefined;
      if (at < args.length && cb) {
        args[at] = (error: Error | null, ...rest: unknown[]) => {
          record(error, rest[0]);
          cb(error, ...rest);
        };
      }
      return original.apply(this, args);
    };
  };
  for (const name of [...RESOLVERS, "lookupService"]) {
    wrap(dns as unknown as Record<string, unknown>, name, false);
    wrap(dns.promises as unknown as Record<string, unknown>, name, true);
  }
  for (const name of RESOLVERS) {
    wrap(dns.Resolver.prototype as unknown as Record<string, unknown>, name, false);
    wrap(dns.promises.Resolver.prototype as unknown as Record<string, unknown>, name, true);
  }
}

/** The first address in a resolver's answer (strings, `{ address }` records), for the audit. */
function firstAddress(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return first;
  if (first && typeof first === "object" && typeof (first as { address?: unknown }).address === "string") return (first as { address: string }).address;
  return undefined;
}

/** Where a UDP `send` goes; undefined for a connected socket (checked when it connected). */
function udpTarget(args: unknown[]): { port: number; address?: string } | undefined {
  const isPort = (v: unknown): boolean => typeof v === "number" || (typeof v === "string" && /^\d+$/.test(v));
  if (typeof args[1] === "number" && typeof args[2] === "number" && isPort(args[3])) {
    return { port: Number(args[3]), address: typeof args[4] === "string" ? args[4] : undefined };
  }
  if (isPort(args[1])) return { port: Number(args[1]), address: typeof args[2] === "string" ? args[2] : undefined };
  return undefined;
}

function patchDgram(guard: EgressGuard): void {
  const proto = dgram.Socket.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const check = (socket: dgram.Socket, port: number, address: string | undefined, callback: unknown): boolean => {
    const host = address ?? "localhost";
    const admitted = guard.admit(host, port, "udp");
    const error = "error" in admitted ? admitted.error
      : net.isIP(host) ? guard.checkAddress(admitted.verdict, host, port, host, "udp") : undefined;
    if (!error) return true;
    if (typeof callback === "function") process.nextTick(callback as (e: Error) => void, error);
    else process.nextTick(() => socket.emit("error", error));
    return false;
  };
  const send = proto.send!;
  proto.send = function guardedSend(this: dgram.Socket, ...args: unknown[]): unknown {
    const target = udpTarget(args);
    if (target && !check(this, target.port, target.address, lastFunction(args))) return undefined;
    return send.apply(this, args);
  };
  const connect = proto.connect!;
  proto.connect = function guardedUdpConnect(this: dgram.Socket, ...args: unknown[]): unknown {
    const address = typeof args[1] === "string" ? args[1] : undefined;
    if (!check(this, Number(args[0]), address, lastFunction(args))) return undefined;
    return connect.apply(this, args);
  };
}
