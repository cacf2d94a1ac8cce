/**
 * The separate next-edit model (`enclave.nextEdit.model`), loaded on first use and kept until the
 * setting changes. It has its own context, so predicting never evicts the completion model's KV
 * cache. The setting is a path or an hf: URI; an hf: URI is downloaded (the user set it: that is
 * the consent) in the background, and until the model is ready each prediction answers at once
 * with what is happening instead of waiting minutes for a download. A load failure is remembered
 * per setting and reported, never retried on every pause: the next prediction after a wait (one
 * minute, doubling to half an hour) tries again, so a network that was down comes back by itself.
 */
import type { Logger } from "../logger";
import type { EnclaveSettings } from "../../common/settings";
import { loadLocalModel } from "../engine/llama";
import { LocalEngine } from "../engine/localEngine";
import { EngineMetricsCollector } from "../engine/metrics";
import { settingModelFile } from "../engine/settingModelFile";
import { autoThreads } from "../engine/threads";
import type { Engine } from "../engine/types";

interface Loading {
  readonly value: string;
  engine?: Engine;
  /** The file, once the setting is resolved (and downloaded). */
  path?: string;
  /** What is happening while there is no engine yet: "Downloading … 120 of 1600 MB". */
  progress: string;
  readonly abort: AbortController;
  done: Promise<void>;
}

/** The first wait before a failed model is tried again; each failure doubles it, up to the last. */
const RETRY_FIRST_MS = 60_000;
const RETRY_MAX_MS = 30 * 60_000;

interface Failure {
  readonly message: string;
  readonly retryAt: number;
}

export class NextEditModel {
  private loading?: Loading;
  private readonly failed = new Map<string, Failure>();
  /** Failed attempts in a row per setting, for the wait before the next. */
  private readonly attempts = new Map<string, number>();
  readonly metrics = new EngineMetricsCollector();

  constructor(private readonly log: Logger, private readonly now: () => number = Date.now) {}

  /** The engine for the setting's model, or a reason there is none yet (downloading, loading, failed). */
  engine(value: string, settings: EnclaveSettings): { engine?: Engine; path?: string; reason?: string } {
    const failure = this.failed.get(value);
    if (failure && this.now() < failure.retryAt) return { reason: failure.message };
    if (failure) {
      // The wait is over: this prediction starts one new attempt (the failed one holds nothing to free).
      this.failed.delete(value);
      if (this.loading?.value === value) this.loading = undefined;
    }
    if (this.loading?.value !== value) {
      void this.unload();
      const abort = new AbortController();
      const loading: Loading = { value, progress: `Loading the next-edit model ${value}.`, abort, done: Promise.resolve() };
      loading.done = this.load(loading, settings);
      this.loading = loading;
    }
    const loading = this.loading;
    if (loading.engine) return { engine: loading.engine, path: loading.path };
    return { reason: `${loading.progress} Next-edit suggestions start when it is ready.` };
  }

  private async load(loading: Loading, settings: EnclaveSettings): Promise<void> {
    const value = loading.value;
    try {
      const path = await settingModelFile(
        { value, modelsDirectory: settings.modelsDirectory, endpoint: settings.huggingFaceEndpoint },
        // `asked`: this is a new attempt (the first, or one after the wait), so a download that
        // failed before is tried again rather than refused from the on-disk memory of failures.
        { purpose: "next-edit", asked: true, log: this.log, signal: loading.abort.signal, onProgress: (message) => { loading.progress = `${message}.`; } },
      );
      loading.path = path;
      loading.progress = `Loading the next-edit model ${path}.`;
      const local = await loadLocalModel({
        path, gpu: settings.gpu, gpuLayers: settings.gpuLayers, threads: settings.threads,
        contextSize: Math.min(settings.contextSize, 8192), log: this.log, autoThreads,
      });
      if (loading.abort.signal.aborted) {
        await local.dispose();
        return;
      }
      this.log.info(`Loaded the next-edit model ${local.info.name} from ${path}.`);
      this.attempts.delete(value);
      loading.engine = new LocalEngine(local, this.metrics);
    } catch (e) {
      if (loading.abort.signal.aborted) return;
      const attempts = (this.attempts.get(value) ?? 0) + 1;
      this.attempts.set(value, attempts);
      const waitMs = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (attempts - 1));
      const message = `The next-edit model ${value} could not be used: ${(e as Error).message}. It is tried again in ${Math.round(waitMs / 60_000)} min; fix enclave.nextEdit.model or clear it to predict with the completion model.`;
      this.failed.set(value, { message, retryAt: this.now() + waitMs });
      this.log.warn(message);
    }
  }

  async unload(): Promise<void> {
    const previous = this.loading;
    this.loading = undefined;
    previous?.abort.abort();
    await previous?.done;
    await previous?.engine?.dispose();
  }
}
