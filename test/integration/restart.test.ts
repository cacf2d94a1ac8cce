// Runs inside the real extension host, after extension.test.ts: the server is killed (kill -9
// of the pid the server itself reports in its status) until the extension stops restarting it,
// then "Enclave: Restart Server" brings it back; and handlers reach a client created after a
// failed start (the server bundle missing, as during a broken build), so the completion status
// still updates after the user restarts.
import * as assert from "node:assert/strict";
import { existsSync, renameSync } from "node:fs";
import * as path from "node:path";
import { before, describe, it } from "mocha";
import * as vscode from "vscode";
import { InlineCompletionRequest, InlineCompletionTriggerKind } from "vscode-languageclient/node";
import type { EnclaveApi } from "../../src/extension";
import type { StatusParams } from "../../common/protocol";

type Api = EnclaveApi["context"];

function waitFor(api: Api, accept: (status: StatusParams) => boolean, ms: number, what: string): Promise<StatusParams> {
  return new Promise((resolve, reject) => {
    let subscription: vscode.Disposable | undefined;
    const timer = setTimeout(() => {
      subscription?.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}; last status: ${JSON.stringify(api.modelStatus)}, status bar ${JSON.stringify(api.status.text)}`));
    }, ms);
    const check = (status: StatusParams): void => {
      if (!accept(status)) return;
      clearTimeout(timer);
      subscription?.dispose();
      resolve(status);
    };
    subscription = api.onStatus(check);
    check(api.modelStatus);
  });
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("Enclave's server restarts are bounded, and every client gets its handlers", () => {
  let api: Api;
  let extension: vscode.Extension<EnclaveApi>;

  before(async () => {
    extension = vscode.extensions.getExtension<EnclaveApi>("enclave.enclave")!;
    api = (await extension.activate()).context;
    await waitFor(api, (s) => s.state === "ready" && api.serverPid !== undefined, 60_000, "ready with a pid");
  });

  it("stops restarting after 5 crashes in 3 minutes, says so, and Restart Server brings it back", async function () {
    this.timeout(300_000);
    const started = Date.now();
    const pids: number[] = [];
    let gaveUp = false;
    for (let kill = 1; kill <= 8 && !gaveUp; kill++) {
      const pid = api.serverPid;
      assert.ok(pid, `no server pid before kill ${kill}`);
      pids.push(pid);
      process.kill(pid, "SIGKILL");
      const after = await waitFor(api, (s) => (s.state === "error" && /not restarted again/.test(s.message ?? ""))
        || (s.state === "ready" && api.serverPid !== undefined && api.serverPid !== pid), 90_000, `a restart or the give-up after kill ${kill}`);
      gaveUp = after.state === "error";
      console.log(`      (kill ${kill} of pid ${pid}: ${gaveUp ? "given up" : `restarted as ${api.serverPid}`}, restarts counted ${api.restartCount}, ${Math.round((Date.now() - started) / 1000)} s)`);
    }
    assert.ok(gaveUp, "the extension kept restarting the server");
    assert.equal(api.restartCount, 5, "five restarts within the window before giving up");
    assert.ok(pids.length <= 6, `${pids.length} kills`);
    assert.match(api.status.text, /Enclave: stopped/);
    assert.match(api.status.tooltip, /not restarted again/);
    // No server comes back by itself.
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(api.serverPid, undefined, "a server pid after giving up");
    assert.ok(!alive(pids[pids.length - 1]!), "the last server still runs");

    await vscode.commands.executeCommand("enclave.restartServer");
    await waitFor(api, (s) => s.state === "ready" && api.serverPid !== undefined, 60_000, "ready after Restart Server");
    assert.ok(!pids.includes(api.serverPid!), `pid ${api.serverPid} is an old one`);
    assert.equal(api.restartCount, 0, "the user's restart resets the count");
    assert.match(api.status.text, /Enclave.*CPU/);
  });

  it("attaches handlers to a client created after a failed start: the completion status updates after Restart Server", async function () {
    this.timeout(180_000);
    const bundle = path.join(extension.extensionPath, "dist", "server.js");
    const aside = `${bundle}.aside`;
    await api.stop();
    renameSync(bundle, aside);
    try {
      // The server bundle is missing: the start fails (as with a broken build) and says so.
      const failed = await Promise.race([
        api.ensureClient().then(() => "started", (error: Error) => error.message),
        new Promise<string>((r) => setTimeout(() => r("still starting after 60 s"), 60_000)),
      ]);
      assert.notEqual(failed, "started");
      assert.notEqual(failed, "still starting after 60 s");
      assert.equal(api.modelStatus.state, "error");
      assert.match(api.modelStatus.message ?? "", /did not start/);
    } finally {
      if (existsSync(aside)) renameSync(aside, bundle);
    }
    await vscode.commands.executeCommand("enclave.restartServer");
    await waitFor(api, (s) => s.state === "ready" && api.serverPid !== undefined, 60_000, "ready after the restart");

    // A completion from the new server reaches the completion status item through the hook.
    api.status.showCompletion({ text: "before", tooltip: "" });
    const folder = vscode.workspace.workspaceFolders![0]!;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, "app.py"));
    await vscode.window.showTextDocument(document);
    const client = await api.ensureClient();
    const end = document.lineAt(document.lineCount - 1).range.end;
    // By method name: the test's copy of the protocol types is not the bundled client's.
    await client.sendRequest(InlineCompletionRequest.method, {
      textDocument: { uri: document.uri.toString() }, position: { line: end.line, character: end.character },
      context: { triggerKind: InlineCompletionTriggerKind.Invoked },
    });
    const deadline = Date.now() + 10_000;
    while (api.status.completionText === "before" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.notEqual(api.status.completionText, "before", "the completion status did not update: no handler on the new client");
    console.log(`      (completion status after the failed start and restart: ${JSON.stringify(api.status.completionText)})`);
  });
});
