/**
 * The models Enclave recommends beside the completion model — one to predict next edits, one to
 * embed the codebase index — each downloaded only after the user agrees: a modal names the
 * model, its size and the host (askToDownload), and only "Download" writes the setting (an hf: URI), which the
 * server then downloads in the background with the same resumable, checksummed download as
 * `enclave.model`. Declining changes nothing and contacts nobody.
 */
import * as vscode from "vscode";
import { RECOMMENDED_EMBEDDING_MODEL, RECOMMENDED_NEXT_EDIT_MODEL } from "../common/protocol";
import { SECTION } from "./config";
import type { EnclaveContext } from "./ctx";
import { askToDownload } from "./downloadConsent";

interface Offer {
  readonly model: { readonly label: string; readonly uri: string; readonly approxBytes: number };
  /** What the model is for, finishing "Download … for …?". */
  readonly purpose: string;
  readonly detail: string;
  /** Settings written once the user agrees. */
  readonly settings: ReadonlyArray<readonly [string, unknown]>;
}

async function offer(ctx: EnclaveContext, { model, purpose, detail, settings }: Offer): Promise<boolean> {
  if (!(await askToDownload(model, detail, purpose))) return false;
  ctx.log.info(`Downloading ${model.uri} for ${purpose} on the user's request.`);
  const config = vscode.workspace.getConfiguration(SECTION);
  for (const [key, value] of settings) await config.update(key, value, vscode.ConfigurationTarget.Global);
  return true;
}

/** "Enclave: Use the Recommended Next-Edit Model": sets it and turns next edit on. */
export function useRecommendedNextEditModel(ctx: EnclaveContext): Promise<boolean> {
  return offer(ctx, {
    model: RECOMMENDED_NEXT_EDIT_MODEL,
    purpose: "next-edit suggestions",
    detail: "A model trained to predict your next edit. It then runs on this machine, beside the completion model; no code leaves it.",
    settings: [["nextEdit.model", RECOMMENDED_NEXT_EDIT_MODEL.uri], ["nextEdit.enable", true]],
  });
}

/** "Enclave: Use the Recommended Embedding Model": semantic search in the codebase index. */
export function useRecommendedEmbeddingModel(ctx: EnclaveContext): Promise<boolean> {
  return offer(ctx, {
    model: RECOMMENDED_EMBEDDING_MODEL,
    purpose: "searching the codebase by meaning",
    detail: "The codebase index then embeds each chunk on this machine, in the background, beside keyword search; no code leaves it.",
    settings: [["embeddingModel", RECOMMENDED_EMBEDDING_MODEL.uri]],
  });
}
