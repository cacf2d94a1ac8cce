// The UI suite's inline edit steps (test/e2e/ui.test.mjs runs them with its step(), once the
// scripted model is ready): select a function, Ctrl+I, type an instruction in the quick pick,
// see the rewrite in place (old and new lines, the Accept · Reject · Follow-up CodeLens), then
// Ctrl+Enter — Shield flags os.system in the rewrite, so a dialog asks first — and the file has
// the new text, one Ctrl+Z restores it; and again with Escape: the file stays byte-identical.
// files.autoSave is "off" in this suite, so the diff is written into the file itself.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ROOT } from "../../scripts/e2e/env.mjs";

const EDITOR = ".part.editor .editor-instance .monaco-editor";
const FILE = "tool.py";
const TOOL = 'import os\nimport shlex\nimport subprocess\n\n\ndef run(cmd):\n    return subprocess.run(shlex.split(cmd)).returncode\n\n\ndef main():\n    run("ls")\n';
const OLD_LINE = "subprocess.run(shlex.split(cmd))";

function fixtures() {
  return createRequire(import.meta.url)(path.join(ROOT, "out", "test", "fixtures", "gguf", "index.js"));
}

const visible = async (page) => (await page.locator(`${EDITOR} .view-lines`).first().innerText()).replace(/\u00a0/g, " ");

async function waitUntil(what, probe, ms) {
  const end = Date.now() + ms;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Opens tool.py, selects the two lines of run(cmd) (6-7), presses Ctrl+I and types the instruction. */
async function startEdit(page, instruction, { screenshot, log }, shotName) {
  await page.keyboard.press("Control+P");
  await page.locator(".quick-input-widget input").fill(FILE);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: FILE }).first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".tabs-container .tab.active", { hasText: FILE }).waitFor();
  await page.locator(`${EDITOR} .view-lines`).filter({ hasText: "def run(cmd)" }).waitFor();
  await page.locator(`${EDITOR} .view-lines`).click();
  await page.keyboard.press("Control+G");
  await page.locator(".quick-input-widget input").fill(":6");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Home");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Control+I");
  const input = page.locator(".quick-input-widget input");
  await page.locator(".quick-input-widget", { hasText: "Edit lines 6-7" }).waitFor({ timeout: 15_000 });
  // Before typing, the rows are the recent instructions (none on the first edit).
  await page.waitForTimeout(300);
  const recent = (await page.locator(".quick-input-list .monaco-list-row").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
  log(`instruction picker, recent rows: ${JSON.stringify(recent)}`);
  await input.fill(instruction);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: "edit with this instruction" }).first().waitFor();
  await screenshot(page, shotName);
  await page.keyboard.press("Enter");
  return recent;
}

/** Waits until the editor shows the old and the new lines with the review CodeLens above them. */
async function waitForReview(page, rewrite) {
  const newLine = rewrite.split("\n")[1].trim();
  await waitUntil("the rewrite in place with both old and new lines", async () => {
    const text = await visible(page);
    return text.includes(OLD_LINE) && text.includes(newLine);
  }, 60_000);
  const lens = page.locator(`${EDITOR} .codelens-decoration`, { hasText: "Accept (Ctrl+Enter)" });
  await lens.first().waitFor({ timeout: 30_000 });
  const lensText = (await page.locator(`${EDITOR} .codelens-decoration`).first().innerText()).replace(/\s+/g, " ");
  for (const label of ["Accept (Ctrl+Enter)", "Reject (Esc)", "Follow-up"]) {
    if (!lensText.includes(label)) throw new Error(`the CodeLens lacks ${label}: ${lensText}`);
  }
  return lensText;
}

export const editSteps = {
  prepareWorkspace(workspace) {
    writeFileSync(path.join(workspace, FILE), TOOL);
  },

  /** Ctrl+I on a selected function, the diff in place, Ctrl+Enter (Shield asks), one Ctrl+Z back. */
  async acceptWithOneUndo(page, { workspace, screenshot, waitForSaved, log }) {
    const { SCRIPTED_EDIT_MARKER, SCRIPTED_EDIT_REWRITE } = fixtures();
    const file = path.join(workspace, FILE);
    await startEdit(page, `Let the shell run it${SCRIPTED_EDIT_MARKER.marker}`, { screenshot, log }, "inline-edit-instruction");
    const lens = await waitForReview(page, SCRIPTED_EDIT_REWRITE);
    log(`CodeLens: ${lens}`);
    const added = await page.locator(`${EDITOR} .view-overlays .cdr`).count();
    if (added === 0) throw new Error("no line decorations mark the diff");
    await page.mouse.move(10, 10);
    await screenshot(page, "inline-edit-diff-in-place");
    await page.keyboard.press("Control+Enter");
    // Shield found os.system (CWE-78) in the rewrite: Accept asks before applying it.
    const dialog = page.locator(".monaco-dialog-box", { hasText: "Shield found" });
    await dialog.waitFor({ timeout: 15_000 });
    await screenshot(page, "inline-edit-shield-asks");
    await dialog.locator(".monaco-button", { hasText: "Accept Anyway" }).click();
    await waitUntil("the accepted text", async () => !(await visible(page)).includes(OLD_LINE), 15_000);
    await page.keyboard.press("Control+S");
    await waitForSaved(page);
    const expected = TOOL.replace("def run(cmd):\n    return subprocess.run(shlex.split(cmd)).returncode\n", SCRIPTED_EDIT_REWRITE);
    const saved = readFileSync(file, "utf8");
    if (saved !== expected) throw new Error(`the saved file is not the rewrite:\n${saved}`);
    await screenshot(page, "inline-edit-accepted");
    await page.keyboard.press("Control+Z");
    await page.keyboard.press("Control+S");
    await waitForSaved(page);
    const undone = readFileSync(file, "utf8");
    if (undone !== TOOL) throw new Error(`one Ctrl+Z did not restore the original:\n${undone}`);
    log(`accepted, saved ${JSON.stringify(saved)}; one Ctrl+Z restored the original`);
  },

  /** The same edit again, rejected with Escape: the file is byte-identical (on disk too once saved). */
  async rejectLeavesFile(page, { workspace, screenshot, waitForSaved, log }) {
    const { SCRIPTED_EDIT_MARKER, SCRIPTED_EDIT_REWRITE } = fixtures();
    const file = path.join(workspace, FILE);
    const instruction = `Let the shell run it${SCRIPTED_EDIT_MARKER.marker}`;
    const rows = await startEdit(page, instruction, { screenshot, log }, "inline-edit-history");
    if (!rows.some((r) => r.includes(instruction.trim()) && r.includes("recent"))) {
      throw new Error(`the picker does not offer the earlier instruction: ${JSON.stringify(rows)}`);
    }
    await waitForReview(page, SCRIPTED_EDIT_REWRITE);
    await page.keyboard.press("Escape");
    await waitUntil("the original text back", async () => {
      const text = await visible(page);
      return text.includes(OLD_LINE) && !text.includes("os.system(cmd)");
    }, 15_000);
    // VS Code asks for CodeLenses again a moment after the provider says they changed.
    await waitUntil("the review CodeLens to go", async () => (await page.locator(`${EDITOR} .codelens-decoration`, { hasText: "Accept" }).count()) === 0, 15_000);
    await screenshot(page, "inline-edit-rejected");
    if (readFileSync(file, "utf8") !== TOOL) throw new Error("the file on disk changed");
    await page.keyboard.press("Control+S");
    await waitForSaved(page).catch(() => undefined);
    if (!readFileSync(file).equals(Buffer.from(TOOL))) throw new Error(`after Reject and save the file is not byte-identical:\n${readFileSync(file, "utf8")}`);
    log("rejected with Escape: the file is byte-identical");
  },
};
