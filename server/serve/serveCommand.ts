import { readFileSync } from "node:fs";
import { isIP, type AddressInfo } from "node:net";
import { intFlag, stringFlag, UsageError, type ParsedArgs } from "../cliArgs";
import { describeBackend } from "../../common/describeBackend";
import { downloadModel } from "../engine/download";
import { defaultModelsDirectory, isPresent, parseModelSetting } from "../engine/resolve";
import { autoThreads } from "../engine/threads";
import { createLogger, type LogLevel } from "../logger";
import { isLoopbackAddress, isLoopbackName } from "../net/addresses";
import type { EgressGuard } from "../net/egressGuard";
import { egressPolicyFrom } from "../net/egressPolicy";
import { MODEL_FLAGS, settingsFromFlags } from "../cliSettings";
import { checkBindAddress } from "./bindAddress";
import { ServeEngine } from "./serveEngine";
import { createServeServer, serveLimits } from "./serveHttp";

export const serveUsage = `  serve --model FILE [--host 127.0.0.1] [--port 8012] [--slots 4] [--api-key-file F] [--max-connections 64]
                                                       share one model with several windows and teammates over an
                                                       OpenAI-compatible API (/v1/completions, /v1/chat/completions,
                                                       /infill), one KV-cache slot per client; --api-key-file holds one
                                                       key per line (# comments); connections beyond --max-connections
                                                       are closed at once, and a client has ${serveLimits.headersTimeoutMs / 1000} s to send its headers`;

/**
 * API keys, one per line; read from a file so they never show in `ps` or shell history. A file
 * that names no key is refused: serving without authentication must be a choice (no
 * --api-key-file), never the result of a key file that is empty or all comments.
 */
function readKeys(file: string): string[] {
  if (!file) return [];
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--api-key-file ${file}: ${(error as Error).message}. Refusing to start without the keys it should hold.`);
  }
  const keys = text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  if (keys.length === 0) throw new UsageError(`--api-key-file ${file} holds no key (only blank lines and # comments). Refusing to start without authentication: put one key per line in it, or leave out --api-key-file to serve without keys.`);
  return keys;
}

/**
 * `enclave serve`: loads the model once with one sequence per slot and serves it until SIGINT
 * or SIGTERM. It makes no outbound connection of its own, except downloading an hf: model the
 * user named, under the same egress guard as the language server.
 */
export async function runServe(args: ParsedArgs, guard: EgressGuard): Promise<number> {
  const verbose = args.flags.has("verbose");
  const log = createLogger((level, line) => process.stderr.write(`${level}: ${line}\n`), (): LogLevel => (verbose ? "debug" : "info"));
  const host = stringFlag(args, "host", "127.0.0.1");
  const problem = checkBindAddress(host);
  if (problem) throw new UsageError(problem);
  const port = intFlag(args, "port", 8012);
  const slots = intFlag(args, "slots", 4);
  if (slots < 1 || slots > 64) throw new UsageError(`--slots takes 1..64, not ${slots}.`);
  const maxConnections = intFlag(args, "max-connections", serveLimits.maxConnections);
  if (maxConnections < 1 || maxConnections > 10_000) throw new UsageError(`--max-connections takes 1..10000, not ${maxConnections}.`);
  stringFlag(args, "model");
  // The same validation as the language server and the other commands (common/settings.ts).
  const settings = settingsFromFlags(args, MODEL_FLAGS, (line) => log.warn(line));
  const apiKeys = readKeys(stringFlag(args, "api-key-file", ""));
  guard.label = "serve";
  guard.configure(egressPolicyFrom(settings));

  const source = parseModelSetting(settings.model, { modelsDirectory: defaultModelsDirectory(), endpoint: settings.huggingFaceEndpoint });
  if (source.kind === "hf" && !isPresent(source)) {
    log.info(`Downloading ${source.uri} from ${new URL(source.url).host}.`);
    await downloadModel({ url: source.url, dest: source.path, log });
  }
  const engine = await ServeEngine.load({
    path: source.path, gpu: settings.gpu, gpuLayers: settings.gpuLayers, threads: settings.threads,
    contextSize: settings.contextSize, log, autoThreads, slots,
  });
  if (!isLoopbackName(host) && !isLoopbackAddress(host) && apiKeys.length === 0) {
    log.warn(`Listening on ${host} without API keys: anyone who can reach this address can use the model. Pass --api-key-file to require a key.`);
  }
  const server = createServeServer({ engine, apiKeys, log, maxConnections });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
  } catch (error) {
    await engine.dispose();
    throw new Error(`cannot listen on ${host}:${port}: ${(error as Error).message}`);
  }
  const bound = (server.address() as AddressInfo).port;
  const shown = isIP(host) === 6 ? `[${host}]` : host;
  process.stdout.write(`enclave serve: ${engine.model.name} on ${describeBackend(engine.backend)}, ${slots} slot${slots === 1 ? "" : "s"} of ${engine.model.contextSize} tokens, listening on http://${shown}:${bound}\n`);

  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  log.info("Stopping.");
  server.close();
  server.closeAllConnections();
  await engine.dispose();
  return 0;
}
