import * as vscode from "vscode";
import { ModelCatalogRequest, type CatalogModel } from "../common/protocol";
import { SECTION } from "./config";
import type { EnclaveContext } from "./ctx";
import { askToDownload } from "./downloadConsent";

const gb = (bytes: number): string => `${(bytes / 1e9).toFixed(1)} GB`;

/** Writes the model setting; the server sees the change and downloads or loads it. */
async function useModel(value: string): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update("model", value, vscode.ConfigurationTarget.Global);
}

/** Asks before the download (askToDownload), then writes the setting. */
async function confirmDownload(ctx: EnclaveContext, model: CatalogModel, hardware: string): Promise<void> {
  if (!(await askToDownload(model, `Chosen for this machine (${hardware}): ${model.why}. The model then runs here; no code leaves this machine.`))) return;
  ctx.log.info(`Downloading ${model.uri} on the user's request.`);
  await useModel(model.uri);
}

export async function downloadRecommended(ctx: EnclaveContext): Promise<void> {
  const client = await ctx.ensureClient();
  const catalog = await client.sendRequest(ModelCatalogRequest.type);
  await confirmDownload(ctx, catalog.recommended, catalog.hardware);
}

export async function pickModelFile(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false, openLabel: "Use this model", title: "Enclave: pick a GGUF model file",
    filters: { "GGUF models": ["gguf"] },
  });
  if (picked?.[0]) await useModel(picked[0].fsPath);
}

/** `Enclave: Select Model`: the recommended download, the other catalog models, or a local file. */
export async function selectModel(ctx: EnclaveContext): Promise<void> {
  const client = await ctx.ensureClient();
  const catalog = await client.sendRequest(ModelCatalogRequest.type);
  type Pick = vscode.QuickPickItem & { run: () => Promise<void> };
  const items: Pick[] = [
    ...catalog.models.map((model): Pick => ({
      label: `$(cloud-download) ${model.label}${model.uri === catalog.recommended.uri ? " — recommended here" : ""}`,
      description: `about ${gb(model.approxBytes)}`,
      detail: model.why,
      run: () => confirmDownload(ctx, model, catalog.hardware),
    })),
    { label: "$(file) Pick a local .gguf file…", description: "", detail: "Any GGUF code model; models with fill-in-the-middle tokens give inline completions.", run: pickModelFile },
  ];
  items.sort((a, b) => Number(b.label.includes("recommended")) - Number(a.label.includes("recommended")));
  const choice = await vscode.window.showQuickPick(items, {
    title: `Enclave: select a model (this machine: ${catalog.hardware})`,
    placeHolder: "The model runs on this machine; no code leaves it.",
  });
  await choice?.run();
}
