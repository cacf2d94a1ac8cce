// The chat's UI steps for the real-VS-Code suite (code-server + chromium): a self-contained
// function the UI harness calls with its playwright Page once the workbench shows the sample
// workspace and the model is ready. It opens the Enclave chat, sends a message and watches the
// answer stream, stops one, runs /explain on a selection, sees Shield flag insecure code under
// its block, inserts that block into the editor (confirming the Shield warning), and reloads
// the page to see the conversation come back. Screenshots go to test/.artifacts/e2e/chat-*.png.
//
// From an .mjs harness: `const { runChatSteps, chatStepSettings } = require(".../out/test/e2e/chatSteps.js")`
// (or import it), merge chatStepSettings into the machine user settings, then
// `await runChatSteps(page, { step })` with the harness's own step(name, fn) for reporting.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Frame, Page } from "playwright-core";

/**
 * Settings these steps rely on: answers long enough (with the tiny model) to press Stop in time,
 * and no repair turn, because a step checks how an insecure block is flagged (the repair itself
 * is tested over LSP in test/server/shieldRepair.test.ts).
 */
export const chatStepSettings = { "enclave.chat.maxTokens": 3000, "enclave.shield.chatRepair": false } as const;

export interface ChatStepsOptions {
  /** Runs one named step, reporting it; by default each step just runs and throws on failure. */
  readonly step?: (name: string, fn: () => Promise<unknown>) => Promise<unknown>;
  /** Where screenshots go; default test/.artifacts/e2e. */
  readonly shotsDir?: string;
  readonly log?: (line: string) => void;
}

const INSECURE = "import os\n\ndef run(cmd):\n    os.system(cmd)";
const EDITOR = ".part.editor .editor-instance .monaco-editor";

export async function runChatSteps(page: Page, options: ChatStepsOptions = {}): Promise<void> {
  const shots = options.shotsDir ?? path.join(__dirname, "..", "..", "..", "test", ".artifacts", "e2e");
  mkdirSync(shots, { recursive: true });
  const log = options.log ?? ((line: string) => console.log(`    ${line}`));
  let failed = false;
  const step = options.step ?? (async (name: string, fn: () => Promise<unknown>) => {
    if (failed) return undefined;
    try {
      return await fn();
    } catch (error) {
      failed = true;
      throw new Error(`chat step "${name}" failed: ${(error as Error).message}`);
    }
  });
  let shot = 0;
  const screenshot = (name: string) => page.screenshot({ path: path.join(shots, `chat-${String(++shot).padStart(2, "0")}-${name}.png`) });
  let chat: Frame | undefined;
  const frame = (): Frame => {
    if (!chat) throw new Error("the chat view is not open");
    return chat;
  };

  await step("chat: open the Enclave chat view", async () => {
    await runCommand(page, "Enclave: New Chat");
    chat = await chatFrame(page);
    await frame().locator("#input").waitFor();
    await frame().locator(".status-line[data-state=ready]").waitFor({ timeout: 60_000 });
    log(`status line: ${await frame().locator(".status-line").innerText()}`);
    // The buttons are vscode-elements components (upgraded custom elements) with codicons.
    await frame().locator("vscode-button#send:defined").waitFor();
    await frame().locator("vscode-toolbar-button#new-chat:defined").waitFor();
    let icons = { elements: false, font: false };
    for (let i = 0; i < 50 && !(icons.elements && icons.font); i++) {
      icons = await frame().evaluate(() => ({
        elements: !!customElements.get("vscode-button") && !!document.querySelector("#send")?.shadowRoot?.querySelector("vscode-icon, .icon, button, [part]"),
        font: [...document.fonts].some((f) => /codicon/i.test(f.family) && f.status === "loaded"),
      }));
      if (!(icons.elements && icons.font)) await page.waitForTimeout(100);
    }
    if (!icons.elements) throw new Error("the chat's buttons are not vscode-elements components");
    if (!icons.font) throw new Error("the codicon font did not load in the chat webview (CSP font-src or the font file?)");
    await screenshot("view-open");
  });

  await step("chat: send a message and see the reply stream in", async () => {
    await send(frame(), "What does this project do?");
    const answer = frame().locator("article.msg-assistant").last();
    await frame().locator("#stop").waitFor({ state: "visible" });
    const lengths: number[] = [];
    for (let i = 0; i < 40 && !(await answer.locator(".footer").count()); i++) {
      lengths.push((await answer.locator(".answer").innerText()).length);
      if (lengths.length === 3) await screenshot("streaming");
      await page.waitForTimeout(50);
    }
    await answer.locator(".footer").waitFor({ timeout: 60_000 });
    const grew = lengths.some((n, i) => i > 0 && n > lengths[i - 1]!);
    if (!grew) throw new Error(`the answer did not grow while streaming: lengths ${lengths.join(", ")}`);
    log(`streamed answer; ${await answer.locator(".footer").innerText()}`);
    await screenshot("answered");
  });

  await step("chat: Stop ends an answer early", async () => {
    await send(frame(), "Write a long essay about parsers.");
    const answer = frame().locator("article.msg-assistant").last();
    await frame().locator("#stop").waitFor({ state: "visible" });
    await answer.locator(".answer").filter({ hasText: /\S/ }).waitFor();
    await frame().locator("#stop").click();
    await answer.locator(".notice", { hasText: "Stopped." }).waitFor({ timeout: 10_000 });
    await frame().locator("#send").waitFor({ state: "visible" });
    log(`stopped; ${await answer.locator(".footer").innerText()}`);
    await screenshot("stopped");
  });

  await step("chat: /explain on a selection in app.py", async () => {
    await page.keyboard.press("Control+P");
    await page.locator(".quick-input-widget input").fill("app.py");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "app.py" }).first().waitFor();
    await page.keyboard.press("Enter");
    await page.locator(`${EDITOR} .view-lines`).filter({ hasText: "def greet" }).waitFor();
    await page.locator(`${EDITOR} .view-lines`).click();
    // Select the greet function: its header and its body.
    await page.keyboard.press("Control+F");
    await page.keyboard.type("def greet");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Home");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowDown");
    // Two lines down from a line start selects lines N and N+1 (the end at column 0 of line
    // N+2 holds nothing selected): the chip should say N-(N+1) once the selection settled.
    const chip = frame().locator(".context-bar .chip[data-kind=selection]");
    let label = "";
    for (let i = 0; i < 50; i++) {
      label = (await chip.innerText().catch(() => "")).replace("×", "").trim();
      const lines = /^app\.py:(\d+)-(\d+)$/.exec(label);
      if (lines && Number(lines[2]) - Number(lines[1]) === 1) break;
      await page.waitForTimeout(100);
    }
    const range = /^app\.py:(\d+)-(\d+)$/.exec(label);
    if (!range || Number(range[2]) - Number(range[1]) !== 1) throw new Error(`the context bar shows ${JSON.stringify(label)} for a two-line selection`);
    await send(frame(), "/explain");
    const user = frame().locator("article.msg-user").last();
    await user.locator(".badge", { hasText: "/explain" }).waitFor();
    await user.locator(".chip", { hasText: label }).waitFor();
    await frame().locator("article.msg-assistant").last().locator(".footer").waitFor({ timeout: 60_000 });
    log(`/explain about ${label}`);
    await screenshot("explain");
  });

  await step("chat: Shield flags insecure code under its block", async () => {
    await send(frame(), `Is this safe?\n\n\`\`\`python\n${INSECURE}\n\`\`\``);
    const block = frame().locator("article.msg-user").last().locator(".code-block");
    await block.waitFor();
    const scan = block.locator(".code-scan:not([data-severity=pending])");
    await scan.waitFor({ timeout: 15_000 });
    const text = await scan.innerText();
    if ((await scan.getAttribute("data-severity")) === "unavailable") throw new Error(`Shield did not scan the block: ${text}`);
    if (!/CWE-78/.test(text)) throw new Error(`no CWE-78 finding under the block: ${text}`);
    await frame().locator("#stop").click().catch(() => undefined);
    await frame().locator("#send").waitFor({ state: "visible" });
    log(`Shield under the block: ${text.replace(/\s+/g, " ").slice(0, 120)}`);
    await scan.scrollIntoViewIfNeeded();
    await screenshot("shield-warning");
  });

  await step("chat: Insert puts the block into the editor after confirming the Shield warning", async () => {
    await page.locator(`${EDITOR} .view-lines`).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await frame().locator("article.msg-user").last().locator(".code-block button[data-action=insert]").click();
    const dialog = page.locator(".monaco-dialog-box", { hasText: "Shield found" });
    await dialog.waitFor();
    await screenshot("insert-confirm");
    await dialog.locator(".monaco-button", { hasText: "Insert anyway" }).click();
    await page.locator(`${EDITOR} .view-lines`).filter({ hasText: "os.system(cmd)" }).waitFor();
    await screenshot("inserted");
    // Leave app.py as the harness found it.
    await page.keyboard.press("Control+Z");
    await page.locator(`${EDITOR} .view-lines`).filter({ hasText: "os.system(cmd)" }).waitFor({ state: "detached" });
  });

  await step("chat: the conversation is still there after a window reload", async () => {
    const before = await frame().locator("article.msg").count();
    await page.reload();
    // After a reload the extension host, the server and the model all start again: slow on a loaded machine.
    await page.locator(".part.statusbar .statusbar-item", { hasText: /Enclave.*CPU/ }).first().waitFor({ timeout: 150_000 });
    await runCommand(page, "Enclave: Chat History");
    chat = await chatFrame(page);
    await frame().locator("article.msg").nth(before - 1).waitFor({ timeout: 30_000 });
    const entries = frame().locator(".history li button.open");
    await entries.first().waitFor();
    const title = await frame().locator(".history li.current button.open").innerText();
    if (!/What does this project do\?/.test(title)) throw new Error(`the current history entry is ${JSON.stringify(title)}`);
    log(`after the reload: ${await frame().locator("article.msg").count()} messages, history: ${title.replace(/\s+/g, " ")}`);
    await screenshot("after-reload");
  });
}

/** Runs a command from the command palette by its title (retrying while the workbench still loads). */
export async function runCommand(page: Page, title: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press("F1");
    await page.locator(".quick-input-widget input").fill(`>${title}`);
    const row = page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first();
    try {
      await row.waitFor({ timeout: 5_000 });
      await page.keyboard.press("Enter");
      return;
    } catch (error) {
      await page.keyboard.press("Escape");
      if (attempt === 4) throw error;
    }
  }
}

/** Types a message into the chat and sends it with Enter. */
async function send(chat: Frame, text: string): Promise<void> {
  await chat.locator("#send").waitFor({ state: "visible" });
  await chat.locator("#input").fill(text);
  await chat.locator("#input").press("Enter");
}

/**
 * Runs "Enclave: New Chat" and returns the chat's frame once the new chat is on screen. The
 * command reaches the extension host by another path than the webview's messages, so a message
 * typed at once could arrive first and be cleared with the old conversation; the emptied
 * transcript (after the host has filled it: `aria-busy` false) is the sign the command ran. That
 * sign needs a conversation to clear: the chat must hold one (when the view is hidden and so has
 * no frame, a fresh view shows the old conversation or, once the command ran, the empty one).
 */
export async function startNewChat(page: Page, timeoutMs = 30_000): Promise<Frame> {
  const before = await chatFrame(page, 2_000).catch(() => undefined);
  const shown = before ? await before.locator("#transcript article").count() : undefined;
  if (shown === 0) throw new Error("startNewChat needs a conversation on screen: an empty one cannot show that New Chat ran");
  await runCommand(page, "Enclave: New Chat");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      const state = await frame.evaluate(() => {
        const transcript = document.querySelector("#transcript");
        return transcript ? { ready: transcript.getAttribute("aria-busy") === "false", messages: transcript.querySelectorAll("article").length } : undefined;
      }).catch(() => undefined);
      if (state?.ready && state.messages === 0) return frame;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`New Chat did not empty the chat (messages on screen before: ${shown ?? "no chat view"})`);
}

/**
 * The chat webview's document. In code-server a webview is an iframe holding another iframe
 * (#active-frame) with the page; this finds the one that holds the chat transcript.
 */
export async function chatFrame(page: Page, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      if (await frame.locator("#transcript").count().catch(() => 0)) return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error("no chat webview appeared");
}
