/**
 * Next-edit suggestions over LSP: the edit history is fed from the documents the client syncs,
 * and `enclave/nextEdit/predict` runs one prediction (cancelled by the client's next keystroke).
 * The model is `enclave.nextEdit.model` with the format its name asks for, else the loaded
 * completion model with the generic instruction format.
 */
import type { Disposable } from "vscode-languageserver/node";
import { NextEditPredictRequest, type NextEditPredictResult } from "../../common/protocol";
import { abortSignalFor } from "../cancellation";
import type { Feature, FeatureContext } from "../feature";
import { repoPaths } from "../completion/repoPaths";
import { defaultScanner } from "../shield/defaultScanner";
import { looksBinary } from "../shield/fileWalker";
import { EditHistory } from "./editHistory";
import { instructFormat, nextEditFormats, type NextEditFormat } from "./nextEditFormats";
import { NextEditModel } from "./nextEditModel";
import { predictNextEdit } from "./predictNextEdit";

/** The format for a dedicated next-edit model: the one its name or path names, else Sweep's. */
export function formatFor(modelName: string): NextEditFormat {
  return nextEditFormats.find((f) => f.kind === "completion" && f.match?.test(modelName)) ?? nextEditFormats[0]!;
}

export const nextEditFeature: Feature = {
  name: "nextEdit",
  capabilities: () => ({}),
  register(ctx: FeatureContext): Disposable[] {
    const history = new EditHistory();
    const model = new NextEditModel(ctx.log);
    const paths = () => repoPaths(ctx.documents.all().map((d) => d.uri));

    const predict = async (params: { uri: string; version: number; position: { line: number; character: number } }, signal: AbortSignal): Promise<NextEditPredictResult> => {
      const base = { uri: params.uri, version: params.version };
      const document = ctx.documents.get(params.uri);
      if (!document) return { ...base, reason: "The document is not open on the server." };
      if (document.version !== params.version) return { ...base, reason: "The document changed since the request was made." };
      const settings = await ctx.settings.get(params.uri);
      if (!settings["nextEdit.enable"]) return { ...base, reason: "Next-edit suggestions are off (enclave.nextEdit.enable)." };
      const text = document.getText();
      if (looksBinary(text)) return { ...base, reason: "The file looks binary." };
      let engine;
      let format: NextEditFormat = instructFormat;
      const setting = settings["nextEdit.model"].trim();
      if (setting) {
        const got = model.engine(setting, settings);
        if (!got.engine) return { ...base, reason: got.reason };
        engine = got.engine;
        format = formatFor(`${engine.model.name} ${got.path ?? setting}`);
      } else {
        engine = await ctx.models.engine();
        if (!engine) return { ...base, reason: "No model is loaded." };
      }
      const pathOf = paths().relative;
      return predictNextEdit(
        { uri: params.uri, version: params.version, text, languageId: document.languageId, position: params.position, hunks: history.recent(), pathOf },
        { engine, format, scanner: defaultScanner().scanner, signal, maxTokens: settings["nextEdit.maxTokens"] },
      );
    };

    // Diffing each change costs a pass over the file per keystroke: only while the feature is on.
    // The flag follows the settings, read again at most every 2 s while the user types (main.ts
    // owns the configuration notification; a second handler here would replace its own).
    let tracking = false;
    let readAt = 0;
    const follow = (): void => {
      if (Date.now() - readAt < 2000) return;
      readAt = Date.now();
      void ctx.settings.get().then((s) => { tracking = s["nextEdit.enable"]; }, () => undefined);
    };
    follow();
    return [
      ctx.documents.onDidOpen((e) => history.opened(e.document.uri, e.document.getText())),
      ctx.documents.onDidChangeContent((e) => {
        follow();
        if (tracking) history.changed(e.document.uri, e.document.getText());
        else history.opened(e.document.uri, e.document.getText());
      }),
      ctx.documents.onDidClose((e) => history.closed(e.document.uri)),
      ctx.connection.onRequest(NextEditPredictRequest.type, async (params, token) => {
        const { controller, dispose } = abortSignalFor(token);
        const signal = controller.signal;
        try {
          history.cursor(params.uri, params.position.line, params.position.character);
          return await predict(params, signal);
        } catch (e) {
          if (signal.aborted) return { uri: params.uri, version: params.version, reason: "cancelled" };
          ctx.log.warn(`Next-edit prediction failed: ${(e as Error).message}`);
          return { uri: params.uri, version: params.version, reason: (e as Error).message };
        } finally {
          dispose();
        }
      }),
      { dispose: () => void model.unload() },
    ];
  },
};
