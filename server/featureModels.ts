import type { Disposable } from "vscode-languageserver/node";
import type { EngineMetrics, ModelCatalogResult, StatusParams } from "../common/protocol";
import type { ModelManager } from "./engine/modelManager";
import type { Engine } from "./engine/types";
import type { SettingsSource } from "./settingsSource";

/**
 * What features use of the model runtime: the engine to generate with, the status to show,
 * and a forced reload. Applying settings stays with `main.ts`, so no feature can load a model
 * from settings of its own.
 */
export interface FeatureModels {
  readonly status: StatusParams;
  onStatus(listener: (status: StatusParams) => void): Disposable;
  /** The engine once any load in progress has settled; undefined when no model is usable. */
  engine(): Promise<Engine | undefined>;
  /** Loads again with the current settings, even when they did not change (a new API key, a finished download). */
  reload(): Promise<StatusParams>;
  /** The downloadable models and the one recommended for this machine. */
  catalog(): Promise<ModelCatalogResult>;
  metrics(): EngineMetrics;
}

/** Narrows the model manager to what features use; settings are read when a reload needs them. */
export function featureModels(models: ModelManager, settings: SettingsSource): FeatureModels {
  return {
    get status() {
      return models.status;
    },
    onStatus: (listener) => models.onStatus(listener),
    engine: () => models.engine(),
    reload: async () => {
      await models.configure(await settings.get(), true);
      return models.status;
    },
    catalog: async () => models.catalog(await settings.get()),
    metrics: () => models.metrics.snapshot(),
  };
}
