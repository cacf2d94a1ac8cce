// The UI suite's consent steps for the recommended next-edit model (test/e2e/ui.test.mjs runs them
// with its step()): "Enclave: Use the Recommended Next-Edit Model" shows a modal naming the model,
// its size and the host it would come from. Cancel writes no setting and nothing is fetched;
// Download writes enclave.nextEdit.model, and the language server then downloads the file from the
// configured endpoint (here a Hugging Face-shaped server on 127.0.0.1 that serves the scripted
// fixture model under the recommended file's path) and loads it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { runCommand } from "./palette.mjs";

const COMMAND = "Enclave: Use the Recommended Next-Edit Model";
const EDITOR = ".part.editor .editor-instance .monaco-editor";
/** Where the recommended model's hf: URI resolves (common/nextEditProtocol.ts). */
const REPO_PATH = ["sweepai", "sweep-next-edit-1.5B", "sweep-next-edit-1.5b.q8_0.v2.gguf"];

/** A Hugging Face-shaped endpoint on 127.0.0.1 that answers every request with `model`'s bytes. */
export async function modelHost(model) {
  const body = readFileSync(model);
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    res.writeHead(200, { "content-length": body.length });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The open modal dialog's message, once it is shown. */
async function dialogText(page) {
  const dialog = page.locator(".monaco-dialog-box");
  await dialog.waitFor({ timeout: 15_000 });
  return (await dialog.locator(".dialog-message").innerText()).replace(/\s+/g, " ");
}

/**
 * A setting as written by VS Code: in code-server, in the browser-side user settings or in the
 * remote machine's (which is where machine-overridable settings may go), whichever has it.
 */
function userSetting(userDataDir, key) {
  for (const kind of ["Machine", "User"]) {
    const file = path.join(userDataDir, kind, "settings.json");
    if (!existsSync(file)) continue;
    const text = readFileSync(file, "utf8").replace(/^\s*\/\/.*$/gm, "");
    const value = text.trim() ? JSON.parse(text)[key] : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Every line of the Enclave output channel's log files under the user data folder. */
function enclaveLogLines(userDataDir) {
  const lines = [];
  const walk = (dir) => {
    for (const entry of existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "Enclave.log") lines.push(...readFileSync(full, "utf8").split("\n"));
    }
  };
  walk(path.join(userDataDir, "logs"));
  return lines;
}

export const consentSteps = {
  /** The modal names the model, its size and the host; Cancel leaves the settings and the network alone. */
  async cancelWritesNothing(page, { userDataDir, host, screenshot, log }) {
    await runCommand(page, COMMAND);
    const text = await dialogText(page);
    log(`modal: ${JSON.stringify(text)}`);
    if (!/Download Sweep Next-Edit 1\.5B \(Q8_0\) \(about \d+\.\d GB\)/.test(text)) throw new Error(`the modal does not name the model and its size: ${text}`);
    if (!text.includes(new URL(host.url).host)) throw new Error(`the modal does not name the host ${new URL(host.url).host}: ${text}`);
    await screenshot(page, "next-edit-consent-modal");
    await page.locator(".monaco-dialog-box .dialog-buttons a.monaco-button", { hasText: "Cancel" }).click();
    await page.locator(".monaco-dialog-box").waitFor({ state: "detached", timeout: 10_000 });
    await page.waitForTimeout(1000);
    const written = userSetting(userDataDir, "enclave.nextEdit.model");
    if (written !== undefined) throw new Error(`Cancel wrote enclave.nextEdit.model = ${JSON.stringify(written)}`);
    if (host.requests.length) throw new Error(`Cancel fetched ${host.requests.join(", ")}`);
  },

  /** Download writes the setting; the next pause in typing makes the server fetch the file from the endpoint and load it. */
  async downloadFetchesAndLoads(page, { userDataDir, host, modelsDir, screenshot, log }) {
    await runCommand(page, COMMAND);
    await dialogText(page);
    await page.locator(".monaco-dialog-box .dialog-buttons a.monaco-button", { hasText: "Download" }).click();
    const deadline = Date.now() + 15_000;
    while (userSetting(userDataDir, "enclave.nextEdit.model") === undefined) {
      if (Date.now() > deadline) throw new Error("Download did not write enclave.nextEdit.model");
      await page.waitForTimeout(200);
    }
    log(`enclave.nextEdit.model = ${userSetting(userDataDir, "enclave.nextEdit.model")}`);
    // The model is fetched when a prediction first needs it: type in the open editor and pause.
    const file = path.join(modelsDir, ...REPO_PATH);
    const fetched = Date.now() + 60_000;
    while (!existsSync(file) || host.requests.length === 0) {
      if (Date.now() > fetched) throw new Error(`the server did not download ${file} (requests: ${JSON.stringify(host.requests)})`);
      await page.locator(`${EDITOR} .view-lines`).click();
      await page.keyboard.press("End");
      await page.keyboard.type(" ", { delay: 20 });
      await page.waitForTimeout(2000);
    }
    if (host.requests.length !== 1 || host.requests[0] !== `/${REPO_PATH.slice(0, 2).join("/")}/resolve/main/${REPO_PATH[2]}`) {
      throw new Error(`expected one request for the recommended file, got ${JSON.stringify(host.requests)}`);
    }
    log(`downloaded from ${host.url}${host.requests[0]} to ${file}`);
    // Then loaded as the next-edit model: the extension's log (the server's lines) says so.
    const loaded = Date.now() + 30_000;
    let line;
    while (!(line = enclaveLogLines(userDataDir).find((l) => l.includes("Loaded the next-edit model")))) {
      if (Date.now() > loaded) throw new Error("the downloaded next-edit model was not loaded (no \"Loaded the next-edit model\" in the Enclave log)");
      await page.waitForTimeout(500);
    }
    log(line.trim());
    await screenshot(page, "next-edit-model-downloaded");
  },
};
