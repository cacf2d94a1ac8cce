// The UI suite's next-edit steps (test/e2e/ui.test.mjs runs them with its step()): with the
// scripted model and enclave.nextEdit.enable on, the user renames a parameter in a def line;
// a jump hint (gutter arrow, "Tab to jump") appears at its use two lines below; Tab jumps there,
// Tab again accepts, and the saved file is right. In a second copy Esc dismisses the hint and
// the file keeps only the user's own edit.
import { createRequire } from "node:module";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../../scripts/e2e/env.mjs";

const EDITOR = ".part.editor .editor-instance .monaco-editor";
const FILES = ["totals.py", "totals_esc.py"];

function fixtures() {
  const index = path.join(ROOT, "out", "test", "fixtures", "gguf", "index.js");
  if (!existsSync(index)) throw new Error(`${index} is missing: run \`npx tsc -p .\` first`);
  return createRequire(import.meta.url)(index).SCRIPTED_PARAM_RENAME;
}

/** The text of every ::after decoration in the editor (where VS Code renders contentText). */
async function decorationTexts(page) {
  return page.evaluate((selector) => {
    const out = [];
    for (const el of document.querySelectorAll(`${selector} .view-lines span, ${selector} .view-overlays div`)) {
      const content = getComputedStyle(el, "::after").content;
      if (content && content !== "none" && content !== "normal") out.push(content.replace(/^"|"$/g, ""));
    }
    return out;
  }, EDITOR);
}

async function waitFor(page, what, predicate, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`${what} did not happen within ${ms / 1000} s; decorations: ${JSON.stringify(await decorationTexts(page))}`);
}

async function openAndRename(page, name) {
  await page.keyboard.press("Control+P");
  await page.locator(".quick-input-widget input").fill(name);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".tabs-container .tab.active", { hasText: name }).waitFor();
  await page.locator(`${EDITOR} .view-lines`).filter({ hasText: "def total" }).waitFor();
  await page.locator(`${EDITOR} .view-lines`).click();
  // Line 2 (1-based) is "def total(prices, rate):": select "rate" and type the new name.
  await page.keyboard.press("Control+G");
  await page.keyboard.type("2:19");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Shift+End");
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.type("tax", { delay: 20 });
}

const hintShown = async (page) => (await decorationTexts(page)).some((t) => t.includes("Tab to jump"));

export const nextEditSteps = {
  files: FILES,
  prepareWorkspace(workspace) {
    for (const name of FILES) writeFileSync(path.join(workspace, name), fixtures().before);
  },

  /** Rename, see the jump hint at the next use, Tab, Tab: the file is right. */
  async jumpAndAccept(page, { workspace, screenshot, waitForSaved, log }) {
    const { renamed, after } = fixtures();
    await openAndRename(page, FILES[0]);
    await waitFor(page, "the jump hint", () => hintShown(page), 60_000);
    await screenshot(page, "next-edit-jump-hint");
    await page.keyboard.press("Tab");
    await waitFor(page, "the edit shown at its place", async () => (await decorationTexts(page)).some((t) => t.includes("tax")) && !(await hintShown(page)), 10_000);
    await screenshot(page, "next-edit-at-target");
    await page.keyboard.press("Tab");
    // Accepting is asynchronous: save only once the edit is in the text, or the save can land
    // between the keypress and the edit (the file on disk then lacks it and the tab stays dirty).
    await waitFor(page, "the accepted edit in the text", async () => (await page.locator(`${EDITOR} .view-lines`).innerText()).replace(/\u00a0/g, " ").includes("(1 + tax)"), 10_000);
    await page.keyboard.press("Control+S");
    await waitForSaved(page);
    const saved = readFileSync(path.join(workspace, FILES[0]), "utf8");
    if (saved !== after) throw new Error(`after Tab, Tab the file is ${JSON.stringify(saved)}, expected ${JSON.stringify(after)} (the user's rename alone: ${JSON.stringify(renamed)})`);
    log(`saved ${FILES[0]}: ${JSON.stringify(saved)}`);
  },

  /** Rename in a copy, see the hint, Esc: the hint goes and the file has only the user's edit. */
  async escapeDismisses(page, { workspace, screenshot, waitForSaved }) {
    const { renamed } = fixtures();
    await openAndRename(page, FILES[1]);
    await waitFor(page, "the jump hint", () => hintShown(page), 60_000);
    await page.keyboard.press("Escape");
    await waitFor(page, "the hint to go away", async () => !(await hintShown(page)), 5_000);
    await page.keyboard.press("Control+S");
    await waitForSaved(page);
    await screenshot(page, "next-edit-dismissed");
    const saved = readFileSync(path.join(workspace, FILES[1]), "utf8");
    if (saved !== renamed) throw new Error(`after Esc the file is ${JSON.stringify(saved)}, expected only the user's rename ${JSON.stringify(renamed)}`);
  },
};
