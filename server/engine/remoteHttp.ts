import type { Logger } from "../logger";
import { findEgressRefusal } from "../net/egressError";

/** A remote engine failure, worded for the status bar: which server, what happened, what to do. */
export class RemoteEngineError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = "RemoteEngineError";
  }
}

/** Thrown (and caught by the engine) when the caller's signal ended the request: a normal end. */
export class RemoteAbort extends Error {}

export interface RemoteHttpOptions {
  readonly baseUrl: string;
  readonly apiKey?: string;
  readonly log: Logger;
  /** Attempts after the first for connection failures and 429/502/503/504; default 3. */
  readonly retries?: number;
  /** First retry delay; each next one is three times longer (250, 750, 2250 ms by default). */
  readonly backoffMs?: number;
  /** Longest wait for the response headers (a busy server queues requests); default 60 s. */
  readonly headersTimeoutMs?: number;
  /** Longest silence inside a streamed answer; default 30 s. */
  readonly idleTimeoutMs?: number;
}

/** A response whose body is being read; `touch` resets the idle timer, `close` ends the request. */
export interface RemoteExchange {
  readonly response: Response;
  touch(): void;
  close(): void;
  /** The idle timeout in seconds when it ended the body (the server went silent), otherwise undefined. */
  silentFor(): number | undefined;
}

const RETRY_STATUS = new Set([429, 502, 503, 504]);

/**
 * HTTP to an OpenAI-compatible server with what an editor needs: the caller's AbortSignal
 * cancels at once, connection failures and overload answers are retried with exponential
 * backoff (never a request whose answer has begun), and a server that goes silent times out.
 * The API key is sent as a bearer token and never logged.
 */
export class RemoteHttp {
  constructor(readonly options: RemoteHttpOptions) {}

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  async getJson(path: string, signal?: AbortSignal, retries?: number): Promise<unknown> {
    const exchange = await this.request("GET", path, undefined, { signal, retries });
    try {
      return await exchange.response.json();
    } catch (error) {
      throw new RemoteEngineError(`${this.baseUrl}${path} did not answer JSON (${(error as Error).message}); is enclave.remote.url an OpenAI-compatible server?`);
    } finally {
      exchange.close();
    }
  }

  async request(method: "GET" | "POST", path: string, body: unknown, options: { signal?: AbortSignal; headers?: Record<string, string>; retries?: number } = {}): Promise<RemoteExchange> {
    const retries = options.retries ?? this.options.retries ?? 3;
    const url = `${this.baseUrl}${path}`;
    const headers: Record<string, string> = { accept: "application/json, text/event-stream", ...options.headers };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    for (let attempt = 0; ; attempt++) {
      if (options.signal?.aborted) throw new RemoteAbort();
      const timeout = new AbortController();
      const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
      let timer = setTimeout(() => timeout.abort(), this.options.headersTimeoutMs ?? 60_000);
      let silent = false;
      const idleMs = this.options.idleTimeoutMs ?? 30_000;
      const exchange = (response: Response): RemoteExchange => ({
        response,
        touch: () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            silent = true;
            timeout.abort();
          }, idleMs);
        },
        close: () => {
          clearTimeout(timer);
          timeout.abort();
        },
        silentFor: () => (silent ? idleMs / 1000 : undefined),
      });
      let failure: string;
      try {
        const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
        if (response.ok) {
          const ex = exchange(response);
          ex.touch();
          return ex;
        }
        clearTimeout(timer);
        const detail = await errorText(response);
        if (!RETRY_STATUS.has(response.status) || attempt >= retries) throw new RemoteEngineError(this.statusMessage(path, response.status, detail), response.status);
        failure = `HTTP ${response.status}`;
        const retryAfter = Number(response.headers.get("retry-after"));
        if (retryAfter > 0) await this.sleep(Math.min(retryAfter * 1000, 5000), options.signal);
      } catch (error) {
        clearTimeout(timer);
        if (error instanceof RemoteEngineError || error instanceof RemoteAbort) throw error;
        if (options.signal?.aborted) throw new RemoteAbort();
        const refusal = findEgressRefusal(error);
        if (refusal) throw new RemoteEngineError(refusal.message);
        if (timeout.signal.aborted) throw new RemoteEngineError(`The remote engine at ${this.baseUrl} did not answer ${path} within ${((this.options.headersTimeoutMs ?? 60_000) / 1000).toFixed(0)} s.`);
        failure = describeNetworkError(error);
        if (attempt >= retries) throw new RemoteEngineError(`The remote engine at ${this.baseUrl} is not reachable (${failure}) after ${attempt + 1} attempts; check that it runs and that enclave.remote.url is right.`);
      }
      const delay = (this.options.backoffMs ?? 250) * 3 ** attempt;
      this.options.log.debug(`${method} ${url} failed (${failure}); retrying in ${delay} ms.`);
      await this.sleep(delay, options.signal);
    }
  }

  private statusMessage(path: string, status: number, detail: string): string {
    const hint = status === 401 || status === 403 ? ' The server wants an API key: run "Enclave: Set Remote API Key".'
      : status === 404 ? " Check enclave.remote.url (the server's base URL, without /v1) and enclave.remote.model." : "";
    return `The remote engine at ${this.baseUrl} answered ${path} with HTTP ${status}${detail ? `: ${detail}` : ""}.${hint}`;
  }

  private sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(new RemoteAbort());
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }
}

/** The error message a server put in its body (OpenAI's `{ error: { message } }` or plain text), shortened. */
async function errorText(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string } | string; message?: string };
    const message = typeof parsed.error === "string" ? parsed.error : parsed.error?.message ?? parsed.message;
    if (message) return message.slice(0, 300);
  } catch {
    // Not JSON: use the text itself.
  }
  return text.trim().slice(0, 300);
}

/** "ECONNREFUSED", "other side closed", ...: fetch hides the socket error in `cause`. */
export function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}
