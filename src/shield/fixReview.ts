import * as vscode from "vscode";
import { ShieldFixWithModelRequest, type ShieldFixWithModelArgs, type ShieldFixWithModelResult } from "../../common/protocol";
import type { EnclaveContext } from "../ctx";
import type { ProposalReview, ReviewOutcome } from "./proposalReview";

/**
 * "Fix with Enclave": the command behind the quick fix the server offers for findings without
 * a mechanical fix. The server asks the model for a rewrite and re-scans it; the rewrite is
 * shown as a diff to accept or reject, and nothing changes until the user accepts.
 */
export async function fixWithModel(ctx: EnclaveContext, review: ProposalReview, args: ShieldFixWithModelArgs): Promise<ReviewOutcome | undefined> {
  const client = await ctx.ensureClient();
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Enclave is rewriting the code for ${args.cwe || args.ruleId}…`, cancellable: true },
    (_progress, token): Promise<ShieldFixWithModelResult> => client.sendRequest(ShieldFixWithModelRequest.type, args, token).then((r) => r, () => ({ remaining: [], reason: "cancelled" })),
  );
  if (!result.proposal) {
    if (result.reason && result.reason !== "cancelled") void vscode.window.showInformationMessage(`Enclave could not propose a fix: ${result.reason}`);
    return undefined;
  }
  const file = vscode.Uri.parse(result.proposal.uri).path.split("/").pop();
  const verdict = result.remaining.length === 0
    ? `Shield finds nothing in the rewrite of ${args.ruleId}.`
    : `Shield still finds ${result.remaining.map((f) => `${f.cwe} (${f.ruleId})`).join(", ")} in the rewrite.`;
  ctx.log.info(`Fix with Enclave for ${args.ruleId} in ${file}: ${verdict}`);
  return review.review(result.proposal, `${file} ↔ Enclave's fix (review)`, `Enclave's fix for ${args.ruleId}: ${verdict} Apply it?`);
}
