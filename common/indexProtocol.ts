/**
 * The codebase index's messages (`enclave/index/*`), re-exported by protocol.ts. The index is
 * built and kept by the server; clients see its state, ask it to walk again, and search it.
 */
import { NotificationType, RequestType, RequestType0 } from "vscode-languageserver-protocol";

export type IndexState = "off" | "indexing" | "ready" | "cancelled" | "error";
/** `off`: no embedding model is set, so search is by keywords alone. */
export type EmbeddingState = "off" | "downloading" | "loading" | "embedding" | "ready" | "error";

export interface IndexStatusParams {
  readonly state: IndexState;
  /** Files and chunks indexed, and how many chunks have a vector. */
  readonly files: number;
  readonly chunks: number;
  readonly embedded: number;
  readonly embeddings: EmbeddingState;
  /** The embedding model's name once loaded. */
  readonly embeddingModel?: string;
  /** One sentence for the user: what the index holds, how it searches, what is wrong. */
  readonly message: string;
}

/** Server → client whenever the index's state changes. */
export namespace IndexStatusNotification {
  export const method = "enclave/index/status" as const;
  export const type = new NotificationType<IndexStatusParams>(method);
}

/** Client → server: the current index status (what the last notification carried). */
export namespace IndexStatusRequest {
  export const method = "enclave/index/status/get" as const;
  export const type = new RequestType0<IndexStatusParams, void>(method);
}

/** Client → server: walk the workspace again now (after a cancel, or to catch changes made outside the editor). */
export namespace IndexRefreshRequest {
  export const method = "enclave/index/refresh" as const;
  export const type = new RequestType0<IndexStatusParams, void>(method);
}

export interface IndexSearchParams {
  readonly query: string;
  /** How many chunks; 10 unless said otherwise. */
  readonly top?: number;
}

/** A chunk found, lines 1-based and inclusive, with the text it has on disk now. */
export interface IndexHit {
  /** Relative to the chunk's workspace folder (a multi-root workspace has several): `uri` names the file. */
  readonly path: string;
  readonly uri: string;
  /** The path as chat shows and cites it: prefixed by the folder's name when the workspace has several. */
  readonly label: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly symbol: string | null;
  readonly kind: string;
  readonly text: string;
  readonly score: number;
}

/** Client → server: the best chunks for a query (keyword, vector and recency rankings fused). Empty while no index exists. */
export namespace IndexSearchRequest {
  export const method = "enclave/index/search" as const;
  export const type = new RequestType<IndexSearchParams, IndexHit[], void>(method);
}

/**
 * The embedding model Enclave recommends for the codebase index: Qwen3-Embedding-0.6B as Q8_0
 * GGUF (strong on code retrieval for its size). Its file name is the one its Hugging Face page
 * lists; it cannot be fetched from this machine, so it is not verified here. Downloaded only
 * after the user agrees (src/recommendedModels.ts).
 */
export const RECOMMENDED_EMBEDDING_MODEL = {
  label: "Qwen3-Embedding-0.6B (Q8_0)",
  uri: "hf:Qwen/Qwen3-Embedding-0.6B-GGUF/Qwen3-Embedding-0.6B-Q8_0.gguf",
  approxBytes: 0.64e9,
} as const;
