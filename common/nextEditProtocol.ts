/**
 * The next-edit part of the protocol (re-exported by protocol.ts, so call sites import it from
 * there): after a pause in editing, the client asks where the user's next edit will be and what
 * it is. Client-driven on purpose: the client knows the pause, the cursor and what is on screen,
 * and an LSP client of any editor can ask at the moment that suits its UI.
 */
import { RequestType } from "vscode-languageserver-protocol";
import type { ChatRange, ShieldFinding } from "./protocol";

export interface NextEditPredictParams {
  readonly uri: string;
  /** The document version the client sees; a prediction for an older one is dropped. */
  readonly version: number;
  readonly position: { readonly line: number; readonly character: number };
}

/** One text replacement (0-based; `range.end` exclusive, like LSP's TextEdit). */
export interface NextEditChange {
  readonly range: ChatRange;
  readonly newText: string;
}

export interface NextEditSuggestion {
  /** The edits, in document order, for the version asked about; at least one. */
  readonly edits: readonly NextEditChange[];
  /** True when the first edit is on the cursor's line (shown in place as ghost text). */
  readonly atCursor: boolean;
  /** Shield findings in the edited lines as they would be (error ones block the suggestion). */
  readonly findings: readonly ShieldFinding[];
}

export interface NextEditTimings {
  /** Which prompt format was used: "sweep", "zeta" or "instruct". */
  readonly format: string;
  readonly promptTokens: number;
  /** Prompt tokens the model had to evaluate (the rest came from its KV cache). */
  readonly promptTokensEvaluated: number;
  readonly generatedTokens: number;
  readonly totalMs: number;
}

export interface NextEditPredictResult {
  readonly uri: string;
  readonly version: number;
  /** Absent when there is nothing to suggest; `reason` then says why (for logs and tests). */
  readonly suggestion?: NextEditSuggestion;
  readonly reason?: string;
  readonly timings?: NextEditTimings;
}

/**
 * Client → server: predicts the next edit around `position` from the user's recent edits.
 * Cancelling the request (the user typed again) aborts the model; the answer is then empty.
 */
export namespace NextEditPredictRequest {
  export const method = "enclave/nextEdit/predict" as const;
  export const type = new RequestType<NextEditPredictParams, NextEditPredictResult, void>(method);
}

/**
 * The next-edit model Enclave recommends: Sweep's next-edit 1.5B (Qwen2.5-Coder based, trained for
 * the `original/`/`current/`/`updated/` format in nextEditFormats.ts), as its authors' Q8_0 GGUF.
 * The file name is the one its Hugging Face page lists; it cannot be fetched from this machine, so
 * it is not verified here. Downloaded only after the user agrees (src/recommendedModels.ts).
 */
export const RECOMMENDED_NEXT_EDIT_MODEL = {
  label: "Sweep Next-Edit 1.5B (Q8_0)",
  uri: "hf:sweepai/sweep-next-edit-1.5B/sweep-next-edit-1.5b.q8_0.v2.gguf",
  approxBytes: 1.65e9,
} as const;
