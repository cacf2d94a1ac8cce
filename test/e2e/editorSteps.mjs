// More of the UI suite's user-visible steps (test/e2e/ui.test.mjs runs them with its step()):
// the Enclave view's welcome on a first run, a multi-line completion from the scripted fixture
// model accepted with Tab, and a Shield diagnostic (squiggle and hover) in the editor.
// Each function takes the playwright Page and throws when what a user should see is not there.
import { writeFileSync, readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ROOT } from "../../scripts/e2e/env.mjs";

const EDITOR = ".part.editor .editor-instance .monaco-editor";
/** The file the multi-line step types into (empty: the script's linesAbove is ""). */
const GREET_FILE = "greet.py";
const GREET_HEADER = "def greet(name):";
/** Insecure code for Shield: os.system with the caller's input is CWE-78 (OS command injection). */
const SHIELD_FILE = "runner.py";
const SHIELD_CODE = "import os\n\ndef run(user_input):\n    os.system(user_input)\n";

/** The scripted model's scripts, from the compiled fixtures (out/, after tsc). */
function scripts() {
  const index = path.join(ROOT, "out", "test", "fixtures", "gguf", "index.js");
  if (!existsSync(index)) throw new Error(`${index} is missing: run \`npx tsc -p .\` first`);
  return createRequire(import.meta.url)(index).SCRIPTED_MODEL_SCRIPTS;
}

const visibleText = (texts) => texts.join("\n").replace(/\u00a0/g, " ");

/** Opens a workspace file with Quick Open and puts the cursor in its editor. */
async function openFile(page, name, waitForText) {
  await page.keyboard.press("Control+P");
  await page.locator(".quick-input-widget input").fill(name);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".tabs-container .tab.active", { hasText: name }).waitFor();
  if (waitForText) await page.locator(`${EDITOR} .view-lines`).filter({ hasText: waitForText }).waitFor();
  await page.locator(`${EDITOR} .view-lines`).click();
}

export const editorSteps = {
  /** Files the steps open, written into the run's workspace copy before code-server starts. */
  prepareWorkspace(workspace) {
    writeFileSync(path.join(workspace, GREET_FILE), "");
    writeFileSync(path.join(workspace, SHIELD_FILE), SHIELD_CODE);
  },

  /** With enclave.model "": the status bar says no model and the Enclave view shows its welcome. */
  async welcomeView(page, screenshot) {
    await page.locator(".part.statusbar .statusbar-item", { hasText: "Enclave: no model" }).first().waitFor({ timeout: 90_000 });
    const icon = page.locator(".part.activitybar .action-item a.action-label[aria-label^='Enclave'], .part.activitybar .action-item[aria-label^='Enclave'] a");
    await icon.first().click();
    await page.locator(".part.sidebar .pane-header", { hasText: /Model/i }).first().waitFor();
    const welcome = page.locator(".part.sidebar .welcome-view-content", { hasText: "No model is configured yet" });
    await welcome.waitFor({ timeout: 30_000 });
    for (const label of ["Download Recommended Model", "Use a Local GGUF File"]) {
      await welcome.locator(".monaco-button", { hasText: label }).first().waitFor();
    }
    await page.mouse.move(900, 400);
    await screenshot(page, "welcome-view");
  },

  /** Waits for the status bar to say ready with the model whose name its tooltip shows. */
  async waitForModel(page, readyText, modelName, screenshot) {
    const item = page.locator(".part.statusbar .statusbar-item", { hasText: readyText }).first();
    const deadline = Date.now() + 120_000;
    let last = "";
    while (Date.now() < deadline) {
      await item.waitFor({ timeout: Math.max(1000, deadline - Date.now()) });
      await item.hover().catch(() => undefined);
      const hover = page.locator(".monaco-hover, .workbench-hover", { hasText: /no code leaves/i }).first();
      last = await hover.innerText({ timeout: 3_000 }).catch(() => "");
      if (last.includes(modelName)) {
        await screenshot(page, "scripted-model-ready");
        await page.mouse.move(700, 300);
        return;
      }
      await page.mouse.move(700, 300);
      await page.waitForTimeout(1000);
    }
    throw new Error(`the status bar tooltip never named ${modelName}; last: ${JSON.stringify(last)}`);
  },

  /** Types a def header into an empty file, sees the scripted multi-line ghost text, accepts it with Tab. */
  async multiLineCompletion(page, { workspace, screenshot, waitForSaved, log }) {
    const expected = scripts().multiLine.text;
    await openFile(page, GREET_FILE);
    await page.keyboard.type(GREET_HEADER, { delay: 20 });
    const ghost = page.locator(`${EDITOR} .ghost-text-decoration, ${EDITOR} .ghost-text`);
    // The body's words, as the ghost text shows them (its lines may be split across decorations).
    const marker = /hello/i;
    const shows = async () => marker.test(visibleText(await ghost.allInnerTexts()));
    const waitShown = async (ms) => {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        if (await shows()) return true;
        await page.waitForTimeout(150);
      }
      return false;
    };
    // Typing alone must bring it: no fallback to Alt+\, which would hide broken as-you-type suggestions.
    if (!(await waitShown(45_000))) throw new Error(`no multi-line ghost text while typing; shown: ${JSON.stringify(visibleText(await ghost.allInnerTexts()))}`);
    const shown = visibleText(await ghost.allInnerTexts());
    log(`ghost text: ${JSON.stringify(shown)}`);
    await screenshot(page, "multiline-ghost-text");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Control+S");
    await waitForSaved(page);
    const saved = readFileSync(path.join(workspace, GREET_FILE), "utf8");
    await screenshot(page, "multiline-accepted");
    if (!saved.includes(GREET_HEADER + expected)) {
      throw new Error(`the saved file lacks the scripted block ${JSON.stringify(expected)}:\n${saved}`);
    }
    log(`saved ${GREET_FILE}: ${JSON.stringify(saved)}`);
  },

  /** Opens insecure code; Shield's squiggle appears under os.system and its hover names Enclave Shield and CWE-78. */
  async shieldDiagnostic(page, { screenshot, log }) {
    await openFile(page, SHIELD_FILE, "os.system");
    const squiggle = page.locator(`${EDITOR} .squiggly-error, ${EDITOR} .squiggly-warning`).first();
    await squiggle.waitFor({ timeout: 60_000 });
    const hover = page.locator(".monaco-hover, .workbench-hover", { hasText: "Enclave Shield" }).first();
    // Hover the squiggle's middle (it lies over the os.system call); retry: the hover needs the pointer to rest.
    for (let attempt = 1; ; attempt++) {
      const box = await squiggle.boundingBox();
      if (!box) throw new Error("the squiggle has no box");
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4, { steps: 5 });
      try {
        await hover.waitFor({ timeout: 8_000 });
        break;
      } catch (error) {
        await page.mouse.move(10, 10);
        if (attempt === 3) throw error;
      }
    }
    const text = (await hover.innerText()).replace(/\s+/g, " ");
    if (!text.includes("CWE-78")) throw new Error(`the hover does not name CWE-78: ${text}`);
    log(`hover: ${text.slice(0, 160)}`);
    await screenshot(page, "shield-hover");
  },
};
