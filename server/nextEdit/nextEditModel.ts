/**
 * The separate next-edit model (`enclave.nextEdit.model`), loaded on first use and kept until the
 * setting changes. It has its own context, so predicting never evicts the completion model's KV
 * cache. The setting is a path or an hf: URI; an hf: URI is downloaded (the user set it: that is
 * the consent) in the background, and until the model is ready each prediction answers at once
 * with what is happening instead of waiting minutes for a download. A load failure is remembered
 * per setting and reported once, never retried on every pause.
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

export class NextEditModel {
  private loading?: Loading;
  private readonly failed = new Map<string, string>();
  readonly metrics = new EngineMetricsCollector();

  constructor(private readonly log: Logger) {}

  /** The engine for the setting's model, or a reason there is none yet (downloading, loading, failed). */
  engine(value: string, settings: EnclaveSettings): { engine?: Engine; path?: string; reason?: string } {
    const failure = this.failed.get(value);
    if (failure) return { reason: failure };
    if (this.loading?.value !== value) {
      void this.unload();
      const abort = new AbortController();
      const loading: Loading = { value, progress: `Loading the next-edit model ${value}.`, abort, done: Promise.resolve() };
      loading.done = this.load(loading, settings);
      this.loading = loading;
    }
    const loading = this.loading;
    if (loading.engine) return { engine: loading.engine, path: loading.path };
    return { reason: this.failed.get(value) ?? `${loading.progress} Next-edit suggestions start when it is ready.` };
  }

  private async load(loading: Loading, settings: EnclaveSettings): Promise<void> {
    const value = loading.value;
    try {
      const path = await settingModelFile(
        { value, modelsDirectory: settings.modelsDirectory, endpoint: settings.huggingFaceEndpoint },
        // Tried once per server process (a failure is kept in `failed` until the setting changes),
        // so a download that failed at the last start is tried again now rather than never.
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
      loading.engine = new LocalEngine(local, this.metrics);
    } catch (e) {
      if (loading.abort.signal.aborted) return;
      const message = `The next-edit model ${value} could not be used: ${(e as Error).message}. Fix enclave.nextEdit.model or clear it to predict with the completion model.`;
      this.failed.set(value, message);
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
