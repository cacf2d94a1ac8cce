/**
 * What the buttons under a chat code block do: Copy, Insert at the cursor (re-indented to the
 * cursor's line), Apply (smartApply.ts: only what the block is about, reviewed in place) and New
 * file. Insert and Apply first ask when Shield found an error-severity problem in the block; a
 * scan still running is waited for, briefly.
 */
import * as vscode from "vscode";
import type { BlockFinding, BlockScan, CodeAction } from "../../media/chat/messages";
import { languageIdOf } from "../../media/chat/languages";
import type { ChatContextItem } from "../../common/protocol";
import type { ContextCollector } from "./contextCollector";
import { reindentBlock } from "./reindent";
import { indentStyle, smartApply, type SmartApplyDeps, type SmartApplyResult } from "./smartApply";

/** A code block and what it is about. */
export interface BlockRef {
  readonly code: string;
  readonly lang: string;
  readonly scan?: Promise<BlockScan>;
  /** The selection the question was about, which Apply replaces when it is unchanged. */
  readonly about?: ChatContextItem;
}

/** How long Insert or Apply waits for a scan that has not finished. */
const SCAN_WAIT_MS = 5000;

export class CodeBlockActions {
  constructor(private readonly context: ContextCollector, private readonly applyDeps: SmartApplyDeps, private readonly toast: (text: string) => void) {}

  async run(action: CodeAction, block: BlockRef): Promise<SmartApplyResult | undefined> {
    switch (action) {
      case "copy":
        await vscode.env.clipboard.writeText(block.code);
        return void this.toast("Copied the code.");
      case "newFile": {
        const document = await vscode.workspace.openTextDocument({ language: languageIdOf(block.lang, this.context.lastEditor?.document.languageId), content: block.code });
        await vscode.window.showTextDocument(document, { preview: false });
        return;
      }
      case "insert":
        return void (await this.insert(block));
      case "apply":
        return this.apply(block);
    }
  }

  private async insert(block: BlockRef): Promise<void> {
    const last = this.context.lastEditor;
    if (!last) return void vscode.window.showWarningMessage("Open a file to insert the code into.");
    if (!(await this.confirm("Insert", block))) return;
    const selections = last.selections;
    const editor = await vscode.window.showTextDocument(last.document, { viewColumn: last.viewColumn, preserveFocus: false });
    const document = editor.document;
    const style = indentStyle(document, editor.options);
    const done = await editor.edit((builder) => {
      for (const selection of selections) {
        const landing = { lineText: document.lineAt(selection.start.line).text, character: selection.start.character };
        builder.replace(selection, reindentBlock(block.code, landing, style));
      }
    });
    this.toast(done ? `Inserted into ${name(editor.document.uri)}.` : "The editor did not accept the insertion.");
  }

  private async apply(block: BlockRef): Promise<SmartApplyResult | undefined> {
    if (!block.about?.uri && !this.context.lastEditor) return void vscode.window.showWarningMessage("Open the file to apply the code to.");
    const findings = await this.confirm("Apply", block);
    if (!findings) return undefined;
    const result = await smartApply(this.applyDeps, this.context.lastEditor, { code: block.code, lang: block.lang, about: block.about, findings: findings.found });
    if (!result) void vscode.window.showWarningMessage("Open the file to apply the code to.");
    else if (result.outcome === "accepted") this.toast(`Applied to ${result.target.symbol ?? "the file"}.`);
    return result;
  }

  /**
   * The block's findings when it has no error-severity one or the user says go ahead anyway;
   * undefined when the user says no.
   */
  private async confirm(verb: "Insert" | "Apply", block: BlockRef): Promise<{ found: readonly BlockFinding[] } | undefined> {
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), SCAN_WAIT_MS));
    const scan = block.scan ? await Promise.race([block.scan, timeout]) : undefined;
    const found = scan?.findings ?? [];
    const errors = found.filter((f) => f.severity === "error");
    if (!errors.length) return { found };
    const detail = errors.map((f) => `${f.cwe} on line ${f.line}: ${f.message} (${f.ruleId})`).join("\n");
    const go = `${verb} anyway`;
    const choice = await vscode.window.showWarningMessage(
      `Shield found ${errors.length === 1 ? "an error-severity problem" : `${errors.length} error-severity problems`} in this code. ${verb} it anyway?`,
      { modal: true, detail }, go,
    );
    return choice === go ? { found } : undefined;
  }
}

function name(uri: vscode.Uri): string {
  return uri.path.split("/").pop() ?? uri.toString();
}
