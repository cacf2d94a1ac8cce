// Runs inside the real extension host (code-server here, desktop VS Code elsewhere): checks
// what a user relies on right after start-up — activation, the language server reaching
// "ready" with the tiny test model, commands, settings, the status bar, and the restart after
// a crash of the server process.
import * as assert from "node:assert/strict";
import { before, describe, it } from "mocha";
import * as vscode from "vscode";
import type { EnclaveApi } from "../../src/extension";
import type { StatusParams } from "../../common/protocol";

const EXTENSION_ID = "enclave.enclave";
const READY_TIMEOUT_MS = 60_000;
/** The status bar when the model runs on the CPU; the tiny test model counts as the demo model. */
const READY_TEXT = /^\$\(shield\) Enclave( \(demo model\))?: CPU$/;

type Api = EnclaveApi["context"];

/** Resolves with the first status satisfying accept (the current one included), or rejects after ms. */
function waitForStatus(api: Api, accept: (status: StatusParams) => boolean, ms: number, what: string): Promise<StatusParams> {
  return new Promise((resolve, reject) => {
    let subscription: vscode.Disposable | undefined;
    const timer = setTimeout(() => {
      subscription?.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}; last status: ${JSON.stringify(api.modelStatus)}`));
    }, ms);
    const check = (status: StatusParams): boolean => {
      if (!accept(status)) return false;
      clearTimeout(timer);
      subscription?.dispose();
      resolve(status);
      return true;
    };
    subscription = api.onStatus(check);
    check(api.modelStatus);
  });
}

/** Polls the status bar text (it has no change event) and keeps every distinct value seen. */
function recordStatusBarTexts(api: Api): { texts: string[]; stop(): void } {
  const texts = [api.status.text];
  const timer = setInterval(() => {
    const text = api.status.text;
    if (texts[texts.length - 1] !== text) texts.push(text);
  }, 25);
  return {
    texts,
    stop: () => {
      clearInterval(timer);
      if (texts[texts.length - 1] !== api.status.text) texts.push(api.status.text);
    },
  };
}

describe("Enclave in a real VS Code extension host", () => {
  let extension: vscode.Extension<EnclaveApi>;
  let api: Api;
  const tinyModel = process.env.ENCLAVE_TINY_MODEL;

  before(async () => {
    const found = vscode.extensions.getExtension<EnclaveApi>(EXTENSION_ID);
    assert.ok(found, `extension ${EXTENSION_ID} is not installed in this host`);
    extension = found;
  });

  it("activates and returns its API", async () => {
    const exported = await extension.activate();
    assert.equal(extension.isActive, true);
    assert.ok(exported?.context, "activate() returned no context");
    api = exported.context;
  });

  it("uses the workspace settings that point enclave.model at the tiny model", () => {
    assert.ok(tinyModel, "ENCLAVE_TINY_MODEL is not set by the runner");
    const model = vscode.workspace.getConfiguration("enclave").inspect<string>("model");
    assert.equal(model?.workspaceValue, tinyModel);
  });

  it("starts the language server, which reaches \"ready\" with the tiny model", async () => {
    const started = Date.now();
    await api.ensureClient();
    const status = await waitForStatus(api, (s) => s.state === "ready" || s.state === "error", READY_TIMEOUT_MS, "state ready");
    assert.equal(status.state, "ready", `server reported ${JSON.stringify(status)}`);
    assert.equal(status.model?.path, tinyModel, `model ${JSON.stringify(status.model)}`);
    assert.ok(api.serverPid && api.serverPid > 0, "no server pid");
    console.log(`      (ready after ${Date.now() - started} ms, server pid ${api.serverPid}, backend ${JSON.stringify(status.backend)})`);
  });

  it("registers its commands", async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    const contributed = (extension.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    for (const command of ["enclave.showLog", "enclave.restartServer", "enclave.reloadModel", "enclave.showStatus", ...contributed]) {
      assert.ok(all.has(command), `command ${command} is not registered`);
    }
  });

  it("a recommended-model offer whose enclave.huggingFaceEndpoint is not a URL asks nothing, writes nothing, and says why", async () => {
    const config = vscode.workspace.getConfiguration("enclave");
    let lastStatusAt = Date.now();
    const statuses = api.onStatus(() => { lastStatusAt = Date.now(); });
    const errors: string[] = [];
    const original = vscode.window.showErrorMessage;
    // Recorded, not shown: a message is the whole answer here (no modal opens before it).
    (vscode.window as { showErrorMessage: unknown }).showErrorMessage = async (message: string) => { errors.push(message); return undefined; };
    await config.update("huggingFaceEndpoint", "hf mirror", vscode.ConfigurationTarget.Global);
    try {
      for (const command of ["enclave.nextEdit.useRecommendedModel", "enclave.index.useRecommendedEmbeddingModel"]) {
        assert.equal(await vscode.commands.executeCommand(command), false, command);
      }
      assert.equal(config.inspect("nextEdit.model")?.globalValue, undefined);
      assert.equal(config.inspect("embeddingModel")?.globalValue, undefined);
      assert.equal(errors.length, 2, JSON.stringify(errors));
      assert.match(errors[0]!, /enclave\.huggingFaceEndpoint "hf mirror" is not a URL, so nothing was downloaded/);
    } finally {
      (vscode.window as { showErrorMessage: unknown }).showErrorMessage = original;
      await vscode.workspace.getConfiguration("enclave").update("huggingFaceEndpoint", undefined, vscode.ConfigurationTarget.Global);
    }
    // The endpoint is a model setting: the server reloads the model (once per change, or once for
    // both), and later tests want it ready: ready, with no status for a second and a half.
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!(api.modelStatus.state === "ready" && Date.now() - lastStatusAt > 1_500)) {
      if (Date.now() > deadline) throw new Error(`not ready again after the endpoint changes: ${JSON.stringify(api.modelStatus)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    statuses.dispose();
  });

  it("contributes its settings with the defaults of package.json", () => {
    const properties = extension.packageJSON.contributes.configuration.properties as Record<string, { default: unknown }>;
    const config = vscode.workspace.getConfiguration("enclave");
    assert.ok(Object.keys(properties).length >= 5, "too few settings contributed");
    for (const [key, schema] of Object.entries(properties)) {
      const name = key.replace(/^enclave\./, "");
      const inspected = config.inspect(name);
      assert.ok(inspected, `setting ${key} is not known to VS Code`);
      assert.deepEqual(inspected.defaultValue, schema.default, `default of ${key}`);
    }
  });

  it("shows ready on the CPU in the status bar", () => {
    assert.match(api.status.text, READY_TEXT, `status bar text is ${JSON.stringify(api.status.text)}`);
    assert.match(api.status.tooltip, /no code leaves/i, `status bar tooltip is ${JSON.stringify(api.status.tooltip)}`);
  });

  it("restarts the server after it is killed, showing \"restarting\" meanwhile", async () => {
    const oldPid = api.serverPid;
    assert.ok(oldPid, "no server pid");
    const restartsBefore = api.restartCount;
    const recorder = recordStatusBarTexts(api);
    const events: StatusParams[] = [];
    const subscription = api.onStatus((s) => events.push(s));
    const started = Date.now();
    try {
      process.kill(oldPid, "SIGKILL");
      // Ready again means: a "ready" status reported after the crash, from a new process.
      await waitForStatus(api, () => events.some((e) => e.state === "starting") && events[events.length - 1]?.state === "ready", READY_TIMEOUT_MS, "ready after the crash");
      const newPid = api.serverPid;
      assert.ok(newPid && newPid !== oldPid, `server pid ${newPid} (was ${oldPid})`);
      assert.ok(api.restartCount >= 1 && api.restartCount > restartsBefore, `restartCount ${api.restartCount} (was ${restartsBefore})`);
      recorder.stop();
      assert.ok(recorder.texts.some((t) => /restarting/i.test(t)), `status bar never showed "restarting": ${JSON.stringify(recorder.texts)}`);
      assert.match(api.status.text, READY_TEXT, `status bar text is ${JSON.stringify(api.status.text)}`);
      console.log(`      (restarted in ${Date.now() - started} ms: pid ${oldPid} -> ${newPid}; status bar: ${recorder.texts.join(" | ")})`);
    } finally {
      recorder.stop();
      subscription.dispose();
    }
  });

});
