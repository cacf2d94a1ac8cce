/**
 * The one question asked before any model is downloaded (the completion model, the next-edit
 * model, the embedding model): a modal naming the model, its size and the host it would come
 * from. Nothing is contacted before "Download"; the caller writes the setting, and the server
 * downloads.
 */
import * as vscode from "vscode";
import { SECTION } from "./config";

const DEFAULT_ENDPOINT = "https://huggingface.co";

/** `purpose` finishes the question ("Download … for next-edit suggestions?"). */
export async function askToDownload(model: { readonly label: string; readonly approxBytes: number }, detail: string, purpose?: string): Promise<boolean> {
  const endpoint = vscode.workspace.getConfiguration(SECTION).get<string>("huggingFaceEndpoint")?.trim() || DEFAULT_ENDPOINT;
  let host: string;
  try {
    host = new URL(endpoint).host;
  } catch {
    // The host is part of the consent: without a readable one there is nothing to agree to.
    void vscode.window.showErrorMessage(`Enclave: enclave.huggingFaceEndpoint "${endpoint}" is not a URL, so nothing was downloaded. Set it to ${DEFAULT_ENDPOINT} or your mirror, such as https://hf-mirror.internal.`);
    return false;
  }
  const question = `Download ${model.label} (about ${(model.approxBytes / 1e9).toFixed(1)} GB) from ${host}${purpose ? ` for ${purpose}` : ""}?`;
  return (await vscode.window.showInformationMessage(question, { modal: true, detail }, "Download")) === "Download";
}
