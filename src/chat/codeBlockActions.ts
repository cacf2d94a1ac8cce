/**
 * What the buttons under a chat code block do: Copy, Insert at the cursor, Apply (as a reviewed
 * diff) and New file. Insert and Apply first ask when Shield found an error-severity problem in
 * the block; a scan still running is waited for, briefly.
 */
import * as vscode from "vscode";
import type { BlockScan, CodeAction } from "../../media/chat/messages";
import { languageIdOf } from "../../media/chat/languages";
import type { ChatContextItem } from "../../common/protocol";
import type { ApplyReview } from "./applyReview";
import type { ContextCollector } from "./contextCollector";

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
  constructor(private readonly context: ContextCollector, private readonly review: ApplyReview, private readonly toast: (text: string) => void) {}

  async run(action: CodeAction, block: BlockRef): Promise<void> {
    switch (action) {
      case "copy":
        await vscode.env.clipboard.writeText(block.code);
        return this.toast("Copied the code.");
      case "newFile": {
        const document = await vscode.workspace.openTextDocument({ language: languageIdOf(block.lang, this.context.lastEditor?.document.languageId), content: block.code });
        await vscode.window.showTextDocument(document, { preview: false });
        return;
      }
      case "insert":
        return this.insert(block);
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
    const done = await editor.edit((builder) => { for (const selection of selections) builder.replace(selection, block.code); });
    this.toast(done ? `Inserted into ${name(editor.document.uri)}.` : "The editor did not accept the insertion.");
  }

  private async apply(block: BlockRef): Promise<void> {
    const target = await this.applyTarget(block);
    if (!target) return void vscode.window.showWarningMessage("Open the file to apply the code to.");
    if (!(await this.confirm("Apply", block))) return;
    await this.review.start(target.document, target.range, block.code);
  }

  /** The question's selection when it is still there as it was; else the selection; else the file. */
  private async applyTarget(block: BlockRef): Promise<{ document: vscode.TextDocument; range: vscode.Range } | undefined> {
    const about = block.about;
    if (about?.uri && about.range) {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(about.uri)).then((d) => d, () => undefined);
      const range = about.range && new vscode.Range(about.range.start.line, about.range.start.character, about.range.end.line, about.range.end.character);
      if (document && range && document.getText(range) === about.text) return { document, range };
    }
    const editor = this.context.lastEditor;
    if (!editor) return undefined;
    const document = editor.document;
    const range = editor.selection.isEmpty ? new vscode.Range(0, 0, document.lineCount, 0) : editor.selection;
    return { document, range: document.validateRange(range) };
  }

  /** True when the block has no error-severity finding, or the user says go ahead anyway. */
  private async confirm(verb: "Insert" | "Apply", block: BlockRef): Promise<boolean> {
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), SCAN_WAIT_MS));
    const scan = block.scan ? await Promise.race([block.scan, timeout]) : undefined;
    const errors = scan?.findings.filter((f) => f.severity === "error") ?? [];
    if (!errors.length) return true;
    const detail = errors.map((f) => `${f.cwe} on line ${f.line}: ${f.message} (${f.ruleId})`).join("\n");
    const go = `${verb} anyway`;
    const choice = await vscode.window.showWarningMessage(
      `Shield found ${errors.length === 1 ? "an error-severity problem" : `${errors.length} error-severity problems`} in this code. ${verb} it anyway?`,
      { modal: true, detail }, go,
    );
    return choice === go;
  }
}

function name(uri: vscode.Uri): string {
  return uri.path.split("/").pop() ?? uri.toString();
}
