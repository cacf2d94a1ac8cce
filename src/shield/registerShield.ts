import * as vscode from "vscode";
import { ShieldFixWithModelCommand, type ShieldFixWithModelArgs } from "../../common/protocol";
import type { EnclaveContext } from "../ctx";
import { fixWithModel } from "./fixReview";
import { ProposalReview } from "./proposalReview";
import { scanWorkspace } from "./scanWorkspace";

/** What the Shield commands expose to integration tests. */
export interface ShieldApi {
  readonly review: ProposalReview;
}

/** Registers Scan Workspace, Fix with Enclave and the diff review they share. */
export function registerShield(ctx: EnclaveContext): ShieldApi {
  const review = new ProposalReview();
  ctx.push(
    review,
    vscode.commands.registerCommand("enclave.shield.scanWorkspace", () => scanWorkspace(ctx)),
    vscode.commands.registerCommand(ShieldFixWithModelCommand.command, (args: ShieldFixWithModelArgs) => fixWithModel(ctx, review, args)),
  );
  return { review };
}
