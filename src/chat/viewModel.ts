/**
 * Turns what the server and the history hold into what the webview shows: messages with their
 * small print, and the model status line. Pure functions, no VS Code API.
 */
import type { BlockScan, ModelState, ViewMessage, ViewSource } from "../../media/chat/messages";
import { describeBackend } from "../../common/describeBackend";
import type { ChatMessageRecord, ChatSource, StatusParams } from "../../common/protocol";

/** `sources`: what the question of this message (or the message itself, for a question) sent from the workspace. */
export function toViewMessage(record: ChatMessageRecord, scans?: Record<number, BlockScan>, notices?: readonly string[], sources?: readonly ChatSource[]): ViewMessage {
  const shown: ViewSource[] = (sources ?? []).map((s) => ({ path: s.path, startLine: s.startLine, endLine: s.endLine, symbol: s.symbol, text: s.text }));
  const withSources = shown.length ? { sources: shown } : {};
  if (record.role === "user") {
    return {
      id: record.id, role: "user", text: record.text, scans: scans ?? {},
      ...(record.command ? { command: record.command } : {}),
      attachments: (record.context ?? []).map((c) => c.label), ...withSources,
    };
  }
  const stopped = record.stopReason === "abort" ? ["Stopped."] : [];
  return {
    id: record.id, role: "assistant", text: record.text, scans: scans ?? {}, ...withSources,
    notices: [...stopped, ...(notices ?? [])], ...(footerOf(record) ? { footer: footerOf(record) } : {}),
  };
}

/** "48 tokens, 31 tokens/s · prompt 812 tokens (790 cached) of 4096 · 2.1 s" */
export function footerOf(record: ChatMessageRecord): string | undefined {
  const u = record.usage;
  const t = record.timings;
  if (!u || !t) return undefined;
  const speed = t.generationMs > 0 ? `, ${Math.round((u.generatedTokens * 1000) / t.generationMs)} tokens/s` : "";
  return `${u.generatedTokens} tokens${speed} · prompt ${u.promptTokens} tokens (${u.promptTokensReused} cached) of ${u.contextSize} · ${(t.totalMs / 1000).toFixed(1)} s`;
}

/** The status line under the transcript: which model, where it runs, and whether it is ready. */
export function statusLine(status: StatusParams): { state: ModelState; text: string } {
  switch (status.state) {
    case "ready": {
      const demo = status.model?.demo ? " (demo model: not a real model)" : "";
      return { state: "ready", text: `${status.model?.name ?? "model"}${demo} · ${describeBackend(status.backend)} · ${status.backend?.remote ? `prompts go to ${status.backend.remote.url}` : "on this machine"}` };
    }
    case "noModel": return { state: "noModel", text: "No model is configured." };
    case "error": return { state: "error", text: status.message ?? "The model could not be loaded." };
    case "downloading":
    case "loading": {
      const percent = status.progress !== undefined ? ` ${Math.round(status.progress * 100)}%` : "";
      return { state: status.state, text: `${status.state === "loading" ? "Loading" : "Downloading"} the model${percent}…` };
    }
    default: return { state: "starting", text: "Starting…" };
  }
}
