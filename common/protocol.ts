/**
 * THE protocol between the Enclave language server and its clients (the VS Code extension,
 * other editors, tests). Standard LSP messages are used where they exist; everything custom
 * lives here, named `enclave/<area>/<verb>`, one namespace per message. Call sites import these
 * namespaces and never spell a method string.
 */
import { NotificationType, NotificationType0, RequestType, RequestType0 } from "vscode-languageserver-protocol";
import type { ChatCommand } from "./slashCommand";

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
  /**
   * Set when the engine is remote: the model runs on that server, not on this machine. `route`
   * says how the server was recognised and which endpoints prompts take (the status tooltip).
   */
  readonly remote?: { readonly url: string; readonly server: string; readonly route?: string };
  /** What speeds up inline edits in the local engine: "prompt lookup" or "draft model <name>". */
  readonly editPredictor?: string;
}

/** The model that is loaded (or being loaded). */
export interface ModelInfo {
  readonly path: string;
  readonly name: string;
  readonly sizeBytes: number;
  readonly contextSize: number;
  /** True for a generated demonstration model (its output is random or scripted text, not a real model). */
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
  /** A sentence for the user and what to do about it, when state is "error" or "noModel" (or a warning when "ready": a refused draft model). */
  readonly message?: string;
  /** Set when the error is a failed download: it is not retried by itself, only when asked (ReloadModelRequest). */
  readonly retryable?: boolean;
  /** The server's process id, so a client can find its server without reaching into its transport. */
  readonly pid?: number;
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

/** What one generation evaluated, reused and produced, and how long its stages took (ms). */
export interface GenerationCounts {
  readonly stopReason: StopReason;
  readonly promptTokens: number;
  readonly promptTokensEvaluated: number;
  readonly promptTokensReused: number;
  readonly generatedTokens: number;
  readonly promptMs: number;
  readonly generationMs: number;
}

/** Timings of one engine request, in milliseconds. */
export interface RequestTimings extends GenerationCounts {
  readonly kind: "completion" | "chat" | "edit";
  readonly totalMs: number;
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

/** The chat section of `enclave/metrics`. */
export interface ChatMetricsSnapshot {
  readonly turns: number;
  readonly aborted: number;
  /** User messages left out of context windows, over all conversations. */
  readonly droppedTurns: number;
  readonly cutAttachments: number;
  readonly last?: { readonly usage?: ChatUsage; readonly timings?: ChatTimings; readonly stopReason?: string };
}

/** The network section of `enclave/metrics`: the egress guard's counters and its policy. */
export interface NetworkMetrics {
  readonly allowed: number;
  readonly refused: number;
  readonly violations: number;
  readonly policy: import("./networkTypes").EgressPolicy;
}

/**
 * The sections features add to `enclave/metrics` (server/metricsRegistry.ts), each typed; a
 * feature that is not running leaves its section out. The engine's is always there.
 */
export interface MetricsSections {
  readonly completion: CompletionMetrics & { readonly snoozedUntil: number | null };
  readonly chat: ChatMetricsSnapshot;
  readonly network: NetworkMetrics;
}

export interface MetricsResult extends Partial<MetricsSections> {
  readonly engine: EngineMetrics;
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
  /** The primary CWE (Code Shield's, where the rule ports one of its rules). */
  readonly cwe: string;
  /** Further CWEs the rule names (Enclave's judgement where it differs from Code Shield's). */
  readonly alsoCwe?: string[];
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

export interface ShieldScanWorkspaceParams {
  /** Folder paths (not URIs) to scan; .gitignore files, dependency and VCS folders are respected. */
  readonly folders: readonly string[];
  /** LSP work-done progress token: the server reports "n of m files" through it. */
  readonly workDoneToken?: string | number;
}

export interface ShieldScanWorkspaceResult {
  readonly files: number;
  readonly findings: number;
  /** Files that carry at least one finding (their diagnostics were published). */
  readonly filesWithFindings: number;
  /** True when the scan was cancelled; what was found until then is still published. */
  readonly cancelled: boolean;
}

/**
 * Client → server: scan every source file of the workspace folders and publish the findings as
 * diagnostics (the Problems panel), with progress; cancellable with the request's token.
 */
export namespace ShieldScanWorkspaceRequest {
  export const method = "enclave/shield/scanWorkspace" as const;
  export const type = new RequestType<ShieldScanWorkspaceParams, ShieldScanWorkspaceResult, void>(method);
}

/** Arguments of the "Fix with Enclave" code action's command (what the client passes back). */
export interface ShieldFixWithModelArgs {
  readonly uri: string;
  /** The finding's range in the document. */
  readonly range: ChatRange;
  readonly ruleId: string;
  readonly cwe: string;
  /** The finding's short title, used as the model's instruction. */
  readonly message: string;
}

/** The `source` of Shield's diagnostics; the client offers its own "Fix with Enclave" for every other source. */
export const shieldDiagnosticSource = "Enclave Shield";

/**
 * The client-side command a "Fix with Enclave" code action runs: an inline edit in mode "fix"
 * with the finding as the instruction (`EditStartRequest`), reviewed in place.
 */
export namespace ShieldFixWithModelCommand {
  export const command = "enclave.shield.fixWithModel" as const;
}

/** A proposed rewrite of part of a document, reviewed as a diff before it is applied. */
export interface ProposedEdit {
  readonly uri: string;
  /** The document version the proposal was made for; a newer version makes it stale. */
  readonly version: number;
  /** The lines replaced (whole lines, 0-based, end exclusive at character 0 of the next line or end of text). */
  readonly range: ChatRange;
  readonly originalText: string;
  readonly newText: string;
}

export interface ShieldFixWithModelResult {
  /** Absent when there is no proposal (cancelled, no model, or the model's answer was unusable). */
  readonly proposal?: ProposedEdit;
  /** Shield findings left in the document if the proposal is applied, within the rewritten lines. */
  readonly remaining: readonly ShieldFinding[];
  /** Why there is no proposal, as a sentence for the user. */
  readonly reason?: string;
}

/**
 * Client → server: ask the model to rewrite the statement(s) around a finding with the finding
 * as the instruction; the answer is re-scanned. Cancelling the request aborts the generation.
 */
export namespace ShieldFixWithModelRequest {
  export const method = "enclave/shield/fixWithModel" as const;
  export const type = new RequestType<ShieldFixWithModelArgs, ShieldFixWithModelResult, void>(method);
}

// ---------------------------------------------------------------------------------------------
// Chat (`enclave/chat/*`). The server holds the live conversations in memory and runs them on
// the model's chat sequence; a client that wants history across restarts persists what `send`
// returns and hands it back with `restore`. Streaming text arrives as `enclave/chat/delta`
// notifications keyed by the request id the client chose, always before the `send` answer.
// ---------------------------------------------------------------------------------------------

/** The slash commands a chat message may start with (`/explain`, `/fix`, ...). */
/** The chat's slash commands are defined beside their parser (common/slashCommand.ts). */
export type { ChatCommand };

/** A 0-based range, the same shape as an LSP Range. */
export interface ChatRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/** Something attached to a chat message: the selection, a whole file, or problems in the code. */
export interface ChatContextItem {
  readonly kind: "selection" | "file" | "problems";
  /** What the user sees on the chip, such as `app.py:3-10`, `app.py` or `2 problems`. */
  readonly label: string;
  readonly uri?: string;
  readonly languageId?: string;
  readonly range?: ChatRange;
  /** What the model reads: code for a selection or file, one problem per line for problems. */
  readonly text: string;
}

/** Tokens of one chat turn; the context window is the chat sequence's. */
export interface ChatUsage {
  readonly promptTokens: number;
  readonly promptTokensEvaluated: number;
  readonly promptTokensReused: number;
  readonly generatedTokens: number;
  readonly contextSize: number;
}

/** Milliseconds spent on one chat turn; firstTextMs is when the first delta was sent. */
export interface ChatTimings {
  readonly promptMs: number;
  readonly generationMs: number;
  readonly totalMs: number;
  readonly firstTextMs?: number;
}

/** One message of a conversation as the server keeps it and clients persist it. */
export interface ChatMessageRecord {
  readonly id: string;
  readonly role: "user" | "assistant";
  /** The user's words (without the slash command), or the assistant's markdown answer. */
  readonly text: string;
  readonly command?: ChatCommand;
  /** Attachments of a user message, already cut to fit the context window. */
  readonly context?: readonly ChatContextItem[];
  readonly createdAt: number;
  /** How an assistant message ended: "abort" when the user stopped it. */
  readonly stopReason?: StopReason;
  readonly usage?: ChatUsage;
  readonly timings?: ChatTimings;
  /**
   * On a user message that asked the codebase (`@workspace` or the "Search codebase" toggle):
   * the chunks the search found and the prompt carried, best first.
   */
  readonly sources?: readonly ChatSource[];
}

/** A chunk of a workspace file that a chat message carried to the model (1-based, inclusive lines). */
export interface ChatSource {
  /** Relative to its workspace folder, with forward slashes (after the folder's name when the workspace has several): what the model cites. */
  readonly path: string;
  readonly uri: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly symbol: string | null;
  /** The lines as the model read them. */
  readonly text: string;
}

export interface ChatConversationSummary {
  readonly id: string;
  readonly title: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly messageCount: number;
}

export interface ChatConversation extends ChatConversationSummary {
  readonly messages: readonly ChatMessageRecord[];
  /**
   * Messages before this index no longer fit the context window: prompts leave them out and
   * mention their questions in one line instead. It only moves forward.
   */
  readonly firstInContext: number;
}

export interface ChatSendParams {
  /** Chosen by the client; deltas and `cancel` refer to it. */
  readonly requestId: string;
  /** Absent: start a new conversation. Unknown to the server: error `ChatErrors.unknownConversation`. */
  readonly conversationId?: string;
  /** What the user typed, possibly starting with a slash command. */
  readonly text: string;
  readonly context?: readonly ChatContextItem[];
  /** Search the codebase for this message, as `@workspace` in `text` also asks (the context bar's toggle). */
  readonly searchWorkspace?: boolean;
}

export interface ChatSendResult {
  readonly requestId: string;
  readonly conversationId: string;
  readonly title: string;
  readonly firstInContext: number;
  /** The user's message as stored (absent after `/clear`). */
  readonly user?: ChatMessageRecord;
  /** The answer; stopReason "abort" when it was cancelled, which is a normal end. */
  readonly assistant?: ChatMessageRecord;
  /** True after `/clear`: conversationId names a new, empty conversation. */
  readonly cleared?: boolean;
  /** Sentences for the user: turns left out of the context window, attachments that were cut. */
  readonly notices: readonly string[];
  /** How many delta notifications were sent for this request, so a client knows it saw them all. */
  readonly deltas: number;
  /**
   * Set when a code block of the streamed answer had an error-severity Shield finding and the
   * answer returned here carries the model's rewrite of that block (enclave.shield.chatRepair).
   */
  readonly repaired?: ChatRepairNote;
}

/** Which block of a chat answer the secure generation loop rewrote, and why (1-based numbers). */
export interface ChatRepairNote {
  readonly block: number;
  readonly line: number;
  readonly ruleId: string;
  readonly cwe: string;
  /** The finding's short title. */
  readonly message: string;
}

/** Error codes of chat requests (JSON-RPC application codes). */
export namespace ChatErrors {
  /** The server does not hold that conversation (it restarted): `restore` it and send again. */
  export const unknownConversation = 4101;
  /** No model is loaded; the message says why and what to do. */
  export const noModel = 4102;
}

/**
 * Client → server: answers a message in a conversation (or starts one), streaming the answer as
 * `enclave/chat/delta` notifications. A newer send stops an older one that is still running.
 */
export namespace ChatSendRequest {
  export const method = "enclave/chat/send" as const;
  export const type = new RequestType<ChatSendParams, ChatSendResult, void>(method);
}

export interface ChatDeltaParams {
  readonly requestId: string;
  /** 0, 1, 2, ... in the order the pieces were generated. */
  readonly seq: number;
  readonly text: string;
}

/** Server → client: the next piece of an answer being generated. */
export namespace ChatDeltaNotification {
  export const method = "enclave/chat/delta" as const;
  export const type = new NotificationType<ChatDeltaParams>(method);
}

/**
 * Client → server: stops a running send; the send then answers normally with what was
 * generated so far and stopReason "abort". `cancelled` is false when nothing was running.
 */
export namespace ChatCancelRequest {
  export const method = "enclave/chat/cancel" as const;
  export const type = new RequestType<{ readonly requestId: string }, { readonly cancelled: boolean }, void>(method);
}

/** Client → server: the conversations the server holds, most recently updated first. */
export namespace ChatListRequest {
  export const method = "enclave/chat/list" as const;
  export const type = new RequestType0<ChatConversationSummary[], void>(method);
}

/** Client → server: one conversation with all its messages, or null when unknown. */
export namespace ChatLoadRequest {
  export const method = "enclave/chat/load" as const;
  export const type = new RequestType<{ readonly conversationId: string }, ChatConversation | null, void>(method);
}

/** Client → server: hands back a conversation the client persisted, replacing any copy with its id. */
export namespace ChatRestoreRequest {
  export const method = "enclave/chat/restore" as const;
  export const type = new RequestType<{ readonly conversation: ChatConversation }, ChatConversationSummary, void>(method);
}

/** Client → server: renames a conversation; false when it is unknown. */
export namespace ChatRenameRequest {
  export const method = "enclave/chat/rename" as const;
  export const type = new RequestType<{ readonly conversationId: string; readonly title: string }, boolean, void>(method);
}

/** Client → server: forgets a conversation; false when it was unknown. */
export namespace ChatDeleteRequest {
  export const method = "enclave/chat/delete" as const;
  export const type = new RequestType<{ readonly conversationId: string }, boolean, void>(method);
}

/** Where a shown inline completion came from. */
export type CompletionSource = "model" | "cache" | "typedAhead" | "prefetch";

/** The stages of one inline completion request, in milliseconds and tokens. */
export interface CompletionTimings extends Omit<GenerationCounts, "stopReason"> {
  readonly source: CompletionSource;
  /** Waiting for typing to pause (adaptive debounce). */
  readonly debounceMs: number;
  /** Syntax, windows, extra context and the prompt's layout. */
  readonly contextMs: number;
  readonly postprocessMs: number;
  readonly shieldMs: number;
  readonly totalMs: number;
  /** Suggestions returned (after post-processing and the Shield gate). */
  readonly candidates: number;
}

/** A Shield finding in a suggestion, as the status bar reports it. */
export interface CompletionShieldNote {
  readonly ruleId: string;
  readonly cwe: string;
  readonly severity: "error" | "warning" | "info";
  readonly message: string;
}

export interface CompletionStatsParams {
  /** The stages of the completion just answered (absent when nothing was generated). */
  readonly timings?: CompletionTimings;
  /** Set when Shield held back a suggestion (enclave.shield.completions = block). */
  readonly heldBack?: CompletionShieldNote;
  /** Set when a shown suggestion has a Shield finding (warn mode, or a warning in block mode). */
  readonly warning?: CompletionShieldNote;
  /**
   * Set when the model's first suggestion had this error-severity finding and the suggestion
   * shown is the model's second answer, written with the finding as feedback.
   */
  readonly repaired?: CompletionShieldNote;
  /** Why inline completion cannot work right now (a model without FIM tokens, say). */
  readonly problem?: string;
}

/** Server → client after each inline completion: its stages and any Shield verdict, for the status bar. */
export namespace CompletionStatsNotification {
  export const method = "enclave/completion/stats" as const;
  export const type = new NotificationType<CompletionStatsParams>(method);
}

export interface CompletionSnoozeParams {
  /** Minutes to pause automatic completions; 0 resumes them now. */
  readonly minutes: number;
}

export interface CompletionSnoozeResult {
  /** When automatic completions resume (epoch ms), or null when they are not snoozed. */
  readonly until: number | null;
}

/**
 * Client → server: pause automatic inline completions for a while (explicit requests, such as
 * Alt+], are still answered). Answers when they resume.
 */
export namespace CompletionSnoozeRequest {
  export const method = "enclave/completion/snooze" as const;
  export const type = new RequestType<CompletionSnoozeParams, CompletionSnoozeResult, void>(method);
}

/** Arguments of the accepted-completion command, which the server puts on every item it returns. */
export interface CompletionAcceptedArgs {
  readonly uri: string;
  /** The suggestion that was inserted and the position where its text ends. */
  readonly text: string;
  readonly line: number;
  readonly character: number;
}

/**
 * The `workspace/executeCommand` command an inline completion item runs when it is accepted
 * (LSP `InlineCompletionItem.command`); VS Code's language client forwards it to the server
 * by itself, and the server uses it to count acceptances and prefetch what follows.
 */
export namespace CompletionAcceptedCommand {
  export const command = "enclave.completion.accepted" as const;
}

/** Median and 95th percentile of one stage over recent completions. */
export interface StagePercentiles {
  readonly p50: number;
  readonly p95: number;
}

/** The `completion` section of `enclave/metrics`. */
export interface CompletionMetrics {
  readonly requests: number;
  /** Answers by where they came from; `typedAhead` are cache hits after typing into a suggestion. */
  readonly served: Readonly<Record<CompletionSource, number>>;
  readonly empty: number;
  readonly aborted: number;
  /** Engine generations for requests (prefetches are counted apart). */
  readonly modelCalls: number;
  readonly prefetches: number;
  readonly accepted: number;
  readonly heldBack: number;
  /** Suggestions shown after Shield's feedback made the model rewrite them. */
  readonly repaired?: number;
  /** Share of cache lookups answered without the model (exact, typed-ahead or prefetched). */
  readonly cacheHitRate: number;
  readonly last?: CompletionTimings;
  /** Per stage, over the most recent model-backed completions; `answerMs` over every shown one. */
  readonly stages: Readonly<Record<string, StagePercentiles>>;
}

// ---------------------------------------------------------------------------------------------
// Network (`enclave/network/*`, `enclave/remote/*`): the egress audit, and the remote engine's
// API key, which lives in the client's secret storage and never in settings or logs.
// ---------------------------------------------------------------------------------------------

export interface NetworkAuditParams {
  /** How many of the newest entries to return (default 200). */
  readonly last?: number;
}

export interface NetworkAuditResult {
  /** The per-user audit file every Enclave process appends to. */
  readonly file: string;
  /** One sentence: how many connections went to this machine, to other hosts, and how many were refused. */
  readonly summary: string;
  /** The audit as a plain-text table, ready to show. */
  readonly text: string;
  readonly entries: import("./networkTypes").AuditEntry[];
  /** The policy in force in this server: hosts granted by settings in use, and enclave.network.allowedHosts. */
  readonly policy: import("./networkTypes").EgressPolicy;
}

/** Client → server: the network audit ("Enclave: Show Network Audit"). */
export namespace NetworkAuditRequest {
  export const method = "enclave/network/audit" as const;
  export const type = new RequestType<NetworkAuditParams, NetworkAuditResult, void>(method);
}

export interface RemoteApiKeyResult {
  /** Absent when the user has not set one. */
  readonly apiKey?: string;
}

/** Server → client: the remote engine's API key, asked for each time the server connects to it. */
export namespace RemoteApiKeyRequest {
  export const method = "enclave/remote/apiKey" as const;
  export const type = new RequestType0<RemoteApiKeyResult, void>(method);
}

/** Client → server: the key was set or cleared; a remote engine reconnects with the new one. */
export namespace RemoteApiKeyChangedNotification {
  export const method = "enclave/remote/apiKeyChanged" as const;
  export const type = new NotificationType0(method);
}
export * from "./editProtocol";
export * from "./indexProtocol";
export * from "./nextEditProtocol";
