import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../logger";
import { HttpError, readJson, sendError, sendJson } from "./httpKit";
import { chatCompletions, completions, infill, metrics, models, type RouteContext } from "./openaiRoutes";
import type { ServeEngine } from "./serveEngine";

export interface ServeHttpOptions {
  readonly engine: ServeEngine;
  /** When not empty, every request except /health needs `Authorization: Bearer <one of these>`. */
  readonly apiKeys: readonly string[];
  readonly log: Logger;
  /** Open connections beyond this are closed as soon as they arrive (default {@link serveLimits}.maxConnections). */
  readonly maxConnections?: number;
}

/**
 * How much one client can hold. Every connection costs a socket and memory, and a client that
 * sends its headers one byte a minute would otherwise keep one for Node's default 60 s plus its
 * 30 s check interval; editors send a whole request at once, so 10 s is generous.
 */
export const serveLimits = {
  maxConnections: 64,
  headersTimeoutMs: 10_000,
  /** The whole request (a 16 MB body at most) must arrive within this. */
  requestTimeoutMs: 60_000,
  /** How often Node looks for connections past those deadlines. */
  checkIntervalMs: 1_000,
} as const;

type Route = (ctx: RouteContext) => Promise<void> | void;

/** Routes by method and path; the OpenAI paths answer with and without the /v1 prefix, as llama-server's do. */
const routes: Record<string, Route> = {
  "GET /v1/models": models,
  "POST /v1/completions": completions,
  "POST /v1/chat/completions": chatCompletions,
  "POST /infill": infill,
  "GET /enclave/metrics": metrics,
};

const digest = (key: string): Buffer => createHash("sha256").update(key).digest();

/**
 * Who is asking, which decides the KV slot: the `X-Enclave-Client` header (Enclave's remote
 * engine sends `<window id>/<completion|chat>`), else OpenAI's `user` field, else the API key,
 * else one shared anonymous client.
 */
function clientOf(req: IncomingMessage, body: Record<string, unknown>, key: string | undefined): string {
  const header = req.headers["x-enclave-client"];
  if (typeof header === "string" && header.trim()) return header.trim().slice(0, 200);
  if (typeof body.user === "string" && body.user.trim()) return `user:${body.user.trim().slice(0, 200)}`;
  if (key) return `key:${digest(key).toString("hex").slice(0, 12)}`;
  return "anonymous";
}

/**
 * The HTTP side of `enclave serve`: an OpenAI-compatible API (plus llama-server's /infill) over
 * one shared model. A client that hangs up aborts its generation, which is how editors cancel.
 */
export function createServeServer(options: ServeHttpOptions): Server {
  const keys = options.apiKeys.map(digest);
  const authorized = (req: IncomingMessage): string | undefined | false => {
    if (keys.length === 0) return undefined;
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
    if (!match) return false;
    const given = digest(match[1]!.trim());
    return keys.some((k) => timingSafeEqual(k, given)) ? match[1]!.trim() : false;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const path = new URL(req.url ?? "/", "http://serve").pathname.replace(/\/+$/, "") || "/";
    if (path === "/health") return sendJson(res, 200, { status: "ok" });
    const key = authorized(req);
    if (key === false) throw new HttpError(401, "A valid API key is required: send Authorization: Bearer <key>.", "authentication_error");
    const normalized = path.startsWith("/v1/") || path.startsWith("/enclave/") || path === "/infill" ? path : `/v1${path}`;
    const route = routes[`${req.method} ${normalized}`];
    if (!route) throw new HttpError(404, `No route ${req.method} ${path}.`, "not_found_error");
    const body = req.method === "POST" ? await readJson(req) : {};
    const client = clientOf(req, body, key);
    await route({ engine: options.engine, client, body, res, signal: controller.signal });
    options.log.debug(`${req.method} ${path} for ${client}: ${(performance.now() - started).toFixed(0)} ms${controller.signal.aborted ? " (client hung up)" : ""}`);
  };

  const server = createServer({
    headersTimeout: serveLimits.headersTimeoutMs,
    requestTimeout: serveLimits.requestTimeoutMs,
    connectionsCheckingInterval: serveLimits.checkIntervalMs,
  }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!(error instanceof HttpError)) options.log.error(`${req.method} ${req.url}: ${(error as Error).stack ?? error}`);
      sendError(res, error instanceof HttpError || !(error instanceof Error) ? error : new HttpError(400, error.message));
    });
  });
  server.maxConnections = options.maxConnections ?? serveLimits.maxConnections;
  // Say so when the cap turns clients away, at most once a minute, so a flood cannot flood the log.
  let warned = 0;
  server.on("drop", () => {
    if (Date.now() - warned < 60_000) return;
    warned = Date.now();
    options.log.warn(`${server.maxConnections} connections are open; further ones are closed until some end (--max-connections).`);
  });
  return server;
}
