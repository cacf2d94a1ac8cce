// Runs inside the real extension host: inline edit's in-place review of a ready-made proposal
// (the path chat Apply and Fix use, no model involved), on both surfaces: files.autoSave "off"
// (the diff is written into the file as one open undo step) and "afterDelay" (code-server's
// default: the diff is drawn in a read-only copy and the file is written once). What must hold
// on both: Accept is one undo step (one `undo` brings the original back, one `redo` the new
// text), Reject restores the text byte for byte (CRLF file, saved and compared on disk), a foreign
// edit never leaves the file half-edited, and a newer review replaces an older one.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "mocha";
import * as vscode from "vscode";
import type { ProposedEdit } from "../../common/protocol";
import type { EnclaveApi } from "../../src/extension";
import type { InlineEditController } from "../../src/edit/inlineEditController";
import { until } from "./until";

const EXTENSION_ID = "enclave.enclave";
const AREA_CODE = "import os\n\n\ndef area(w, h):\n    result = w * h\n    return result\n\n\ndef main():\n    print(area(2, 3))\n";
const AREA_NEW = 'def area(w: float, h: float) -> float:\n    """Width times height."""\n    return w * h\n';

function proposalFor(document: vscode.TextDocument, startLine: number, endLine: number, newText: string): ProposedEdit {
  const range = new vscode.Range(startLine, 0, endLine, 0);
  return {
    uri: document.uri.toString(), version: document.version, newText, originalText: document.getText(range),
    range: { start: { line: startLine, character: 0 }, end: { line: endLine, character: 0 } },
  };
}

for (const autoSave of ["off", "afterDelay"] as const) {
  const inFile = autoSave === "off";
  describe(`Inline edit: the in-place review of a proposal (files.autoSave ${autoSave}: ${inFile ? "in the file" : "in a read-only copy"})`, () => {
    let controller: InlineEditController;
    let dir: string;
    let counter = 0;

    before(async () => {
      const api = await vscode.extensions.getExtension<EnclaveApi>(EXTENSION_ID)!.activate();
      controller = api.edit.controller;
      dir = path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, `edit-review-${autoSave}`);
      fs.mkdirSync(dir, { recursive: true });
      await vscode.workspace.getConfiguration("files").update("autoSave", autoSave, vscode.ConfigurationTarget.Workspace);
    });

    after(async () => {
      // Saved first, so closing asks nothing (a dialog would stop the suite).
      await vscode.workspace.saveAll(false);
      await vscode.commands.executeCommand("workbench.action.closeAllEditors");
      await vscode.workspace.getConfiguration("files").update("autoSave", undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    async function open(text: string): Promise<vscode.TextEditor> {
      const file = path.join(dir, `area${++counter}.py`);
      fs.writeFileSync(file, text);
      const document = await vscode.workspace.openTextDocument(file);
      return vscode.window.showTextDocument(document);
    }

    /** The document the diff is drawn in: the file itself, or the read-only copy in its place. */
    function shown(document: vscode.TextDocument): vscode.TextDocument {
      const active = vscode.window.activeTextEditor!.document;
      if (inFile) assert.equal(active, document, "the diff is in the file's own editor");
      else assert.equal(active.uri.scheme, "enclave-edit", "the diff is in the read-only copy, in the file's place");
      return active;
    }

    it("shows old and new lines in place; Accept writes the new text as one undo step", async () => {
      const editor = await open(AREA_CODE);
      const document = editor.document;
      const outcome = controller.review(editor, proposalFor(document, 3, 6, AREA_NEW));
      await until("the review", () => controller.pending?.phase === "review");
      const text = shown(document).getText();
      assert.ok(text.includes("    result = w * h\n") && text.includes("-> float:\n"), `both sides in place:\n${text}`);
      if (!inFile) assert.equal(document.getText(), AREA_CODE, "the file is untouched while the copy shows the diff");
      assert.equal(controller.pending!.range.start.line, 3);

      assert.equal(await vscode.commands.executeCommand("enclave.inlineEdit.accept"), true);
      assert.equal(await outcome, "accepted");
      const expected = AREA_CODE.replace("def area(w, h):\n    result = w * h\n    return result\n", AREA_NEW);
      assert.equal(document.getText(), expected);
      assert.equal(controller.pending, undefined);

      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand("undo");
      assert.equal(document.getText(), AREA_CODE, "one undo takes the whole edit back");
      await vscode.commands.executeCommand("redo");
      assert.equal(document.getText(), expected, "one redo brings it again, without the preview");
    });

    it("Reject restores the text byte for byte (CRLF), on disk too once saved", async () => {
      const crlf = AREA_CODE.replace(/\n/g, "\r\n");
      const editor = await open(crlf);
      const document = editor.document;
      const outcome = controller.review(editor, proposalFor(document, 3, 6, AREA_NEW));
      await until("the review", () => controller.pending?.phase === "review");
      assert.notEqual(shown(document).getText(), crlf);
      assert.equal(await vscode.commands.executeCommand("enclave.inlineEdit.reject"), true);
      assert.equal(await outcome, "rejected");
      assert.equal(document.getText(), crlf);
      if (!inFile) assert.equal(document.isDirty, false, "the file was never touched");
      await document.save();
      assert.ok(fs.readFileSync(document.uri.fsPath).equals(Buffer.from(crlf)), "the saved bytes are the original's");
    });

    it(inFile
      ? "typing elsewhere during the review puts the original lines back and keeps the typing"
      : "an edit elsewhere in the file keeps the review relative; Accept lands on the moved region", async () => {
      const editor = await open(AREA_CODE);
      const document = editor.document;
      const outcome = controller.review(editor, proposalFor(document, 3, 6, AREA_NEW));
      await until("the review", () => controller.pending?.phase === "review");
      if (inFile) {
        // The print line, wherever the preview's extra lines put it.
        const line = document.getText().split("\n").findIndex((l) => l.startsWith("    print("));
        editor.selection = new vscode.Selection(line, 4, line, 4);
        await vscode.commands.executeCommand("type", { text: "x" });
        assert.equal(await outcome, "cancelled");
        assert.equal(document.getText(), AREA_CODE.replace("    print(", "    xprint("));
        assert.equal(controller.pending, undefined);
        return;
      }
      const above = new vscode.WorkspaceEdit();
      above.insert(document.uri, new vscode.Position(0, 0), "import sys\n");
      assert.ok(await vscode.workspace.applyEdit(above));
      await until("the region to move down", () => controller.pending?.range.start.line === 4);
      assert.equal(await vscode.commands.executeCommand("enclave.inlineEdit.accept"), true);
      assert.equal(await outcome, "accepted");
      assert.equal(document.getText(), `import sys\n${AREA_CODE.replace("def area(w, h):\n    result = w * h\n    return result\n", AREA_NEW)}`);
    });

    it("an edit inside the region ends the review and leaves the file without any of the rewrite", async () => {
      const editor = await open(AREA_CODE);
      const document = editor.document;
      const outcome = controller.review(editor, proposalFor(document, 3, 6, AREA_NEW));
      await until("the review", () => controller.pending?.phase === "review");
      const inside = new vscode.WorkspaceEdit();
      inside.insert(document.uri, new vscode.Position(4, 0), "# ");
      assert.ok(await vscode.workspace.applyEdit(inside));
      assert.equal(await outcome, "cancelled");
      const text = document.getText();
      assert.ok(!text.includes("-> float"), `no new line is left:\n${text}`);
      assert.ok(text.includes("    result = w * h\n    return result\n"), `the original lines are there:\n${text}`);
    });

    it("a newer review replaces the pending one, which is put back", async () => {
      const editor = await open(AREA_CODE);
      const document = editor.document;
      const main = proposalFor(document, 8, 10, "def main():\n    print(area(4, 5))\n");
      const first = controller.review(editor, proposalFor(document, 3, 6, AREA_NEW));
      await until("the first review", () => controller.pending?.phase === "review");
      const second = controller.review(await vscode.window.showTextDocument(document), main);
      assert.equal(await first, "cancelled");
      await until("the second review", () => controller.pending?.phase === "review" && controller.pending.range.start.line === 8);
      assert.equal(await vscode.commands.executeCommand("enclave.inlineEdit.accept"), true);
      assert.equal(await second, "accepted");
      assert.equal(document.getText(), AREA_CODE.replace("area(2, 3)", "area(4, 5)"));
    });

    it("a stale proposal is refused and changes nothing", async () => {
      const editor = await open(AREA_CODE);
      const stale = { ...proposalFor(editor.document, 3, 6, AREA_NEW), originalText: "def area(a, b):\n" };
      assert.equal(await controller.review(editor, stale), "failed");
      assert.equal(editor.document.getText(), AREA_CODE);
    });
  });
}
