import * as vscode from "vscode";
import { describeBackend } from "../common/describeBackend";
import type { EnclaveContext } from "./ctx";
import { useRecommendedEmbeddingModel, useRecommendedNextEditModel } from "./recommendedModels";
import { downloadRecommended, pickModelFile, selectModel } from "./selectModel";

/** Registers every command; each one is a Disposable owned by the context. */
export function registerCommands(ctx: EnclaveContext): void {
  const register = (id: string, run: () => unknown): void => {
    ctx.push(vscode.commands.registerCommand(id, run));
  };
  register("enclave.showLog", () => ctx.log.show(true));
  register("enclave.restartServer", () => ctx.restartServer());
  register("enclave.reloadModel", () => ctx.reloadModel());
  register("enclave.selectModel", () => selectModel(ctx));
  register("enclave.downloadRecommendedModel", () => downloadRecommended(ctx));
  register("enclave.pickModelFile", () => pickModelFile());
  register("enclave.nextEdit.useRecommendedModel", () => useRecommendedNextEditModel(ctx));
  register("enclave.index.useRecommendedEmbeddingModel", () => useRecommendedEmbeddingModel(ctx));
  register("enclave.showStatus", async () => {
    await ctx.ensureClient();
    const s = ctx.modelStatus;
    const where = s.backend ? describeBackend(s.backend) : "not loaded";
    const privacy = s.backend?.remote ? `Prompts go to ${s.backend.remote.url} only; see "Enclave: Show Network Audit".` : "Runs on this machine: no code leaves it.";
    const detail = s.model ? `${s.model.name} — ${where}. ${privacy}` : (s.message ?? s.state);
    void vscode.window.showInformationMessage(`Enclave: ${detail}`);
  });
}
