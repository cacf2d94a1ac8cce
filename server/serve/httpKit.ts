import type { IncomingMessage, ServerResponse } from "node:http";

/** An error answered with an HTTP status and an OpenAI-shaped error body. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly type = "invalid_request_error") {
    super(message);
  }
}

/** Prompts are code: generous, but bounded so one request cannot exhaust the server's memory. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (error) {
    throw new HttpError(400, `The request body is not JSON: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new HttpError(400, "The request body must be a JSON object.");
  return parsed as Record<string, unknown>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** Answers an error as JSON, or as a last server-sent event when a stream has already begun. */
export function sendError(res: ServerResponse, error: unknown): void {
  const status = error instanceof HttpError ? error.status : 500;
  const body = { error: { message: (error as Error).message ?? String(error), type: error instanceof HttpError ? error.type : "server_error", code: status } };
  if (res.writableEnded || res.destroyed) return;
  if (res.headersSent) {
    res.end(`data: ${JSON.stringify(body)}\n\n`);
    return;
  }
  sendJson(res, status, body);
}

/** A server-sent-events response: one `data:` line per JSON event, optionally ended by `[DONE]`. */
export class SseWriter {
  constructor(private readonly res: ServerResponse) {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  }

  send(event: unknown): void {
    if (!this.res.writableEnded && !this.res.destroyed) this.res.write(`data: ${JSON.stringify(event)}\n\n`);
  }

  end(doneMarker: boolean): void {
    if (this.res.writableEnded || this.res.destroyed) return;
    this.res.end(doneMarker ? "data: [DONE]\n\n" : undefined);
  }
}

/** A whole number from a request field, clamped; the fallback when absent. */
export function intField(value: unknown, fallback: number, min: number, max: number): number {
  const n = typeof value === "number" && Number.isFinite(value) ? Math.trunc(value) : fallback;
  return Math.max(min, Math.min(max, n));
}

export function numberField(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * Most stop strings one request may give. Every generated token is checked against each of
 * them, so 100,000 stop strings in a 1 MB body held a slot and a core for seconds per request;
 * OpenAI itself takes at most 4.
 */
export const MAX_STOP_STRINGS = 16;

/** `stop` as OpenAI takes it: a string or a list of strings (at most MAX_STOP_STRINGS). */
export function stopField(value: unknown): string[] {
  if (typeof value === "string") return value ? [value] : [];
  const stops = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v.length > 0) : [];
  if (stops.length > MAX_STOP_STRINGS) throw new HttpError(400, `stop takes at most ${MAX_STOP_STRINGS} strings (got ${stops.length}).`);
  return stops;
}
