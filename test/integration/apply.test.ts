// Runs inside the real extension host: a chat code block's Apply with nothing selected changes
// only the definition with the block's name (found by the server with tree-sitter), reviewed in
// place; the rest of the file stays byte-identical. Insert re-indents the block to the cursor's line.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { suite, suiteSetup, suiteTeardown, test } from "mocha";
import * as vscode from "vscode";
import type { EnclaveApi } from "../../src/extension";
import { SMART_APPLY_MERGE } from "../fixtures/gguf/scriptedScripts";
import { until } from "./until";

const EXTENSION_ID = "enclave.enclave";

/** Thirteen lines, three functions; `add` is the one a chat block redefines. */
const SAMPLE = [
  '"""Arithmetic helpers."""',
  "",
  "",
  "def greet(name: str) -> str:",
  '    return f"Hello, {name}!"',
  "",
  "",
  "def add(a: int, b: int) -> int:",
  "    return a + b",
  "",
  "",
  "def twice(x: int) -> int:",
  "    return add(x, x)",
  "",
].join("\n");
const NEW_ADD = "def add(a: int, b: int) -> int:\n    total = a + b\n    return total";

suite("Smart Apply and Insert from chat in a real VS Code", () => {
  let api: EnclaveApi;
  let dir: string;
  let counter = 0;
  const config = () => vscode.workspace.getConfiguration("enclave");

  suiteSetup(async () => {
    api = await vscode.extensions.getExtension<EnclaveApi>(EXTENSION_ID)!.activate();
    // The tiny model's answer does not matter here (the block is in the question): keep it short.
    await config().update("chat.maxTokens", 16, vscode.ConfigurationTarget.Workspace);
    dir = path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, "apply-test");
    fs.mkdirSync(dir, { recursive: true });
    await api.context.ensureClient();
    await until("the model to be ready", () => api.context.modelStatus.state === "ready", 60_000);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    await config().update("chat.maxTokens", undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Sends a message holding `code` in a python fence and returns the user message's id. */
  async function ask(code: string): Promise<string> {
    await api.chat.controller.newChat();
    await api.chat.controller.send(`Use this:\n\n\`\`\`python\n${code}\n\`\`\``);
    return api.chat.controller.current!.messages[0]!.id;
  }

  /** A new file per test, so no test sees another's buffer. */
  async function open(text: string): Promise<vscode.TextEditor> {
    const file = path.join(dir, `sample${++counter}.py`);
    fs.writeFileSync(file, text);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    assert.equal(editor.document.getText(), text);
    return editor;
  }

  test("Apply with nothing selected replaces only the function with the block's name; the rest is byte-identical", async () => {
    const editor = await open(SAMPLE);
    const document = editor.document;
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const id = await ask(NEW_ADD);
    await vscode.window.showTextDocument(document);
    const applied = api.chat.controller.codeAction("apply", id, 0);
    const pending = await until("the in-place review", () => api.edit.controller.pending?.phase === "review" && api.edit.controller.pending, 30_000);
    assert.equal(pending.uri.toString(), document.uri.toString());
    assert.equal(pending.range.start.line, 7, "the review covers add(), not the file");
    assert.equal(await vscode.commands.executeCommand("enclave.inlineEdit.accept"), true);
    const result = await applied;
    assert.equal(result?.target.kind, "located");
    assert.equal(result?.target.symbol, "add");
    assert.equal(result?.outcome, "accepted");
    const expected = SAMPLE.replace("def add(a: int, b: int) -> int:\n    return a + b", NEW_ADD);
    assert.equal(document.getText(), expected);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand("undo");
    assert.equal(document.getText(), SAMPLE, "one undo restores the file");
  });

  test("Apply of a method re-indents it into its class; Reject leaves the file byte-identical", async () => {
    const source = "class Box:\n    def size(self):\n        return 1\n\n    def name(self):\n        return 'box'\n";
    const editor = await open(source);
    const id = await ask("def size(self):\n    return 2");
    const applied = api.chat.controller.codeAction("apply", id, 0);
    const pending = await until("the in-place review", () => api.edit.controller.pending?.phase === "review" && api.edit.controller.pending);
    assert.equal(pending.newText?.replace(/\n$/, ""), "    def size(self):\n        return 2", "the block re-indented into the class");
    assert.equal(await vscode.commands.executeCommand("enclave.inlineEdit.accept"), true);
    assert.equal((await applied)?.outcome, "accepted");
    assert.equal(editor.document.getText(), source.replace("return 1", "return 2"));
    await vscode.commands.executeCommand("undo");

    const again = api.chat.controller.codeAction("apply", id, 0);
    await until("the second review", () => api.edit.controller.pending?.phase === "review");
    await vscode.commands.executeCommand("enclave.inlineEdit.reject");
    assert.equal((await again)?.outcome, "rejected");
    assert.equal(editor.document.getText(), source, "Reject leaves the file byte-identical");
  });

  test("Apply with a selection replaces the selection and nothing else", async () => {
    const editor = await open(SAMPLE);
    const id = await ask("def triple(x: int) -> int:\n    return 3 * x");
    editor.selection = new vscode.Selection(11, 0, 13, 0); // twice(), both lines.
    await vscode.window.showTextDocument(editor.document);
    const applied = api.chat.controller.codeAction("apply", id, 0);
    await until("the in-place review", () => api.edit.controller.pending?.phase === "review");
    await vscode.commands.executeCommand("enclave.inlineEdit.accept");
    assert.equal((await applied)?.target.kind, "selection");
    assert.equal(editor.document.getText(), SAMPLE.replace("def twice(x: int) -> int:\n    return add(x, x)", "def triple(x: int) -> int:\n    return 3 * x"));
    await vscode.commands.executeCommand("undo");
  });

  test("Apply of a block the file does not define: the model merges it into the (small) file, reviewed in place", async () => {
    // The scripted model answers a merge prompt holding SMART_APPLY_MERGE.block with the merged file.
    const tiny = process.env.ENCLAVE_TINY_MODEL;
    assert.ok(tiny, "ENCLAVE_TINY_MODEL is not set by the runner");
    const scripted = path.join(path.dirname(tiny), "scripted.gguf");
    const previous = config().inspect<string>("model")?.workspaceValue;
    await config().update("model", scripted, vscode.ConfigurationTarget.Workspace);
    try {
      await until("the scripted model", () => api.context.modelStatus.state === "ready" && api.context.modelStatus.model?.path === scripted, 60_000);
      const editor = await open(SMART_APPLY_MERGE.file);
      editor.selection = new vscode.Selection(4, 0, 4, 0);
      const id = await ask(SMART_APPLY_MERGE.block);
      await vscode.window.showTextDocument(editor.document);
      const applied = api.chat.controller.codeAction("apply", id, 0);
      const pending = await until("the merge under review", () => api.edit.controller.pending?.phase === "review" && api.edit.controller.pending, 60_000);
      assert.equal(pending.range.start.line, 0, "a small file is merged whole");
      assert.equal(await vscode.commands.executeCommand("enclave.inlineEdit.accept"), true);
      const result = await applied;
      assert.equal(result?.target.kind, "merge");
      assert.equal(result?.outcome, "accepted");
      assert.equal(editor.document.getText(), SMART_APPLY_MERGE.merged);
      await vscode.commands.executeCommand("undo");
      assert.equal(editor.document.getText(), SMART_APPLY_MERGE.file, "one undo restores the file");
    } finally {
      await config().update("model", previous, vscode.ConfigurationTarget.Workspace);
      const back = previous ?? tiny;
      await until("the previous model", () => api.context.modelStatus.state === "ready" && api.context.modelStatus.model?.path === back, 60_000);
    }
  });

  test("Insert re-indents the block to the cursor's line", async () => {
    const source = "class Box:\n    def size(self):\n        \n";
    const editor = await open(source);
    const id = await ask("if self.full:\n    return 2\nreturn 1");
    editor.selection = new vscode.Selection(2, 8, 2, 8);
    await api.chat.controller.codeAction("insert", id, 0);
    assert.equal(editor.document.getText(), "class Box:\n    def size(self):\n        if self.full:\n            return 2\n        return 1\n");
    await vscode.commands.executeCommand("undo");
  });
});
