import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, promises as fs } from "node:fs";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import type { Logger } from "../logger";
import { DownloadError } from "./errors";
import { findEgressRefusal } from "../net/egressError";
import { describeNetworkError } from "./networkCause";

export interface DownloadOptions {
  readonly url: string;
  readonly dest: string;
  /** Expected SHA-256 (hex). When absent, the server's LFS checksum header is used if it sends one. */
  readonly sha256?: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (received: number, total: number | undefined) => void;
  readonly log: Logger;
  /** How many times an interrupted transfer is resumed before giving up. */
  readonly retries?: number;
}

const HEX64 = /^"?([0-9a-f]{64})"?$/i;

/**
 * Downloads a model to `dest`, resuming a `.partial` file left by an interrupted transfer (HTTP
 * Range), checking the size the server announced and the SHA-256, and moving the file into
 * place only when both match. A mismatch deletes the partial file so the next try starts clean.
 */
export async function downloadModel(options: DownloadOptions): Promise<void> {
  const partial = `${options.dest}.partial`;
  await fs.mkdir(dirname(options.dest), { recursive: true });
  const retries = options.retries ?? 3;
  let expected = options.sha256?.toLowerCase() || undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      const announced = await transfer(options, partial);
      expected ??= announced;
      break;
    } catch (error) {
      if (options.signal?.aborted) throw new DownloadError(options.url, "cancelled; the partial file is kept and the next start resumes it");
      // A host the egress policy refuses stays refused: say why at once instead of retrying.
      const refused = findEgressRefusal(error);
      if (refused) throw new DownloadError(options.url, refused.message.replace(/\.$/, ""));
      if (error instanceof DownloadError) throw error;
      const cause = describeNetworkError(error, options.url);
      // Resuming helps a transfer that broke off; a host that cannot be reached at all stays so.
      if (attempt >= retries || unreachable(error)) throw new DownloadError(options.url, `${cause}; the partial file is kept, and Retry resumes it`);
      options.log.warn(`Download of ${options.url} was interrupted (${cause}); resuming (attempt ${attempt + 2}).`);
      await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
    }
  }
  if (expected) {
    const actual = await sha256File(partial);
    if (actual !== expected) {
      await fs.rm(partial, { force: true });
      throw new DownloadError(options.url, `the SHA-256 checksum does not match (expected ${expected}, got ${actual}); the file was deleted, nothing was loaded`);
    }
    options.log.info(`Checksum of ${options.dest} verified (${actual}).`);
  } else {
    options.log.warn(`No checksum is known for ${options.url}; set enclave.modelSha256 to verify it.`);
  }
  await fs.rename(partial, options.dest);
}

/** A failure before any connection was made (DNS, refused, no route): retrying at once cannot help. */
function unreachable(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 6; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string" && ["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ENETUNREACH", "EHOSTUNREACH", "ENETDOWN"].includes(e.code)) return true;
  }
  return false;
}

/** One HTTP request, appending to the partial file; returns the checksum the server announced. */
async function transfer(options: DownloadOptions, partial: string): Promise<string | undefined> {
  const have = await fs.stat(partial).then((s) => s.size, () => 0);
  const response = await fetch(options.url, {
    headers: have > 0 ? { Range: `bytes=${have}-` } : {},
    redirect: "follow",
    signal: options.signal,
  });
  if (response.status === 416 && have > 0) return announcedSha(response); // Already complete.
  if (response.status !== 200 && response.status !== 206) {
    await response.body?.cancel();
    const hint = response.status === 401 || response.status === 403 ? " (the repository may be gated or private)"
      : response.status === 404 ? " (no such file: check the URI)" : "";
    throw new DownloadError(options.url, `the server answered HTTP ${response.status}${hint}`);
  }
  const resumed = response.status === 206;
  const start = resumed ? have : 0;
  const total = totalSize(response, start);
  if (have > 0 && !resumed) options.log.info(`The server does not resume downloads; starting ${options.url} again.`);
  const out = createWriteStream(partial, { flags: resumed ? "a" : "w" });
  let received = start;
  let lastReport = 0;
  try {
    if (!response.body) throw new Error("the response has no body");
    for await (const chunk of Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>)) {
      const buffer = chunk as Buffer;
      received += buffer.length;
      if (!out.write(buffer)) await new Promise<void>((r) => out.once("drain", () => r()));
      const now = Date.now();
      if (now - lastReport > 200) { lastReport = now; options.onProgress?.(received, total); }
    }
  } finally {
    out.end();
    await finished(out).catch(() => undefined);
  }
  options.onProgress?.(received, total);
  if (total !== undefined && received !== total) throw new Error(`the transfer stopped at ${received} of ${total} bytes`);
  return announcedSha(response);
}

function totalSize(response: Response, start: number): number | undefined {
  const range = /\/(\d+)\s*$/.exec(response.headers.get("content-range") ?? "");
  if (range) return Number(range[1]);
  const length = response.headers.get("content-length");
  return length ? start + Number(length) : undefined;
}

/** Hugging Face sends an LFS file's SHA-256 as X-Linked-Etag (or ETag on the CDN). */
function announcedSha(response: Response): string | undefined {
  for (const header of ["x-linked-etag", "etag"]) {
    const match = HEX64.exec(response.headers.get(header) ?? "");
    if (match) return match[1]!.toLowerCase();
  }
  return undefined;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
