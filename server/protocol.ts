/**
 * THE protocol between the Enclave language server and its clients (the VS Code extension,
 * other editors, tests). Standard LSP messages are used where they exist; everything custom
 * lives here, named `enclave/<area>/<verb>`, one namespace per message. Call sites import these
 * namespaces and never spell a method string.
 */
import { NotificationType, RequestType, RequestType0 } from "vscode-languageserver-protocol";

/** What the model runtime is doing, as shown in the status bar. */
export type ModelState = "starting" | "noModel" | "downloading" | "loading" | "ready" | "error";

/** The inference backend as detected at load time. */
export interface BackendInfo {
  /** "cuda" | "vulkan" | "metal", or "cpu" when nothing is offloaded. */
  readonly gpu: "cuda" | "vulkan" | "metal" | "cpu";
  readonly deviceNames: string[];
  readonly vramTotalBytes: number;
  readonly vramFreeBytes: number;
  /** Layers of the model placed on the GPU, and the model's layer count. */
  readonly gpuLayers: number;
  readonly totalLayers: number;
  readonly threads: number;
}

/** The model that is loaded (or being loaded). */
export interface ModelInfo {
  readonly path: string;
  readonly name: string;
  readonly sizeBytes: number;
  readonly contextSize: number;
  /** True for the generated demonstration model: its output is random text. */
  readonly demo: boolean;
  /** Whether the model has fill-in-the-middle tokens (needed for inline completions). */
  readonly fim: boolean;
}

export interface StatusParams {
  readonly state: ModelState;
  readonly model?: ModelInfo;
  readonly backend?: BackendInfo;
  /** Download or load progress, 0..1, when known. */
  readonly progress?: number;
  /** A sentence for the user and what to do about it, when state is "error" or "noModel". */
  readonly message?: string;
}

/** Server → client whenever the model state changes. The client may also ask for the current one. */
export namespace StatusNotification {
  export const method = "enclave/status" as const;
  export const type = new NotificationType<StatusParams>(method);
}

/** Client → server: the current status (the same object the last notification carried). */
export namespace StatusRequest {
  export const method = "enclave/status/get" as const;
  export const type = new RequestType0<StatusParams, void>(method);
}

/** Timings of one engine request, in milliseconds. */
export interface RequestTimings {
  readonly kind: "completion" | "chat";
  readonly promptTokens: number;
  readonly promptTokensEvaluated: number;
  readonly promptTokensReused: number;
  readonly generatedTokens: number;
  readonly promptMs: number;
  readonly generationMs: number;
  readonly totalMs: number;
  readonly stopReason: StopReason;
}

export type StopReason = "maxTokens" | "eos" | "stop" | "abort" | "timeBudget";

export interface EngineMetrics {
  readonly requests: number;
  readonly aborted: number;
  readonly promptTokensEvaluated: number;
  readonly promptTokensReused: number;
  readonly generatedTokens: number;
  /** The most recent requests, newest last (at most 50). */
  readonly recent: RequestTimings[];
}

/** Each feature adds its own section (completion, shield, ...) beside the engine's. */
export interface MetricsResult {
  readonly engine: EngineMetrics;
  readonly [section: string]: unknown;
}

/** Client → server: counters since the server started. Later features add their sections. */
export namespace MetricsRequest {
  export const method = "enclave/metrics" as const;
  export const type = new RequestType0<MetricsResult, void>(method);
}

/** Client → server: reload the model (after a settings change or a download). */
export namespace ReloadModelRequest {
  export const method = "enclave/model/reload" as const;
  export const type = new RequestType0<StatusParams, void>(method);
}

/** A model Enclave can download, as offered to the user. */
export interface CatalogModel {
  readonly uri: string;
  readonly label: string;
  readonly approxBytes: number;
  readonly why: string;
}

export interface ModelCatalogResult {
  /** The best model for this machine's free VRAM, RAM and cores. */
  readonly recommended: CatalogModel;
  readonly models: CatalogModel[];
  /** Where the server looked at the hardware: "CPU, 2 cores" or the GPU's name. */
  readonly hardware: string;
}

/** Client → server: the models on offer and which one suits this machine (nothing is downloaded). */
export namespace ModelCatalogRequest {
  export const method = "enclave/model/catalog" as const;
  export const type = new RequestType0<ModelCatalogResult, void>(method);
}

/** One Shield finding; lines and columns are 0-based like LSP positions. */
export interface ShieldFinding {
  readonly ruleId: string;
  readonly cwe: string;
  readonly severity: "error" | "warning" | "info";
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface ShieldScanParams {
  readonly text: string;
  /** A VS Code language id (python, typescript, c, ...). */
  readonly languageId: string;
}

/** Client → server: scan a piece of code (a chat code block, for example) with Shield. */
export namespace ShieldScanRequest {
  export const method = "enclave/shield/scan" as const;
  export const type = new RequestType<ShieldScanParams, ShieldFinding[], void>(method);
}
