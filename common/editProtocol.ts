/**
 * The inline-edit part of the protocol (re-exported by protocol.ts, so call sites import it from
 * there): rewrite a region of an open document from an instruction, streaming the rewritten
 * region as numbered deltas like chat does, and find the region an edit or a chat block is about.
 * Kept in its own file because protocol.ts is already long; it is still one protocol.
 */
import { NotificationType, RequestType } from "vscode-languageserver-protocol";
import type { ChatRange, ProposedEdit, ShieldFinding } from "./protocol";

/** One earlier round of the same edit: what was asked and what the region became. */
export interface EditRound {
  readonly instruction: string;
  readonly text: string;
}

export interface EditStartParams {
  /** Chosen by the client; deltas and `cancel` refer to it. */
  readonly editId: string;
  /** An open document (the server reads its text from didOpen/didChange). */
  readonly uri: string;
  /** The document version the client saw; the proposal carries it back. */
  readonly version: number;
  /**
   * The region to rewrite. It is widened to whole lines. Empty or absent: the function, method,
   * class or block enclosing `position` (tree-sitter), else the cursor's line.
   */
  readonly range?: ChatRange;
  readonly position?: { readonly line: number; readonly character: number };
  /** What to change, in the user's words. For `merge`, a code block to merge into the region. */
  readonly instruction: string;
  /** Earlier rounds (a follow-up refines the latest text, not the original). */
  readonly previous?: readonly EditRound[];
  /**
   * "rewrite": follow the instruction (default). "merge": the instruction is a code block from
   * chat to merge into the region (smart Apply when no same-named definition was found).
   * "fix": the instruction is a diagnostic's message; the region is its enclosing statement.
   */
  readonly mode?: "rewrite" | "merge" | "fix";
}

/** Statistics of one edit's generation (speculative decoding shows here). */
export interface EditTimings {
  readonly promptTokens: number;
  readonly generatedTokens: number;
  /** Tokens proposed by the predictor (prompt lookup or draft model) and accepted by the model. */
  readonly acceptedDraftTokens: number;
  readonly totalMs: number;
  /** "input": prompt-lookup prediction; "draft": a draft model; "none". */
  readonly predictor: "input" | "draft" | "none";
}

export interface EditStartResult {
  readonly editId: string;
  /** The rewrite as a whole-lines replacement; absent when there is none (see `reason`). */
  readonly proposal?: ProposedEdit;
  /** The region's symbol, when the region is a named definition. */
  readonly symbol?: string;
  /**
   * Shield findings inside the rewritten lines, positioned in the document as it would be
   * with the proposal applied. Error-severity ones must be shown before Accept.
   */
  readonly findings: readonly ShieldFinding[];
  /** True when it was cancelled (a normal end: no proposal, no error). */
  readonly cancelled: boolean;
  /** Why there is no proposal, as a sentence for the user. */
  readonly reason?: string;
  /** How many delta notifications were sent, so a client knows it saw them all. */
  readonly deltas: number;
  readonly timings?: EditTimings;
}

/**
 * Client → server: rewrites a region from an instruction. Streams the rewritten region (already
 * cut out of the answer's code fence) as `enclave/edit/delta` notifications and answers with the
 * whole proposal, re-scanned by Shield. A newer start stops an older one that is still running.
 */
export namespace EditStartRequest {
  export const method = "enclave/edit/start" as const;
  export const type = new RequestType<EditStartParams, EditStartResult, void>(method);
}

export interface EditDeltaParams {
  readonly editId: string;
  /** 0, 1, 2, ... in order. */
  readonly seq: number;
  /**
   * The next complete lines of the rewritten region, each ending in "\n" (fence lines and prose
   * around the code are never sent). Concatenated, the deltas are the region so far.
   */
  readonly text: string;
}

/** Server → client: the next lines of a rewrite being generated. */
export namespace EditDeltaNotification {
  export const method = "enclave/edit/delta" as const;
  export const type = new NotificationType<EditDeltaParams>(method);
}

/** Client → server: stops a running edit; start then answers with `cancelled: true`. */
export namespace EditCancelRequest {
  export const method = "enclave/edit/cancel" as const;
  export const type = new RequestType<{ readonly editId: string }, { readonly cancelled: boolean }, void>(method);
}

export interface EditRegionParams {
  readonly uri: string;
  readonly position: { readonly line: number; readonly character: number };
  /**
   * A problem's own range (a diagnostic, a Shield finding), as reported: the answer is then the
   * statement around it, the lines an edit in mode "fix" rewrites, instead of the enclosing
   * function. The client shows its review over exactly those lines.
   */
  readonly fix?: ChatRange;
}

export interface EditRegionResult {
  /** Whole lines: start at character 0, end at the end of the last line. */
  readonly range: ChatRange;
  /** "function", "method", "class", "block", "line" (no enclosing definition) or "statement" (a fix's). */
  readonly kind: string;
  readonly symbol?: string;
}

/** Client → server: the region an edit at `position` would rewrite (shown before streaming). */
export namespace EditRegionRequest {
  export const method = "enclave/edit/region" as const;
  export const type = new RequestType<EditRegionParams, EditRegionResult, void>(method);
}

export interface EditLocateParams {
  readonly uri: string;
  /** A code block (from chat) that defines or redefines something. */
  readonly code: string;
  /** The block's language as the chat fence names it, when it does. */
  readonly languageId?: string;
}

export interface EditLocateResult {
  /** The document's function/class/method with the same name as the block's first definition. */
  readonly range: ChatRange;
  readonly symbol: string;
  readonly kind: string;
}

/**
 * Client → server: where a chat code block belongs in a document (smart Apply). Null when the
 * block defines nothing the document has; the client then asks for a `merge` edit.
 */
export namespace EditLocateRequest {
  export const method = "enclave/edit/locate" as const;
  export const type = new RequestType<EditLocateParams, EditLocateResult | null, void>(method);
}
