// The UI suite's smart Apply and Insert steps (test/e2e/ui.test.mjs runs them with its step()):
// a chat message holding a code block, its Apply button with nothing selected in the editor, the
// in-place review's Accept CodeLens, and the saved file: only the function with the block's name
// changed, every other byte is as it was. Then Insert of an unindented block on an indented line
// inside a method: the saved file has the block at the method body's indentation.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const EDITOR = ".part.editor .editor-instance .monaco-editor";
const FOLDER = "applydemo";

/** Thirteen lines, three functions: Apply must touch add() only. */
const ARITH = '"""Arithmetic helpers."""\n\n\ndef greet(name: str) -> str:\n    return f"Hello, {name}!"\n\n\ndef add(a: int, b: int) -> int:\n    return a + b\n\n\ndef twice(x: int) -> int:\n    return add(x, x)\n';
const NEW_ADD = "def add(a: int, b: int) -> int:\n    total = a + b\n    return total";
const ARITH_APPLIED = ARITH.replace("def add(a: int, b: int) -> int:\n    return a + b", NEW_ADD);

/** Line 4 holds only the method body's indentation (eight spaces): the cursor goes at its end. */
const BOX = "class Box:\n    def size(self):\n        full = True\n        \n        return 0\n";
const INSERTED = "if full:\n    return 2";
const BOX_INSERTED = "class Box:\n    def size(self):\n        full = True\n        if full:\n            return 2\n        return 0\n";

async function openFile(page, name, waitForText) {
  await page.keyboard.press("Control+P");
  await page.locator(".quick-input-widget input").fill(name);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: path.basename(name) }).first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".tabs-container .tab.active", { hasText: path.basename(name) }).waitFor();
  await page.locator(`${EDITOR} .view-lines`).filter({ hasText: waitForText }).waitFor();
  await page.locator(`${EDITOR} .view-lines`).click();
}

/**
 * A new chat, a message with one python block, the answer finished (or stopped); returns the
 * user's block. `chatView` is test/e2e/chatSteps.ts (compiled): startNewChat returns once the new
 * chat is on screen, chatFrame finds the chat's live frame.
 */
async function askWithBlock(page, chatView, code) {
  let chat = await chatView.startNewChat(page);
  let block;
  // VS Code may replace the chat webview while it is revealed (a new frame, the old one detached):
  // text typed into the old frame is gone with it. Only that case is tried again; a message lost
  // in a live frame fails the step.
  for (let attempt = 1; ; attempt++) {
    if (chat.isDetached()) chat = await chatView.chatFrame(page);
    await chat.locator("#send").waitFor({ state: "visible", timeout: 60_000 });
    await chat.locator("#input").fill(`Use this:\n\n\`\`\`python\n${code}\n\`\`\``);
    await chat.locator("#input").press("Enter");
    block = chat.locator("article.msg-user").last().locator(".code-block");
    try {
      await block.waitFor({ timeout: 15_000 });
      break;
    } catch (error) {
      if (attempt === 2 || !chat.isDetached()) throw error;
    }
  }
  // The answer does not matter (the block is in the question): stop it if it is still going.
  await chat.locator("#stop").click({ timeout: 3_000 }).catch(() => undefined);
  await chat.locator("#send").waitFor({ state: "visible", timeout: 60_000 });
  return block;
}

async function waitForFile(file, expected, ms = 10_000) {
  const deadline = Date.now() + ms;
  let text = "";
  while (Date.now() < deadline) {
    text = readFileSync(file, "utf8");
    if (text === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the saved file is not what was expected:\n--- saved\n${text}\n--- expected\n${expected}`);
}

export const applySteps = {
  prepareWorkspace(workspace) {
    mkdirSync(path.join(workspace, FOLDER), { recursive: true });
    writeFileSync(path.join(workspace, FOLDER, "arith.py"), ARITH);
    writeFileSync(path.join(workspace, FOLDER, "box.py"), BOX);
  },

  /** Apply with nothing selected: the review covers add() only; Accept, save, compare bytes. */
  async applyNothingSelected(page, { workspace, screenshot, waitForSaved, log, chatView }) {
    const file = path.join(workspace, FOLDER, "arith.py");
    await openFile(page, `${FOLDER}/arith.py`, "def twice");
    await page.keyboard.press("Control+Home"); // The cursor at the top, nothing selected.
    const block = await askWithBlock(page, chatView, NEW_ADD);
    await block.locator("button[data-action=apply]").click();
    const accept = page.locator(`${EDITOR} .codelens-decoration a`, { hasText: "Accept" });
    await accept.first().waitFor({ timeout: 30_000 });
    // The new lines are shown in place, beside the old ones, before anything is accepted.
    await page.locator(`${EDITOR} .view-lines`).filter({ hasText: "total = a + b" }).waitFor();
    await screenshot(page, "apply-review-in-place");
    if (readFileSync(file, "utf8") !== ARITH) throw new Error("the file on disk changed before Accept");
    await accept.first().click();
    await accept.first().waitFor({ state: "detached", timeout: 10_000 });
    await page.locator(`${EDITOR} .view-lines`).click();
    await page.keyboard.press("Control+S");
    await waitForSaved(page);
    await screenshot(page, "apply-accepted");
    await waitForFile(file, ARITH_APPLIED);
    log(`arith.py after Apply: only add() changed (${ARITH_APPLIED.length} bytes, byte-identical elsewhere)`);
  },

  /** Insert at the end of an indentation-only line inside a method: the block lands at that indentation. */
  async insertKeepsIndentation(page, { workspace, screenshot, waitForSaved, log, chatView }) {
    const file = path.join(workspace, FOLDER, "box.py");
    await openFile(page, `${FOLDER}/box.py`, "return 0");
    await page.keyboard.press("Control+G");
    await page.keyboard.type("4");
    await page.keyboard.press("Enter");
    await page.keyboard.press("End");
    const block = await askWithBlock(page, chatView, INSERTED);
    await block.locator("button[data-action=insert]").click();
    await page.locator(`${EDITOR} .view-lines`).filter({ hasText: "if full:" }).waitFor({ timeout: 10_000 });
    await page.keyboard.press("Control+S");
    await waitForSaved(page);
    await screenshot(page, "insert-indented");
    await waitForFile(file, BOX_INSERTED);
    log("box.py after Insert: the block sits at the method body's indentation");
  },
};
