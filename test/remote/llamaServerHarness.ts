import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../server/harness";

export interface RunningLlamaServer {
  readonly process: ChildProcess;
  readonly port: number;
  readonly url: string;
  /** Everything the server logged so far (it logs to stderr). */
  readonly log: string[];
  /** llama-server's own counters from /metrics (started with --metrics), e.g. `prompt_tokens_total`. */
  metrics(apiKey?: string): Promise<Record<string, number>>;
  /** SIGTERM (a clean stop) or SIGKILL (a crash); resolves once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface LlamaServerOptions {
  readonly port?: number;
  /** Parallel slots (-np); each client of the remote engine keeps to one of them. */
  readonly slots?: number;
  readonly contextSize?: number;
  readonly threads?: number;
  readonly apiKey?: string;
  readonly extra?: readonly string[];
  readonly timeoutMs?: number;
}

/**
 * The llama-server binary `npm run llama-server:build` made (built once per machine into a cache
 * outside the checkout). Tests never build it themselves: without it they fail, naming the
 * command, because a remote suite that silently skips would prove nothing.
 */
export function llamaServerBinary(): string {
  try {
    const out = execFileSync("bash", [join(repoRoot, "scripts", "llamaServerBuild.sh"), "--path"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return out.trim().split("\n").pop()!;
  } catch (error) {
    throw new Error(`llama-server is not built on this machine: run \`npm run llama-server:build\` first (npm test does). ${(error as { stderr?: string }).stderr ?? ""}`);
  }
}

/**
 * Starts the real llama-server on 127.0.0.1 as a team would (llama.vscode's CPU preset:
 * --cache-reuse 256, -b/-ub 1024), plus --metrics for its own prompt-token counter, and waits
 * until /health says the model is loaded. Port 0 lets the server pick a free port; it logs it.
 */
export function startLlamaServer(model: string, options: LlamaServerOptions = {}): Promise<RunningLlamaServer> {
  const args = [
    "-m", model, "--host", "127.0.0.1", "--port", String(options.port ?? 0),
    "-c", String((options.contextSize ?? 4096) * (options.slots ?? 2)), "-np", String(options.slots ?? 2), "-t", String(options.threads ?? 1),
    "-b", "1024", "-ub", "1024", "--cache-reuse", "256", "--metrics", "-ngl", "0",
    ...(options.apiKey ? ["--api-key", options.apiKey] : []), ...(options.extra ?? []),
  ];
  const child = spawn(llamaServerBinary(), args, { stdio: ["ignore", "pipe", "pipe"] });
  // A test or bench that ends early (an uncaught error) must not leave a server holding a port and cores.
  const orphan = (): void => void child.kill("SIGKILL");
  process.once("exit", orphan);
  child.once("exit", () => process.removeListener("exit", orphan));
  const log: string[] = [];
  const timeoutMs = options.timeoutMs ?? 60_000;
  const stop = (signal: NodeJS.Signals = "SIGTERM"): Promise<void> => new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once("exit", () => done());
    child.kill(signal);
  });
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let url: string | undefined;
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`llama-server ${why}: ${log.join("").slice(-2000)}`));
    };
    const timer = setTimeout(() => fail(`did not become ready within ${timeoutMs} ms`), timeoutMs);
    child.once("exit", (code, signal) => fail(`exited with ${code ?? signal}`));
    const onLog = (chunk: Buffer): void => {
      log.push(chunk.toString());
      const match = !url && /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(log.join(""));
      if (match) {
        url = match[1]!;
        void waitHealthy(url!, started + timeoutMs).then(() => {
          clearTimeout(timer);
          child.removeAllListeners("exit");
          const port = Number(match[2]);
          resolve({ process: child, port, url: url!, log, stop, metrics: (key) => readMetrics(url!, key ?? options.apiKey) });
        }, (error: Error) => fail(error.message));
      }
    };
    child.stdout!.on("data", onLog);
    child.stderr!.on("data", onLog);
  });
}

/** /health answers 503 while the model loads and 200 once it can serve. */
async function waitHealthy(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("did not answer /health with 200 in time");
}

/** Parses the Prometheus text of /metrics: `llamacpp:prompt_tokens_total 123` → { prompt_tokens_total: 123 }. */
async function readMetrics(url: string, apiKey?: string): Promise<Record<string, number>> {
  const response = await fetch(`${url}/metrics`, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
  const text = await response.text();
  const out: Record<string, number> = {};
  for (const line of text.split("\n")) {
    const match = /^llamacpp:(\w+)\s+([\d.eE+-]+)$/.exec(line.trim());
    if (match) out[match[1]!] = Number(match[2]);
  }
  return out;
}
