import { freemem } from "node:os";
import { resolve as resolvePath } from "node:path";
import type { ModelCatalogResult, StatusParams } from "../../common/protocol";
import type { Logger } from "../logger";
import { reloadKeys, type EnclaveSettings } from "../../common/settings";
import { downloadModel } from "./download";
import { forgetFailure, rememberedFailure, rememberFailure } from "./downloadFailures";
import { DownloadError, ModelFileError } from "./errors";
import { loadLocalModel, probeGpu } from "./llama";
import { LocalEngine } from "./localEngine";
import { connectRemoteEngine } from "./remoteConnect";
import { EngineMetricsCollector } from "./metrics";
import { catalog, defaultModelsDirectory, isPresent, parseModelSetting, recommendModel, type ModelSource } from "./resolve";
import { autoThreads, physicalCores } from "./threads";
import type { Engine } from "./types";
import { describeBackend } from "../../common/describeBackend";

export { describeBackend };

/**
 * The settings whose change reloads the model come from the schema's `reload` flag; those
 * marked `reloadScope: "remote"` count only while the model comes over the network (a refused
 * download host may since have been allowed).
 */
const LOCAL_KEYS = reloadKeys("local");
const ALL_KEYS = reloadKeys("remote");

function modelKey(settings: EnclaveSettings): string {
  const remote = settings.engine === "remote" || /^hf:/i.test(settings.model.trim());
  return JSON.stringify((remote ? ALL_KEYS : LOCAL_KEYS).map((k) => [k, settings[k]]));
}

export interface ModelManagerOptions {
  readonly log: Logger;
  /** Downloads go here unless enclave.modelsDirectory says otherwise (the extension's global storage). */
  readonly storageDirectory?: string;
  /** Relative model paths are resolved from here (the first workspace folder). */
  readonly baseDirectory?: string;
  /** The remote engine's API key, asked for when connecting; it never passes through settings. */
  readonly apiKey?: () => Promise<string | undefined>;
}

/**
 * Owns the model's life: resolves the setting, downloads when the user configured an hf: URI,
 * loads, and reports every step as a status. It never downloads on its own initiative: with no
 * model configured it reports "noModel" and names the recommended one.
 */
export class ModelManager {
  readonly metrics = new EngineMetricsCollector();
  private current: Engine | undefined;
  private loading: Promise<void> = Promise.resolve();
  private abort: AbortController | undefined;
  private loadedKey = "";
  private state: StatusParams = { state: "starting" };
  private readonly listeners = new Set<(status: StatusParams) => void>();

  constructor(private readonly options: ModelManagerOptions) {}

  get status(): StatusParams {
    return this.state;
  }

  onStatus(listener: (status: StatusParams) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The engine once any load in progress has settled; undefined when no model is usable. */
  async engine(): Promise<Engine | undefined> {
    await this.loading;
    return this.current;
  }

  /** Applies settings; reloads only when a model-related setting changed (or when forced). */
  configure(settings: EnclaveSettings, force = false): Promise<void> {
    const key = modelKey(settings);
    if (!force && key === this.loadedKey) return this.loading;
    this.loadedKey = key;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.loading = this.loading.then(() => this.load(settings, abort.signal, force)).catch((error: unknown) => {
      if (abort.signal.aborted) return;
      // A file or download the user can fix is a status, not a crash report; anything else keeps its stack.
      if (error instanceof ModelFileError || error instanceof DownloadError) this.options.log.info(`Model load failed: ${error.message}`);
      else this.options.log.error(`Model load failed: ${(error as Error).stack ?? error}`);
      this.setStatus({ state: "error", message: (error as Error).message, ...(error instanceof DownloadError ? { retryable: true } : {}) });
    });
    return this.loading;
  }

  async dispose(): Promise<void> {
    this.abort?.abort();
    await this.loading;
    await this.unload();
  }

  /** `asked`: the user asked for this load (Reload Model / Retry), so a failed download is tried again. */
  private async load(settings: EnclaveSettings, signal: AbortSignal, asked: boolean): Promise<void> {
    await this.unload();
    if (settings.engine === "remote") return this.connect(settings, signal);
    const source = await this.resolve(settings);
    if (!source) return;
    if (source.kind === "hf" && !isPresent(source)) {
      const key = modelKey(settings);
      const failed = asked ? undefined : await rememberedFailure(source.path, key);
      if (failed) {
        const when = new Date(failed.at).toISOString().slice(0, 16).replace("T", " ");
        this.options.log.warn(`Not downloading ${source.uri} again by itself: it failed at ${when} UTC (${failed.message}).`);
        this.setStatus({ state: "error", retryable: true, message: `${failed.message} (at ${when} UTC). It is not retried by itself: choose Retry (Enclave: Reload Model) or Enclave: Select Model.` });
        return;
      }
      this.setStatus({ state: "downloading", progress: 0, message: `Downloading ${source.uri}` });
      await this.download(source, settings, signal, key);
    }
    if (signal.aborted) return;
    this.setStatus({ state: "loading", progress: 0, message: `Loading ${source.path}` });
    const local = await loadLocalModel({
      path: source.path, gpu: settings.gpu, gpuLayers: settings.gpuLayers, threads: settings.threads,
      contextSize: settings.contextSize, log: this.options.log, signal, autoThreads,
      edit: { draftModelPath: settings.draftModel.trim() ? resolvePath(this.options.baseDirectory ?? process.cwd(), settings.draftModel.trim()) : undefined },
      onProgress: (progress) => this.setStatus({ state: "loading", progress, message: `Loading ${source.path}` }),
    });
    if (signal.aborted) {
      await local.dispose();
      return;
    }
    this.current = new LocalEngine(local, this.metrics);
    const { model, backend } = this.current;
    this.options.log.info(`Loaded ${model.name} (${(model.sizeBytes / 1e6).toFixed(0)} MB) on ${describeBackend(backend)}; context ${model.contextSize} tokens.`);
    this.setStatus({ state: "ready", model, backend, ...(local.edit?.warning ? { message: local.edit.warning } : {}) });
  }

  /** Downloads the model, remembering a failure so it is not tried again at every start. */
  private async download(source: ModelSource & { kind: "hf" }, settings: EnclaveSettings, signal: AbortSignal, key: string): Promise<void> {
    try {
      await downloadModel({
        url: source.url, dest: source.path, sha256: settings.modelSha256, signal, log: this.options.log,
        onProgress: (received, total) => this.setStatus({
          state: "downloading", progress: total ? received / total : undefined,
          message: `Downloading ${source.uri}: ${(received / 1e6).toFixed(0)}${total ? ` of ${(total / 1e6).toFixed(0)}` : ""} MB`,
        }),
      });
    } catch (error) {
      if (!signal.aborted && error instanceof DownloadError) await rememberFailure(source.path, { key, message: error.message, at: Date.now() });
      throw error;
    }
    await forgetFailure(source.path);
  }

  /** Uses the remote engine the settings name instead of loading a model here. */
  private async connect(settings: EnclaveSettings, signal: AbortSignal): Promise<void> {
    this.setStatus({ state: "loading", message: `Connecting to ${settings["remote.url"] || "the remote engine"}` });
    // A remote engine can go down after connecting: its failures and recoveries become the status.
    const onHealth = (problem: string | undefined): void => {
      if (this.current === engine) this.setStatus(problem ? { state: "error", message: problem } : { state: "ready", model: engine.model, backend: engine.backend });
    };
    const engine = await connectRemoteEngine(settings, { log: this.options.log, metrics: this.metrics, apiKey: this.options.apiKey, signal, onHealth });
    if (signal.aborted) return;
    this.current = engine;
    this.setStatus({ state: "ready", model: engine.model, backend: engine.backend });
  }

  /** Turns settings into a model source, or reports why there is none. */
  private async resolve(settings: EnclaveSettings): Promise<ModelSource | undefined> {
    const modelsDirectory = settings.modelsDirectory || this.options.storageDirectory || defaultModelsDirectory();
    const options = { modelsDirectory, endpoint: settings.huggingFaceEndpoint, baseDirectory: this.options.baseDirectory };
    if (!settings.model) {
      const { recommended } = await this.catalog(settings);
      const candidates = [recommended, ...Object.values(catalog)].map((entry) => parseModelSetting(entry.uri, options));
      const downloaded = candidates.find(isPresent);
      if (downloaded) return downloaded;
      this.setStatus({
        state: "noModel",
        message: `No model is configured. Recommended here: ${recommended.label}, about ${(recommended.approxBytes / 1e9).toFixed(1)} GB (${recommended.why}). Run "Enclave: Select Model" to download it or to pick a local .gguf file.`,
      });
      return undefined;
    }
    return parseModelSetting(settings.model, options);
  }

  /** The downloadable models and the one recommended for this machine. */
  async catalog(settings: EnclaveSettings): Promise<ModelCatalogResult> {
    const cores = physicalCores();
    const gpu = await probeGpu(settings.gpu, cores, this.options.log);
    const recommended = recommendModel({ ...gpu, ramFreeBytes: freemem(), physicalCores: cores });
    const hardware = gpu.gpu ? `${gpu.deviceNames.join(", ") || "GPU"}, ${(gpu.vramFreeBytes / 1e9).toFixed(1)} GB VRAM free`
      : `CPU, ${cores} core${cores === 1 ? "" : "s"}, ${(freemem() / 1e9).toFixed(1)} GB RAM free`;
    return { recommended, models: Object.values(catalog), hardware };
  }

  private async unload(): Promise<void> {
    const engine = this.current;
    this.current = undefined;
    if (engine) await engine.dispose();
  }

  private setStatus(status: StatusParams): void {
    this.state = status;
    for (const listener of this.listeners) listener(status);
  }
}
