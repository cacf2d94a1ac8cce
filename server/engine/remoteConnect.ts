import type { BackendInfo } from "../../common/protocol";
import type { Logger } from "../logger";
import type { EnclaveSettings } from "../../common/settings";
import type { EngineMetricsCollector } from "./metrics";
import { processClientId, RemoteEngine } from "./remote";
import { detectServer, probeFimFamily } from "./remoteDetect";
import { chooseFimMode } from "./remoteFim";
import { RemoteEngineError, RemoteHttp, type RemoteHttpOptions } from "./remoteHttp";
import { RemoteServers } from "./remoteServers";
import { describeRoute, serverName, type RemoteTarget } from "./remoteTarget";
import type { SpecialTokenName } from "./types";

export interface RemoteConnectOptions {
  readonly log: Logger;
  readonly metrics: EngineMetricsCollector;
  /** Asks for the API key when connecting (the extension keeps it in VS Code's SecretStorage). */
  readonly apiKey?: () => Promise<string | undefined>;
  readonly signal?: AbortSignal;
  /** Overrides for tests and benchmarks: retries, backoff, timeouts, client id. */
  readonly http?: Partial<RemoteHttpOptions>;
  readonly clientId?: string;
  /** See RemoteEngineConfig.onHealth. */
  readonly onHealth?: (problem: string | undefined) => void;
}

/** One entry of GET /v1/models, with the extra fields llama-server, vLLM and enclave serve add. */
interface ListedModel {
  readonly id: string;
  readonly owned_by?: string;
  readonly max_model_len?: number;
  readonly meta?: { readonly n_ctx_train?: number };
  readonly enclave?: { readonly contextSize?: number; readonly demo?: boolean; readonly backend?: BackendInfo; readonly fimTokens?: Partial<Record<SpecialTokenName, string>> };
}

/** The base URL without a trailing slash or /v1, which users often copy from OpenAI client docs. */
export function remoteBaseUrl(setting: string): string {
  const trimmed = setting.trim();
  if (!trimmed) throw new RemoteEngineError('enclave.engine is "remote" but enclave.remote.url is empty; set it to the server\'s base URL, such as http://gpu-box.internal:8080.');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new RemoteEngineError(`enclave.remote.url "${trimmed}" is not a URL; write it as http://host:port.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new RemoteEngineError(`enclave.remote.url must start with http:// or https://, not ${url.protocol}.`);
  if (url.username || url.password) throw new RemoteEngineError("enclave.remote.url must not contain a user name or password; use \"Enclave: Set Remote API Key\" for the key.");
  return url.href.replace(/\/+$/, "").replace(/\/v1$/, "");
}

/**
 * The base URLs `enclave.remote.url` lists: one, as before, or several separated by commas or
 * spaces (servers of the same model; see RemoteServers). Each is checked like a single one.
 */
export function remoteBaseUrls(setting: string): string[] {
  const urls = setting.split(/[\s,]+/).filter(Boolean);
  if (urls.length === 0) return [remoteBaseUrl("")];
  return [...new Set(urls.map(remoteBaseUrl))];
}

/**
 * Connects to one server: lists its models (which also proves the URL, the egress policy and
 * the API key), finds out which server it is, and picks the fill-in-the-middle mode (for
 * llama-server, the FIM token text its model knows). Every failure is a sentence naming the
 * server and what to change.
 */
async function connectTarget(baseUrl: string, settings: EnclaveSettings, options: RemoteConnectOptions, apiKey: string | undefined, several: boolean, signal?: AbortSignal): Promise<RemoteTarget> {
  // With several servers a dead one is left quickly for the next instead of being retried for seconds.
  const http = new RemoteHttp({ baseUrl, apiKey, log: options.log, ...(several ? { retries: 1 } : {}), ...options.http });
  const list = (await http.getJson("/v1/models", signal)) as { data?: ListedModel[] };
  const models = Array.isArray(list?.data) ? list.data.filter((m) => typeof m?.id === "string") : [];
  if (models.length === 0) throw new RemoteEngineError(`The remote engine at ${baseUrl} lists no models.`);
  const wanted = settings["remote.model"].trim();
  const entry = wanted ? models.find((m) => m.id === wanted) : models[0];
  if (!entry) throw new RemoteEngineError(`The remote engine at ${baseUrl} has no model "${wanted}"; it offers ${models.map((m) => `"${m.id}"`).join(", ")}. Change enclave.remote.model.`);
  const server = await detectServer(http, entry, signal);
  const setting = settings["remote.fimTemplate"];
  const probed = server.kind === "llama-server" && setting === "auto" ? await probeFimFamily(http, signal) : undefined;
  const fim = chooseFimMode(setting, server.kind, entry.id, entry.enclave?.fimTokens, probed);
  const contextSize = entry.enclave?.contextSize ?? server.contextSize ?? entry.max_model_len ?? settings.contextSize;
  const target: RemoteTarget = { http, server, model: entry.id, fim, contextSize, demo: entry.enclave?.demo ?? false, backend: entry.enclave?.backend };
  options.log.info(`Connected to ${serverName(target)} at ${baseUrl}: model ${entry.id}, context ${contextSize} tokens; ${describeRoute(target)}.`);
  return target;
}

/** Connects to the remote engine(s) the settings name; the engine then keeps to one server while it answers. */
export async function connectRemoteEngine(settings: EnclaveSettings, options: RemoteConnectOptions): Promise<RemoteEngine> {
  const urls = remoteBaseUrls(settings["remote.url"]);
  const apiKey = (await options.apiKey?.()) || process.env.ENCLAVE_REMOTE_API_KEY || undefined;
  const clientId = options.clientId ?? processClientId;
  const servers = new RemoteServers(urls, (url, signal) => connectTarget(url, settings, options, apiKey, urls.length > 1, signal), clientId);
  await servers.current(options.signal);
  return new RemoteEngine({ servers, clientId, onHealth: options.onHealth, log: options.log }, options.metrics);
}
