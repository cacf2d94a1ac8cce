/**
 * The separate next-edit model (`enclave.nextEdit.model`), loaded on first use and kept until the
 * setting changes. It has its own context, so predicting never evicts the completion model's KV
 * cache. A load failure is remembered per path and reported once, never retried on every pause.
 */
import type { Logger } from "../logger";
import type { EnclaveSettings } from "../../common/settings";
import { loadLocalModel } from "../engine/llama";
import { LocalEngine } from "../engine/localEngine";
import { EngineMetricsCollector } from "../engine/metrics";
import { autoThreads } from "../engine/threads";
import type { Engine } from "../engine/types";

export class NextEditModel {
  private loaded?: { path: string; engine: Promise<Engine | undefined> };
  private readonly failed = new Map<string, string>();
  readonly metrics = new EngineMetricsCollector();

  constructor(private readonly log: Logger) {}

  /** The engine for `path`, loading it when needed; undefined (with a reason) when it cannot load. */
  async engine(path: string, settings: EnclaveSettings): Promise<{ engine?: Engine; reason?: string }> {
    const failure = this.failed.get(path);
    if (failure) return { reason: failure };
    if (this.loaded?.path !== path) {
      void this.unload();
      this.loaded = { path, engine: this.load(path, settings) };
    }
    const engine = await this.loaded.engine;
    return engine ? { engine } : { reason: this.failed.get(path) ?? `The next-edit model ${path} did not load.` };
  }

  private async load(path: string, settings: EnclaveSettings): Promise<Engine | undefined> {
    try {
      const local = await loadLocalModel({
        path, gpu: settings.gpu, gpuLayers: settings.gpuLayers, threads: settings.threads,
        contextSize: Math.min(settings.contextSize, 8192), log: this.log, autoThreads,
      });
      this.log.info(`Loaded the next-edit model ${local.info.name} from ${path}.`);
      return new LocalEngine(local, this.metrics);
    } catch (e) {
      const message = `The next-edit model ${path} could not be loaded: ${(e as Error).message}. Fix enclave.nextEdit.model or clear it to predict with the completion model.`;
      this.failed.set(path, message);
      this.log.warn(message);
      return undefined;
    }
  }

  async unload(): Promise<void> {
    const previous = this.loaded;
    this.loaded = undefined;
    const engine = await previous?.engine;
    await engine?.dispose();
  }
}
