import * as vscode from "vscode";
import { ShieldFixWithModelCommand, type ShieldFixWithModelArgs } from "../../common/protocol";
import { fixWithEnclave, shieldFixTarget } from "../chat/fixWithEnclave";
import type { InlineEdits } from "../chat/inlineEdits";
import type { EnclaveContext } from "../ctx";
import { scanWorkspace } from "./scanWorkspace";

/**
 * Registers Scan Workspace and the command behind Shield's "Fix with Enclave" quick fix, which
 * runs the same in-place inline edit (mode "fix") as the fix for any other diagnostic.
 */
export function registerShield(ctx: EnclaveContext, edits: InlineEdits): void {
  ctx.push(
    vscode.commands.registerCommand("enclave.shield.scanWorkspace", () => scanWorkspace(ctx)),
    vscode.commands.registerCommand(ShieldFixWithModelCommand.command, (args: ShieldFixWithModelArgs) => fixWithEnclave(edits, shieldFixTarget(args))),
  );
}
