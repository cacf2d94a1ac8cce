// Runs inside the real extension host: the chat answers through the language server, saves each
// turn in the workspace's storage, and the history survives a window reload (a reloaded window
// builds a new history reader over the same storage; the UI suite also reloads the real page).
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { suite, suiteSetup, suiteTeardown, test } from "mocha";
import * as vscode from "vscode";
import type { EnclaveApi } from "../../src/extension";
import { until } from "./until";

const EXTENSION_ID = "enclave.enclave";

/** Resolves once the model is ready (or fails with the status it reached). */
async function ready(api: EnclaveApi): Promise<void> {
  await api.context.ensureClient();
  const deadline = Date.now() + 60_000;
  while (api.context.modelStatus.state !== "ready") {
    if (api.context.modelStatus.state === "error") throw new Error(`model error: ${api.context.modelStatus.message}`);
    if (Date.now() > deadline) throw new Error(`no ready model: ${JSON.stringify(api.context.modelStatus)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the server reports the given model ready (after a settings change reloads it). */
async function waitForModel(api: EnclaveApi, model: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(api.context.modelStatus.state === "ready" && api.context.modelStatus.model?.path === model)) {
    if (Date.now() > deadline) throw new Error(`${model} did not become ready: ${JSON.stringify(api.context.modelStatus)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

suite("Enclave chat in a real VS Code", () => {
  let api: EnclaveApi;
  let conversationId = "";
  const config = () => vscode.workspace.getConfiguration("enclave");

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<EnclaveApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    api = await extension.activate();
    assert.ok(api.chat, "activate() returned no chat API");
    // The tiny model never stops by itself: keep answers short.
    await config().update("chat.maxTokens", 48, vscode.ConfigurationTarget.Workspace);
    await ready(api);
  });

  suiteTeardown(async () => {
    await config().update("chat.maxTokens", undefined, vscode.ConfigurationTarget.Workspace);
  });

  test("/explain on a selection answers through the server and saves the turn in workspace storage", async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, "no workspace folder");
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, "app.py"));
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, Math.min(3, document.lineCount - 1), 0);
    await api.chat.controller.newChat();
    await api.chat.controller.send("/explain");
    const current = api.chat.controller.current;
    assert.ok(current, "no conversation after the turn");
    conversationId = current.id;
    assert.equal(current.messages.length, 2);
    const [user, answer] = current.messages;
    assert.equal(user?.command, "explain");
    assert.equal(user?.context?.[0]?.kind, "selection");
    assert.match(user?.context?.[0]?.label ?? "", /^app\.py:1-3$/);
    assert.ok(answer?.text.length, "empty answer");
    assert.equal(answer?.usage?.generatedTokens, 48);
    assert.match(current.title, /^Explain: app\.py:1-3$/);

    assert.ok(api.chat.storageLocation.startsWith("file:") || api.chat.storageLocation.startsWith("vscode"), api.chat.storageLocation);
    const file = vscode.Uri.joinPath(vscode.Uri.parse(api.chat.storageLocation), `${conversationId}.json`);
    const stored = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { conversation: { messages: unknown[] } };
    assert.equal(stored.conversation.messages.length, 2, "the turn is on disk");
  });

  test("the conversation survives a window reload: a new reader of the workspace storage finds it whole", async () => {
    const reloaded = api.chat.reopenHistory();
    const listed = await reloaded.list();
    assert.ok(listed.some((s) => s.id === conversationId && s.messageCount === 2), JSON.stringify(listed));
    assert.deepEqual((await reloaded.get(conversationId))?.messages, api.chat.controller.current?.messages);
  });

  test("after a server restart the stored conversation is handed back and continued", async () => {
    await api.context.restartServer();
    await ready(api);
    assert.ok(await api.chat.controller.open(conversationId));
    await api.chat.controller.send("And what could go wrong?");
    const messages = api.chat.controller.current?.messages ?? [];
    assert.equal(messages.length, 4, "the server continued the restored conversation");
    assert.equal((await api.chat.reopenHistory().get(conversationId))?.messages.length, 4);
  });

  test("rename and delete persist in the workspace storage", async () => {
    assert.equal(await api.chat.history.rename(conversationId, "Reading app.py"), true);
    assert.equal((await api.chat.reopenHistory().get(conversationId))?.title, "Reading app.py");
    assert.equal(await api.chat.history.delete(conversationId), true);
    assert.equal((await api.chat.reopenHistory().list()).some((s) => s.id === conversationId), false);
  });

  test("with a model that answers in code, every block of the answer is scanned and Apply changes the file once accepted", async () => {
    const tiny = process.env.ENCLAVE_TINY_MODEL;
    assert.ok(tiny, "ENCLAVE_TINY_MODEL is not set by the runner");
    const scripted = path.join(path.dirname(tiny), "scripted.gguf");
    // The runner points enclave.model at the tiny model in the workspace settings: put that back afterwards.
    const previous = config().inspect<string>("model")?.workspaceValue;
    await config().update("model", scripted, vscode.ConfigurationTarget.Workspace);
    // This test shows how an insecure block is flagged, so the repair turn (tested over LSP in
    // test/server/shieldRepair.test.ts) must not rewrite it first.
    await config().update("shield.chatRepair", false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForModel(api, scripted);
      const folder = vscode.workspace.workspaceFolders![0]!;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, "app.py"));
      const editor = await vscode.window.showTextDocument(document);
      const original = document.getText();
      const greet = document.getText().split("\n").findIndex((l) => l.startsWith("def greet"));
      editor.selection = new vscode.Selection(greet, 0, greet + 2, 0);
      await api.chat.controller.newChat();
      await api.chat.controller.send("/fix");
      const answer = api.chat.controller.current!.messages[1]!;
      assert.equal(answer.stopReason, "eos");
      const [clean, risky] = [await api.chat.controller.scanOf(answer.id, 0), await api.chat.controller.scanOf(answer.id, 1)];
      assert.equal(clean?.state, "clean", JSON.stringify(clean));
      assert.equal(risky?.state, "findings", JSON.stringify(risky));
      assert.ok(risky?.findings.some((f) => f.cwe === "CWE-78" && f.severity === "error"), JSON.stringify(risky));

      // Apply the clean block to the code the question was about: it is reviewed in place, and
      // the question's two lines are all it may replace (the /fix result goes through the inline review).
      const applied = api.chat.controller.codeAction("apply", answer.id, 0);
      const pending = await until("the in-place review", () => api.edit.controller.pending?.phase === "review" && api.edit.controller.pending);
      assert.equal(pending.range.start.line, greet);
      assert.equal(pending.original.replace(/\n$/, ""), original.split("\n").slice(greet, greet + 2).join("\n"), "the review replaces the question's lines");
      assert.equal(await vscode.commands.executeCommand("enclave.inlineEdit.accept"), true);
      assert.equal((await applied)?.target.kind, "question");
      assert.ok(!document.getText().includes("def greet"), "the selection the question was about was replaced");
      assert.ok(document.getText().includes('\n\n\nimport subprocess\nsubprocess.run(["ls", "-l"], check=True)\n\n\ndef add'), document.getText());
      await vscode.commands.executeCommand("undo");
    } finally {
      await config().update("shield.chatRepair", undefined, vscode.ConfigurationTarget.Workspace);
      await config().update("model", previous, vscode.ConfigurationTarget.Workspace);
      await waitForModel(api, previous ?? tiny);
    }
  });

  test("the chat commands, view and code actions are registered", async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const c of ["enclave.chat.new", "enclave.chat.history", "enclave.chat.explain", "enclave.chat.fix", "enclave.chat.tests", "enclave.chat.doc", "enclave.chat.focus"]) {
      assert.ok(all.has(c), `command ${c} is missing`);
    }
    const folder = vscode.workspace.workspaceFolders![0]!;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, "app.py"));
    const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 3), "something is wrong here", vscode.DiagnosticSeverity.Error);
    const collection = vscode.languages.createDiagnosticCollection("chat-test");
    collection.set(document.uri, [diagnostic]);
    try {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", document.uri, diagnostic.range);
      const titles = actions.map((a) => a.title);
      assert.ok(titles.some((t) => t.startsWith("Enclave: Fix in Chat \"something is wrong here\"")), titles.join(", "));
      assert.ok(titles.some((t) => t.startsWith("Fix with Enclave: something is wrong here")), titles.join(", "));
      assert.ok(titles.includes("Enclave: Explain"), titles.join(", "));
    } finally {
      collection.dispose();
    }
  });
});
