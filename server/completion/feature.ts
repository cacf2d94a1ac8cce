import type { CancellationToken, Disposable, InlineCompletionList, InlineCompletionParams } from "vscode-languageserver/node";
import type { Feature, FeatureContext } from "../feature";
import { abortSignalFor } from "../cancellation";
import { completeAt } from "./complete";

/**
 * `textDocument/inlineCompletion` (LSP 3.18): ghost text from the local model. A newer request
 * aborts the one before it, and a cancelled or aborted request answers an empty list.
 */
export const completionFeature: Feature = {
  name: "completion",
  capabilities: () => ({ inlineCompletionProvider: true }),
  register(ctx: FeatureContext): Disposable[] {
    let previous: AbortController | undefined;

    const handle = async (params: InlineCompletionParams, token: CancellationToken): Promise<InlineCompletionList> => {
      const empty: InlineCompletionList = { items: [] };
      previous?.abort();
      const { controller, dispose } = abortSignalFor(token);
      previous = controller;
      try {
        const document = ctx.documents.get(params.textDocument.uri);
        if (!document) return empty;
        const settings = await ctx.settings.get(params.textDocument.uri);
        if (!settings["completion.enable"]) return empty;
        const engine = await ctx.models.engine();
        if (!engine || controller.signal.aborted) return empty;
        const offset = document.offsetAt(params.position);
        const outcome = await completeAt(engine, document.getText(), offset, settings, controller.signal);
        if (!outcome.text) {
          ctx.log.debug(`No completion at ${params.textDocument.uri}:${params.position.line + 1}: ${outcome.reason ?? "empty"}`);
          return empty;
        }
        const position = params.position;
        return { items: [{ insertText: outcome.text, range: { start: position, end: position } }] };
      } catch (error) {
        ctx.log.warn(`Completion failed: ${(error as Error).message}`);
        return empty;
      } finally {
        dispose();
        if (previous === controller) previous = undefined;
      }
    };

    return [ctx.connection.languages.inlineCompletion.on(handle)];
  },
};
