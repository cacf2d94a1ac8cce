import { createHash } from "node:crypto";
import { RemoteAbort, RemoteEngineError } from "./remoteHttp";
import type { RemoteTarget } from "./remoteTarget";

/**
 * Where this client starts in the list of servers: a hash of its id, so that a team sharing one
 * list spreads over the servers, while each client always starts at the same one (its KV cache
 * lives there). This is not a router: a router in front (LiteLLM, vLLM's router, nginx
 * consistent hashing) does the same for clients that list one URL.
 */
export function firstServerIndex(clientId: string, count: number): number {
  return count <= 1 ? 0 : createHash("sha256").update(clientId).digest().readUInt32BE(0) % count;
}

/**
 * The servers `enclave.remote.url` lists, seen from one client: it keeps to one server while
 * that server answers, and moves to the next in the list when it fails (connection refused,
 * 5xx, an answer cut off), wrapping around, so every server is tried before giving up. With a
 * single server nothing moves: the next request asks it again.
 */
export class RemoteServers {
  private index: number;
  private target: RemoteTarget | undefined;
  private last: RemoteTarget | undefined;

  constructor(readonly urls: readonly string[], private readonly connectOne: (url: string, signal?: AbortSignal) => Promise<RemoteTarget>, clientId: string) {
    this.index = firstServerIndex(clientId, urls.length);
  }

  get count(): number {
    return this.urls.length;
  }

  /** The server in use, or the last one used while a failed one is being replaced. */
  get latest(): RemoteTarget | undefined {
    return this.target ?? this.last;
  }

  /** The position (1-based) of the server in use within the list, for the status tooltip. */
  get position(): number {
    return this.index + 1;
  }

  /** The server in use, connecting to the next one that answers (each tried once) when there is none. */
  async current(signal?: AbortSignal): Promise<RemoteTarget> {
    if (this.target) return this.target;
    const problems: Error[] = [];
    for (let i = 0; i < this.urls.length; i++) {
      const at = (this.index + i) % this.urls.length;
      try {
        const target = await this.connectOne(this.urls[at]!, signal);
        this.index = at;
        this.target = this.last = target;
        return target;
      } catch (error) {
        if (signal?.aborted || error instanceof RemoteAbort) throw new RemoteAbort();
        problems.push(error as Error);
      }
    }
    // One server: its own error as it is (with its HTTP status, which tells a wrong key from a dead server).
    if (problems.length === 1) throw problems[0]!;
    throw new RemoteEngineError(`None of the ${problems.length} remote engines in enclave.remote.url answered. ${problems.map((p) => p.message).join(" ")}`);
  }

  /**
   * Told that `failed` stopped answering: the next request goes to the next server. Returns
   * whether there is another server to move to (false with a single one).
   */
  failed(failed: RemoteTarget): boolean {
    if (this.urls.length <= 1) return false;
    if (this.target === failed) {
      this.target = undefined;
      this.index = (this.index + 1) % this.urls.length;
    }
    return true;
  }
}
