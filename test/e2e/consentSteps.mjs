// The UI suite's consent steps for the recommended models (test/e2e/ui.test.mjs runs them with its
// step()): "Enclave: Use the Recommended Next-Edit Model" and "... Embedding Model" each show a
// modal naming the model, its size and the host it would come from. Cancel writes no setting and
// nothing is fetched; Download writes the setting, and the language server then downloads the file
// from the configured endpoint (here a Hugging Face-shaped server on 127.0.0.1 that serves a
// fixture model under the recommended file's path) and uses it: the next-edit model is loaded at
// the next pause in typing, the embedding model embeds the codebase index's chunks. The harness
// passes `runCommand` (test/e2e/chatSteps.ts) and the host (test/server/slowModelHost.ts), both
// compiled by its first step.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const EDITOR = ".part.editor .editor-instance .monaco-editor";

/** What each offer's steps check: its command, the modal's words, the setting, where its hf: URI resolves, and the log line of its use. */
export const OFFERS = {
  nextEdit: {
    command: "Enclave: Use the Recommended Next-Edit Model",
    modal: /Download Sweep Next-Edit 1\.5B \(Q8_0\) \(about \d+\.\d GB\)/,
    setting: "enclave.nextEdit.model",
    // common/nextEditProtocol.ts
    repoPath: ["sweepai", "sweep-next-edit-1.5B", "sweep-next-edit-1.5b.q8_0.v2.gguf"],
    used: "Loaded the next-edit model",
    shot: "next-edit",
    /** The model is fetched when a prediction first needs it: a pause in typing. */
    nudge: true,
  },
  embedding: {
    command: "Enclave: Use the Recommended Embedding Model",
    modal: /Download Qwen3-Embedding-0\.6B \(Q8_0\) \(about \d+\.\d GB\)/,
    setting: "enclave.embeddingModel",
    // common/indexProtocol.ts
    repoPath: ["Qwen", "Qwen3-Embedding-0.6B-GGUF", "Qwen3-Embedding-0.6B-Q8_0.gguf"],
    used: "chunks embedded in",
    shot: "embedding",
    nudge: false,
  },
};

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
  async cancelWritesNothing(page, { offer, runCommand, userDataDir, host, screenshot, log }) {
    await runCommand(page, offer.command);
    const text = await dialogText(page);
    log(`modal: ${JSON.stringify(text)}`);
    if (!offer.modal.test(text)) throw new Error(`the modal does not name the model and its size: ${text}`);
    if (!text.includes(new URL(host.url).host)) throw new Error(`the modal does not name the host ${new URL(host.url).host}: ${text}`);
    await screenshot(page, `${offer.shot}-consent-modal`);
    await page.locator(".monaco-dialog-box .dialog-buttons a.monaco-button", { hasText: "Cancel" }).click();
    await page.locator(".monaco-dialog-box").waitFor({ state: "detached", timeout: 10_000 });
    await page.waitForTimeout(1000);
    const written = userSetting(userDataDir, offer.setting);
    if (written !== undefined) throw new Error(`Cancel wrote ${offer.setting} = ${JSON.stringify(written)}`);
    if (host.requests.length) throw new Error(`Cancel fetched ${host.requests.join(", ")}`);
  },

  /** Download writes the setting; the server fetches the file from the endpoint once and uses it. */
  async downloadFetchesAndUses(page, { offer, runCommand, userDataDir, host, modelsDir, screenshot, log }) {
    await runCommand(page, offer.command);
    await dialogText(page);
    await page.locator(".monaco-dialog-box .dialog-buttons a.monaco-button", { hasText: "Download" }).click();
    const deadline = Date.now() + 15_000;
    while (userSetting(userDataDir, offer.setting) === undefined) {
      if (Date.now() > deadline) throw new Error(`Download did not write ${offer.setting}`);
      await page.waitForTimeout(200);
    }
    log(`${offer.setting} = ${userSetting(userDataDir, offer.setting)}`);
    const file = path.join(modelsDir, ...offer.repoPath);
    const fetched = Date.now() + 60_000;
    while (!existsSync(file) || host.requests.length === 0) {
      if (Date.now() > fetched) throw new Error(`the server did not download ${file} (requests: ${JSON.stringify(host.requests)})`);
      if (offer.nudge) {
        await page.locator(`${EDITOR} .view-lines`).click();
        await page.keyboard.press("End");
        await page.keyboard.type(" ", { delay: 20 });
      }
      await page.waitForTimeout(offer.nudge ? 2000 : 500);
    }
    if (host.requests.length !== 1 || host.requests[0] !== `/${offer.repoPath.slice(0, 2).join("/")}/resolve/main/${offer.repoPath[2]}`) {
      throw new Error(`expected one request for the recommended file, got ${JSON.stringify(host.requests)}`);
    }
    log(`downloaded from ${host.url}${host.requests[0]} to ${file}`);
    // Then used: the extension's log (the server's lines) says so.
    const used = Date.now() + 60_000;
    let line;
    while (!(line = enclaveLogLines(userDataDir).find((l) => l.includes(offer.used)))) {
      if (Date.now() > used) throw new Error(`the downloaded model was not used (no "${offer.used}" in the Enclave log)`);
      await page.waitForTimeout(500);
    }
    log(line.trim());
    await screenshot(page, `${offer.shot}-model-downloaded`);
  },
};
