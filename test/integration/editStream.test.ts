// Runs inside the real extension host with the real server and the scripted fixture model (its
// edit marker answers with a fenced rewrite of run(cmd) that uses os.system, streamed as three
// deltas): the rewrite shows in the file while it streams; Shield's error makes Accept ask first
// (the dialog a test window refuses counts as "no"); Accept is one undo step; a follow-up refines
// the same edit and Reject then restores the file byte for byte; and the file is never left
// half-edited when the server is killed mid-stream or the user types elsewhere mid-stream.
// files.autoSave is "off" here: that is the surface that writes the diff into the file.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "mocha";
import * as vscode from "vscode";
import type { EnclaveApi } from "../../src/extension";
import type { InlineEditController } from "../../src/edit/inlineEditController";
import { SCRIPTED_EDIT_MARKER, SCRIPTED_EDIT_REWRITE } from "../fixtures/gguf/scriptedScripts";
import { until } from "./until";

const EXTENSION_ID = "enclave.enclave";
// The parameter is "command", so the rewrite's first line ("def run(cmd):") already changes the file.
const TOOL = "import os\nimport shlex\nimport subprocess\n\n\ndef run(command):\n    return subprocess.run(shlex.split(command)).returncode\n\n\ndef main():\n    run(\"ls\")\n";
const INSTRUCTION = `Let the shell run it${SCRIPTED_EDIT_MARKER.marker}`;
const RUN_LINES = new vscode.Range(5, 0, 7, 0);
const REWRITTEN = TOOL.replace("def run(command):\n    return subprocess.run(shlex.split(command)).returncode\n", SCRIPTED_EDIT_REWRITE);

describe("Inline edit: streaming from the real server (scripted model, files.autoSave off)", () => {
  let api: EnclaveApi;
  let controller: InlineEditController;
  let dir: string;
  let previousModel: string | undefined;
  let counter = 0;
  const config = (section: string) => vscode.workspace.getConfiguration(section);
  const ready = (model: string) => until(`${model} ready`, () => api.context.modelStatus.state === "ready" && api.context.modelStatus.model?.path === model && api.context.serverPid !== undefined, 90_000);

  before(async function () {
    this.timeout(120_000);
    api = await vscode.extensions.getExtension<EnclaveApi>(EXTENSION_ID)!.activate();
    controller = api.edit.controller;
    const tiny = process.env.ENCLAVE_TINY_MODEL;
    assert.ok(tiny, "ENCLAVE_TINY_MODEL is not set by the runner");
    dir = path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, "edit-stream");
    fs.mkdirSync(dir, { recursive: true });
    previousModel = config("enclave").inspect<string>("model")?.workspaceValue;
    await config("files").update("autoSave", "off", vscode.ConfigurationTarget.Workspace);
    await config("enclave").update("model", path.join(path.dirname(tiny), "scripted.gguf"), vscode.ConfigurationTarget.Workspace);
    await ready(path.join(path.dirname(tiny), "scripted.gguf"));
  });

  after(async function () {
    this.timeout(120_000);
    await vscode.workspace.saveAll(false);
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    await config("files").update("autoSave", undefined, vscode.ConfigurationTarget.Workspace);
    await config("enclave").update("model", previousModel, vscode.ConfigurationTarget.Workspace);
    // The kill below counts as a crash: a user's restart resets the budget for the suites after this one.
    await vscode.commands.executeCommand("enclave.restartServer");
    await ready(previousModel ?? process.env.ENCLAVE_TINY_MODEL!);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(): Promise<vscode.TextEditor> {
    const file = path.join(dir, `tool${++counter}.py`);
    fs.writeFileSync(file, TOOL);
    return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
  }

  /** Calls `act` as the n-th streamed delta arrives (1-based), while the edit is still streaming. */
  function onDelta(n: number, act: () => void): void {
    let count = 0;
    const subscription = controller.onDidReceiveDelta(() => {
      if (++count < n) return;
      subscription.dispose();
      act();
    });
  }

  /** Records the document's text at every change while an edit streams. */
  function recordWhileStreaming(document: vscode.TextDocument): { seen: string[]; stop(): void } {
    const seen: string[] = [];
    const watch = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document && e.contentChanges.length) seen.push(document.getText());
    });
    return { seen, stop: () => watch.dispose() };
  }

  it("streams the rewrite into the file; Shield's error makes Accept ask; Accept is one undo step", async () => {
    const editor = await open();
    const document = editor.document;
    const seen: string[] = [];
    const watch = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document && controller.pending?.phase === "streaming") seen.push(document.getText());
    });
    const outcome = controller.edit(editor, { range: RUN_LINES, instruction: INSTRUCTION });
    await until("the review", () => controller.pending?.phase === "review", 60_000);
    watch.dispose();
    assert.ok(seen.some((t) => t.includes("def run(cmd):\n") && !t.includes("    return status\n")), `a partial rewrite was drawn in the file while streaming: ${JSON.stringify(seen)}`);
    const pending = controller.pending!;
    assert.equal(pending.newText, SCRIPTED_EDIT_REWRITE);
    assert.ok(pending.findings.some((f) => f.severity === "error" && f.cwe === "CWE-78"), JSON.stringify(pending.findings));
    const text = document.getText();
    assert.ok(text.includes("subprocess.run(shlex.split(command))") && text.includes("os.system(cmd)"), `old and new lines in place:\n${text}`);

    assert.equal(await vscode.commands.executeCommand("enclave.inlineEdit.accept"), false, "Accept asks first when Shield found an error (refused here)");
    assert.equal(controller.pending?.phase, "review");
    assert.equal(await controller.accept({ findingsConfirmed: true }), true);
    assert.equal(await outcome, "accepted");
    assert.equal(document.getText(), REWRITTEN);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand("undo");
    assert.equal(document.getText(), TOOL, "one undo restores the original");
  });

  it("a follow-up refines the same edit; Reject then restores the file byte for byte", async () => {
    const editor = await open();
    const document = editor.document;
    const outcome = controller.edit(editor, { range: RUN_LINES, instruction: INSTRUCTION });
    await until("the review", () => controller.pending?.phase === "review", 60_000);
    assert.equal(await controller.followUp(`And keep it short${SCRIPTED_EDIT_MARKER.marker}`), true);
    assert.equal(controller.pending?.phase, "streaming");
    await until("the follow-up's review", () => controller.pending?.phase === "review", 60_000);
    assert.equal(controller.pending!.newText, SCRIPTED_EDIT_REWRITE);
    assert.equal(await vscode.commands.executeCommand("enclave.inlineEdit.reject"), true);
    assert.equal(await outcome, "rejected");
    assert.equal(document.getText(), TOOL);
  });

  it("typing elsewhere in the file mid-stream cancels the edit, puts the original back and keeps the typing", async () => {
    const editor = await open();
    const document = editor.document;
    let typed: Thenable<unknown> | undefined;
    const record = recordWhileStreaming(document);
    // At the second delta the first one ("def run(cmd):", a changed line) has been drawn.
    onDelta(2, () => {
      // Above the region: the preview's lines below cannot move the spot before the keystroke lands.
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      typed = vscode.commands.executeCommand("type", { text: "x" });
    });
    const outcome = await controller.edit(editor, { range: RUN_LINES, instruction: INSTRUCTION });
    await typed;
    record.stop();
    assert.ok(record.seen.some((t) => t.includes("def run(cmd):\n")), `the rewrite was drawn in the file before the typing stopped it: ${JSON.stringify(record.seen)}`);
    assert.equal(outcome, "cancelled");
    assert.equal(document.getText(), `x${TOOL}`);
  });

  it("the server killed mid-stream leaves the original text and says so", async function () {
    this.timeout(400_000);
    // The kill comes as the first delta reaches the extension host; on a loaded machine the
    // server may already have sent its whole answer by then (the edit then reaches review, which
    // proves nothing): such an attempt is rejected and tried again, at most three times.
    for (let attempt = 1; ; attempt++) {
      await until("a server to kill", () => api.context.modelStatus.state === "ready" && api.context.serverPid !== undefined, 90_000);
      const editor = await open();
      const document = editor.document;
      const pid = api.context.serverPid!;
      let phaseAtKill: string | undefined;
      const record = recordWhileStreaming(document);
      // At the first delta: it is drawn (it changes the def line) after the kill, before the failure.
      onDelta(1, () => {
        // Stopped at once (no further delta or answer can leave it), then killed.
        process.kill(pid, "SIGSTOP");
        phaseAtKill = controller.pending?.phase;
        process.kill(pid, "SIGKILL");
      });
      const outcome = controller.edit(editor, { range: RUN_LINES, instruction: INSTRUCTION });
      const first = await Promise.race([outcome, until("the review", () => controller.pending?.phase === "review" && "review", 120_000)]);
      record.stop();
      if (first === "review") {
        console.log(`      (attempt ${attempt}: the answer arrived before the kill; rejected, trying again)`);
        await controller.reject();
        assert.ok(attempt < 3, "the answer beat the kill three times");
        continue;
      }
      assert.equal(phaseAtKill, "streaming", "the kill came mid-stream");
      assert.ok(record.seen.some((t) => t.includes("def run(cmd):\n")), `the rewrite was drawn in the file before the original came back: ${JSON.stringify(record.seen)}`);
      assert.equal(first, "failed");
      assert.equal(document.getText(), TOOL, "the original text is back");
      await until("the restarted server", () => api.context.modelStatus.state === "ready" && api.context.serverPid !== undefined && api.context.serverPid !== pid, 90_000);
      return;
    }
  });
});
