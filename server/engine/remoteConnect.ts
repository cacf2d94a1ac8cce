import type { BackendInfo } from "../../common/protocol";
import type { Logger } from "../logger";
import type { EnclaveSettings } from "../../common/settings";
import type { EngineMetricsCollector } from "./metrics";
import { RemoteEngine, type RemoteServerKind } from "./remote";
import { chooseFimMode } from "./remoteFim";
import { RemoteEngineError, RemoteHttp, type RemoteHttpOptions } from "./remoteHttp";
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
 * Connects to the remote engine the settings name: lists its models (which also proves the URL,
 * the egress policy and the API key), recognises enclave serve and llama-server, and picks the
 * fill-in-the-middle mode. Every failure is a sentence naming the server and what to change.
 */
export async function connectRemoteEngine(settings: EnclaveSettings, options: RemoteConnectOptions): Promise<RemoteEngine> {
  const baseUrl = remoteBaseUrl(settings["remote.url"]);
  const apiKey = (await options.apiKey?.()) || process.env.ENCLAVE_REMOTE_API_KEY || undefined;
  const http = new RemoteHttp({ baseUrl, apiKey, log: options.log, ...options.http });
  const list = (await http.getJson("/v1/models", options.signal)) as { data?: ListedModel[] };
  const models = Array.isArray(list?.data) ? list.data.filter((m) => typeof m?.id === "string") : [];
  if (models.length === 0) throw new RemoteEngineError(`The remote engine at ${baseUrl} lists no models.`);
  const wanted = settings["remote.model"].trim();
  const entry = wanted ? models.find((m) => m.id === wanted) : models[0];
  if (!entry) throw new RemoteEngineError(`The remote engine at ${baseUrl} has no model "${wanted}"; it offers ${models.map((m) => `"${m.id}"`).join(", ")}. Change enclave.remote.model.`);

  let server: RemoteServerKind = entry.owned_by === "enclave" || entry.enclave ? "enclave" : entry.owned_by === "llamacpp" ? "llama-server" : "openai";
  let llamaContext: number | undefined;
  if (server !== "enclave") {
    // Only llama-server answers /props; its default_generation_settings carry the context size.
    const props = (await http.getJson("/props", options.signal, 0).catch(() => undefined)) as { default_generation_settings?: { n_ctx?: number } } | undefined;
    if (props?.default_generation_settings) {
      server = "llama-server";
      llamaContext = props.default_generation_settings.n_ctx;
    }
  }
  const fim = chooseFimMode(settings["remote.fimTemplate"], server, entry.id, entry.enclave?.fimTokens);
  const contextSize = entry.enclave?.contextSize ?? llamaContext ?? entry.max_model_len ?? settings.contextSize;
  options.log.info(`Connected to ${server} at ${baseUrl}: model ${entry.id}, context ${contextSize} tokens, fill-in-the-middle via ${fim.kind === "text" ? `${fim.family} token text` : fim.kind}.`);
  return new RemoteEngine({
    http, server, model: entry.id, fim, contextSize, demo: entry.enclave?.demo ?? false, backend: entry.enclave?.backend, clientId: options.clientId, onHealth: options.onHealth,
  }, options.metrics);
}
