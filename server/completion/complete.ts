import type { Engine, GenerateResult } from "../engine/types";
import type { EnclaveSettings } from "../settings";
import { buildFimPrompt } from "./fimPrompt";

export interface CompletionOutcome {
  /** The text to insert at the cursor; empty when there is nothing to show. */
  readonly text: string;
  readonly result?: GenerateResult;
  /** Why nothing is shown, for logs ("aborted", "model has no FIM tokens", ...). */
  readonly reason?: string;
}

/**
 * Completes the document at `offset` with the model's fill-in-the-middle tokens. Both the
 * language server and `enclave complete` call this, so the CLI shows exactly what the editor
 * would. Aborting returns an empty outcome, never an error.
 */
export async function completeAt(engine: Engine, text: string, offset: number, settings: EnclaveSettings, signal?: AbortSignal): Promise<CompletionOutcome> {
  if (!engine.model.fim) return { text: "", reason: `the model ${engine.model.name} has no fill-in-the-middle tokens` };
  const { prompt, lineSuffix } = buildFimPrompt(text, offset);
  // With text right of the cursor the model fills in one line; on an empty line rest it may write a block.
  const stop = lineSuffix.trim() ? ["\n"] : ["\n\n\n"];
  const result = await engine.generate({
    sequence: "completion", prompt, signal, stop,
    maxTokens: settings["completion.maxTokens"],
    temperature: settings["completion.temperature"],
    newlineTimeBudgetMs: 1500,
  });
  if (result.stopReason === "abort") return { text: "", result, reason: "aborted" };
  const cleaned = result.text.replace(/\s+$/u, "");
  return { text: cleaned, result };
}
