/**
 * The protocol between the extension host and the chat webview: one typed map per direction.
 * The webview knows nothing of the language server; the host translates between the two.
 */

/** A Shield finding as shown under a code block; `line` is 1-based within the block. */
export interface BlockFinding {
  readonly ruleId: string;
  readonly cwe: string;
  readonly severity: "error" | "warning" | "info";
  readonly message: string;
  readonly line: number;
}

/** What Shield said about one code block. */
export interface BlockScan {
  readonly state: "pending" | "clean" | "findings" | "unavailable";
  readonly findings: readonly BlockFinding[];
  /** Why the block was not scanned, when state is "unavailable". */
  readonly note?: string;
}

/** A chunk of a workspace file that a message carried to the model (1-based, inclusive lines). */
export interface ViewSource {
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly symbol: string | null;
  readonly text: string;
}

/** One message as the webview shows it. */
export interface ViewMessage {
  readonly id: string;
  readonly role: "user" | "assistant";
  /** Markdown for the assistant; the user's words otherwise. */
  readonly text: string;
  readonly command?: string;
  /** Labels of what was attached (`app.py:3-10`, `2 problems`). */
  readonly attachments?: readonly string[];
  readonly streaming?: boolean;
  /** Token counts and speed, shown small under an answer. */
  readonly footer?: string;
  readonly notices?: readonly string[];
  readonly error?: string;
  /** Shield results by code block index. */
  readonly scans?: Readonly<Record<number, BlockScan>>;
  /**
   * What a workspace search sent with the question: on the user message (shown as the
   * @workspace badge) and on its answer (whose citations of them become links, and which lists them).
   */
  readonly sources?: readonly ViewSource[];
}

/** One chip of the context bar. */
export interface ContextChip {
  readonly id: string;
  readonly kind: "selection" | "file" | "problems";
  readonly label: string;
  /** A longer description for the tooltip and screen readers. */
  readonly detail: string;
}

export interface HistoryEntry {
  readonly id: string;
  readonly title: string;
  readonly updatedAt: number;
  readonly messageCount: number;
  readonly current: boolean;
}

export type ModelState = "starting" | "noModel" | "downloading" | "loading" | "ready" | "error";

/** Host → webview, keyed by `type`. */
export interface HostToWebview {
  /** Replaces the whole transcript (after opening, clearing or restoring a conversation). */
  conversation: { readonly title: string; readonly messages: readonly ViewMessage[] };
  /** Adds a message, or replaces the one with the same id. */
  message: { readonly message: ViewMessage };
  /** Appends streamed text to a message that is being generated. */
  delta: { readonly messageId: string; readonly text: string };
  /** Shield's verdict on one code block. */
  scan: { readonly messageId: string; readonly blockIndex: number; readonly scan: BlockScan };
  history: { readonly entries: readonly HistoryEntry[] };
  context: { readonly chips: readonly ContextChip[] };
  status: { readonly state: ModelState; readonly text: string };
  busy: { readonly busy: boolean };
  /** Puts text in the input box and focuses it. */
  prefill: { readonly text: string };
  /** A transient line under the transcript ("Copied", "Inserted into app.py"). */
  toast: { readonly text: string };
  /** Opens the list of conversations. */
  showHistory: NoFields;
}

/** A message that carries nothing but its type. */
export type NoFields = {};

export type CodeAction = "copy" | "insert" | "apply" | "newFile";

/** Webview → host, keyed by `type`. */
export interface WebviewToHost {
  ready: NoFields;
  /** `searchWorkspace`: the context bar's "Search codebase" toggle is on. */
  send: { readonly text: string; readonly searchWorkspace?: boolean };
  stop: NoFields;
  newChat: NoFields;
  openConversation: { readonly id: string };
  renameConversation: { readonly id: string };
  deleteConversation: { readonly id: string };
  removeContext: { readonly id: string };
  addFile: NoFields;
  selectModel: NoFields;
  codeAction: { readonly action: CodeAction; readonly messageId: string; readonly blockIndex: number };
  /** A citation or source was clicked: open the file of the message's source with this path at these lines. */
  openSource: { readonly messageId: string; readonly path: string; readonly startLine: number; readonly endLine: number };
}

/** A message of a map as it travels: its key in `type`, its fields beside it. */
export type MessageOf<Map> = { [K in keyof Map]: { readonly type: K } & Map[K] }[keyof Map];
export type HostMessage = MessageOf<HostToWebview>;
export type WebviewMessage = MessageOf<WebviewToHost>;
