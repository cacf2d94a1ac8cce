/**
 * A Hugging Face-shaped endpoint on 127.0.0.1 for download tests: every request is answered
 * with one file, sent in slices with a pause between them, so that a test can see a download
 * under way (progress, a prediction asked meanwhile) before it ends.
 */
import { createServer, type OutgoingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface SlowModelHost {
  /** The endpoint to give as `huggingFaceEndpoint`. */
  readonly url: string;
  /** The paths asked for, in order. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

export async function serveModelSlowly(body: Buffer, options: { slice: number; pauseMs: number; headers?: OutgoingHttpHeaders }): Promise<SlowModelHost> {
  const requests: string[] = [];
  const http = createServer((req, res) => {
    requests.push(req.url ?? "");
    res.writeHead(200, { "content-length": body.length, ...options.headers });
    let at = 0;
    const next = (): void => {
      if (at >= body.length) {
        res.end();
        return;
      }
      res.write(body.subarray(at, at + options.slice));
      at += options.slice;
      setTimeout(next, options.pauseMs);
    };
    next();
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => http.close(() => resolve())) };
}
