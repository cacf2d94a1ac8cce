/**
 * Registers inline edit: "Enclave: Edit with Instructions" (Ctrl+I / Cmd+I), Accept, Reject and
 * Follow-up, and the delta handler on every client. Returns the controller, which Apply, Insert
 * and Fix reuse for their own in-place reviews.
 */
import * as vscode from "vscode";
import type { EnclaveContext } from "../ctx";
import { editRegion } from "./editRegion";
import { EditServer } from "./editServer";
import { InlineEditCommands } from "./inlineEditCommands";
import { InlineEditController, type InlineEditOutcome } from "./inlineEditController";
import { askInstruction, InstructionHistory } from "./instructionInput";

export interface EditApi {
  readonly controller: InlineEditController;
}

/** Arguments a caller (a test, a keybinding with args) may pass to skip the input box. */
export interface EditWithInstructionsArgs {
  readonly instruction?: string;
}

export function registerEdit(ctx: EnclaveContext): EditApi {
  const server = new EditServer(() => ctx.ensureClient());
  const controller = new InlineEditController(server, ctx.log);
  const history = new InstructionHistory(ctx.extension.globalState);
  ctx.onClient((client) => server.attach(client));

  const editWithInstructions = async (args?: EditWithInstructionsArgs): Promise<InlineEditOutcome | undefined> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage("Enclave: open a file and select the code to edit (or put the cursor in a function), then run Edit with Instructions.");
      return undefined;
    }
    const range = await editRegion(server, editor, undefined, ctx.log);
    const lines = range.end.character === 0 ? range.end.line - range.start.line : range.end.line - range.start.line + 1;
    const where = lines <= 1 ? `line ${range.start.line + 1}` : `lines ${range.start.line + 1}-${range.start.line + lines}`;
    const instruction = args?.instruction ?? await askInstruction(history, `Enclave: Edit ${where}`, "What should change? (Enter to start; earlier instructions below)");
    if (!instruction) return undefined;
    await history.remember(instruction);
    return controller.edit(editor, { range, instruction });
  };

  const followUp = async (args?: EditWithInstructionsArgs): Promise<boolean> => {
    if (controller.pending?.phase !== "review") return false;
    const instruction = args?.instruction ?? await askInstruction(history, "Enclave: Follow-up", "How should the rewrite change?");
    if (!instruction) return false;
    await history.remember(instruction);
    return controller.followUp(instruction);
  };

  ctx.push(
    controller,
    vscode.commands.registerCommand(InlineEditCommands.editWithInstructions, editWithInstructions),
    vscode.commands.registerCommand(InlineEditCommands.accept, () => controller.accept()),
    vscode.commands.registerCommand(InlineEditCommands.reject, () => controller.reject()),
    vscode.commands.registerCommand(InlineEditCommands.followUp, followUp),
  );
  return { controller };
}
