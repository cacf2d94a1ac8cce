/**
 * "Enclave: Use the Recommended Next-Edit Model": asks before anything is downloaded (size and
 * host shown), then sets `enclave.nextEdit.model` to the model's hf: URI and turns next edit on;
 * the server downloads it in the background and predicts with the completion model's generic
 * format until it is ready. Declining changes nothing and contacts nobody.
 */
import * as vscode from "vscode";
import { RECOMMENDED_NEXT_EDIT_MODEL } from "../../common/protocol";
import { SECTION } from "../config";
import type { EnclaveContext } from "../ctx";

export async function useRecommendedNextEditModel(ctx: EnclaveContext): Promise<boolean> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const endpoint = config.get<string>("huggingFaceEndpoint") || "https://huggingface.co";
  const model = RECOMMENDED_NEXT_EDIT_MODEL;
  const choice = await vscode.window.showInformationMessage(
    `Download ${model.label} (about ${(model.approxBytes / 1e9).toFixed(1)} GB) from ${new URL(endpoint).host} for next-edit suggestions?`,
    { modal: true, detail: "A model trained to predict your next edit. It then runs on this machine, beside the completion model; no code leaves it." },
    "Download",
  );
  if (choice !== "Download") return false;
  ctx.log.info(`Next edit: downloading ${model.uri} on the user's request.`);
  await config.update("nextEdit.model", model.uri, vscode.ConfigurationTarget.Global);
  await config.update("nextEdit.enable", true, vscode.ConfigurationTarget.Global);
  return true;
}
