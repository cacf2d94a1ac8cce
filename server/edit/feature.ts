/**
 * The inline-edit feature: `enclave/edit/*` requests. An edit streams its rewritten region as
 * numbered delta notifications and answers with the whole proposal and Shield's findings in it;
 * one edit runs at a time (a newer start stops an older one), and a cancelled edit answers
 * `cancelled: true`, a normal end. Bad input answers with a `reason` the client can show.
 */
import { ResponseError, type CancellationToken, type Disposable } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import {
  EditCancelRequest, EditDeltaNotification, EditLocateRequest, EditRegionRequest, EditStartRequest,
  type EditLocateParams, type EditLocateResult, type EditRegionParams, type EditRegionResult, type EditStartParams, type EditStartResult,
} from "../../common/protocol";
import { abortSignalFor } from "../cancellation";
import { repoPaths } from "../completion/repoPaths";
import type { Feature, FeatureContext } from "../feature";
import { defaultScanner } from "../shield/defaultScanner";
import { locateBlock } from "./editLocate";
import { findEditRegion, type LineRegion } from "./editRegion";
import { fixRegion } from "./fixRegion";
import { runEdit, type EditOutcome } from "./runEdit";

export const editFeature: Feature = {
  name: "edit",
  capabilities: () => ({}),
  register(ctx: FeatureContext): Disposable[] {
    const running = new Map<string, AbortController>();
    let queue: Promise<unknown> = Promise.resolve();

    const start = async (params: EditStartParams, token: CancellationToken): Promise<EditStartResult> => {
      const { editId } = params;
      const answer = (outcome: EditOutcome, deltas = 0): EditStartResult => ({ editId, ...outcome, deltas });
      const problem = badStart(params, ctx.documents.get(params.uri));
      if (problem) return answer({ findings: [], cancelled: false, reason: problem });

      // One edit at a time: the edit sequence is shared, and the newest request is the one the user waits for.
      for (const older of running.values()) older.abort();
      const { controller, dispose } = abortSignalFor(token);
      running.set(editId, controller);
      let seq = 0;
      const onDelta = (text: string) => void ctx.connection.sendNotification(EditDeltaNotification.type, { editId, seq: seq++, text });

      const turn = queue.then(async (): Promise<EditOutcome> => {
        if (controller.signal.aborted) return { findings: [], cancelled: true };
        const engine = await ctx.models.engine();
        if (!engine) {
          const why = ctx.models.status.message ?? `the model is ${ctx.models.status.state}`;
          return { findings: [], cancelled: false, reason: `No model is loaded, so the edit cannot run: ${why}` };
        }
        // The document may have changed while an older edit was stopping.
        const document = ctx.documents.get(params.uri);
        const stale = badStart(params, document);
        if (stale || !document) return { findings: [], cancelled: false, reason: stale ?? "The document was closed." };
        const path = repoPaths([document.uri, ...ctx.documents.keys()]).relative(document.uri);
        return runEdit({ params, document, path, engine, scanner: defaultScanner().scanner, signal: controller.signal, onDelta });
      });
      queue = turn.catch(() => undefined);
      try {
        const outcome = await turn;
        ctx.log.debug(`Edit ${editId}: ${outcome.cancelled ? "cancelled" : outcome.reason ?? `${outcome.timings?.generatedTokens} tokens, ${outcome.findings.length} finding(s)`} after ${seq} delta(s).`);
        return answer(outcome, seq);
      } catch (error) {
        if (controller.signal.aborted) return answer({ findings: [], cancelled: true }, seq);
        ctx.log.warn(`Edit ${editId} failed: ${(error as Error).stack ?? error}`);
        return answer({ findings: [], cancelled: false, reason: `The edit failed: ${(error as Error).message}` }, seq);
      } finally {
        dispose();
        running.delete(editId);
      }
    };

    const region = async (params: EditRegionParams): Promise<EditRegionResult> => {
      const document = openDocument(ctx, params.uri);
      if (params.fix) {
        const fix = await fixRegion(document.getText(), document.languageId, params.fix);
        return { range: lineRange(document, fix), kind: "statement" };
      }
      const found = await findEditRegion(document.getText(), document.languageId, params.position);
      return { range: lineRange(document, found), kind: found.kind, ...(found.symbol ? { symbol: found.symbol } : {}) };
    };

    const locate = async (params: EditLocateParams): Promise<EditLocateResult | null> => {
      const document = openDocument(ctx, params.uri);
      if (!params.code.trim()) return null;
      const found = await locateBlock(document.getText(), document.languageId, params.code, params.languageId);
      return found ? { range: lineRange(document, found), symbol: found.symbol!, kind: found.kind } : null;
    };

    return [
      ctx.connection.onRequest(EditStartRequest.type, start),
      ctx.connection.onRequest(EditCancelRequest.type, ({ editId }) => {
        const controller = running.get(editId);
        controller?.abort();
        return { cancelled: controller !== undefined };
      }),
      ctx.connection.onRequest(EditRegionRequest.type, region),
      ctx.connection.onRequest(EditLocateRequest.type, locate),
      { dispose: () => { for (const controller of running.values()) controller.abort(); } },
    ];
  },
};

/** Why an edit cannot start, as a sentence for the user; undefined when it can. */
function badStart(params: EditStartParams, document: TextDocument | undefined): string | undefined {
  if (!params.editId) return "The edit has no editId.";
  if (!document) return `The document ${params.uri} is not open in the server; open it first.`;
  if (document.version !== params.version) return `The document changed since the edit was asked for (version ${params.version}, now ${document.version}); ask again.`;
  if (!params.instruction?.trim()) return params.mode === "merge" ? "There is no code to merge." : "The instruction is empty; say what to change.";
  if (!params.range && !params.position) return "The edit names neither a range nor a position.";
  return undefined;
}

function openDocument(ctx: FeatureContext, uri: string): TextDocument {
  const document = ctx.documents.get(uri);
  if (!document) throw new ResponseError(-32602, `The document ${uri} is not open in the server; open it first.`);
  return document;
}

/** Whole lines as the region requests answer them: from the first line's start to the end of the last line. */
function lineRange(document: TextDocument, region: Pick<LineRegion, "startLine" | "endLine">): EditRegionResult["range"] {
  const endOfLast = document.offsetAt({ line: region.endLine + 1, character: 0 });
  const lastText = document.getText({ start: { line: region.endLine, character: 0 }, end: document.positionAt(endOfLast) }).replace(/\r?\n$/, "");
  return { start: { line: region.startLine, character: 0 }, end: { line: region.endLine, character: lastText.length } };
}
