// The UI suite's Shield quick-fix step (test/e2e/ui.test.mjs runs it with its step()): a Python
// module that parses its input with eval(); Ctrl+. then Enter takes the first quick fix, which
// must be the real fix (ast.literal_eval, with `import ast` added), never the suppression; the
// saved module must still import and run (`python3 -c "import app"` in its folder).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const EDITOR = ".part.editor .editor-instance .monaco-editor";
const FOLDER = "evaldemo";
/** The module calls parse() at import time, so a missing `import ast` fails `import app`. */
const EVAL_CODE = 'import sys\n\n\ndef parse(text):\n    return eval(text)\n\n\nVALUE = parse("[1, 2, 3]")\nprint("VALUE", VALUE, file=sys.stderr)\n';

export const shieldSteps = {
  prepareWorkspace(workspace) {
    mkdirSync(path.join(workspace, FOLDER), { recursive: true });
    writeFileSync(path.join(workspace, FOLDER, "app.py"), EVAL_CODE);
  },

  /** Ctrl+. on the eval squiggle, Enter, save: the file has the real fix and still runs. */
  async evalQuickFix(page, { workspace, screenshot, waitForSaved, log }) {
    const file = path.join(workspace, FOLDER, "app.py");
    await page.keyboard.press("Control+P");
    await page.locator(".quick-input-widget input").fill(`${FOLDER}/app.py`);
    await page.locator(".quick-input-list .monaco-list-row", { hasText: FOLDER }).first().waitFor();
    await page.keyboard.press("Enter");
    await page.locator(`${EDITOR} .view-lines`).filter({ hasText: "return eval(text)" }).waitFor();
    const squiggle = page.locator(`${EDITOR} .squiggly-error`).first();
    await squiggle.waitFor({ timeout: 60_000 });
    // Put the cursor inside the flagged call: click the squiggle's middle.
    const box = await squiggle.boundingBox();
    if (!box) throw new Error("the eval squiggle has no box");
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 - 4);
    await page.mouse.move(10, 10);
    // The code actions are computed after the click; under load the first Ctrl+. may come too early.
    const rows = page.locator(".action-widget .monaco-list-row.action");
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press("Control+Period");
      try {
        await rows.first().waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await page.keyboard.press("Escape");
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 - 4);
        await page.mouse.move(10, 10);
      }
    }
    const titles = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
    log(`quick fixes: ${JSON.stringify(titles)}`);
    await screenshot(page, "eval-quick-fixes");
    if (!/literal_eval/.test(titles[0] ?? "")) throw new Error(`the first quick fix is not the real fix: ${JSON.stringify(titles)}`);
    // Suppression comes after every fix (the chat's "Enclave: Explain", which fixes nothing, may follow it).
    const suppress = titles.findIndex((t) => /^Suppress/.test(t));
    if (suppress < 0 || titles.slice(suppress + 1).some((t) => /fix|^Use /i.test(t))) throw new Error(`suppression is not after every fix: ${JSON.stringify(titles)}`);
    await page.keyboard.press("Enter");
    await page.locator(`${EDITOR} .view-lines`).filter({ hasText: "ast.literal_eval(text)" }).waitFor({ timeout: 10_000 });
    await page.keyboard.press("Control+S");
    await waitForSaved(page);
    await screenshot(page, "eval-fixed");
    const saved = readFileSync(file, "utf8");
    if (!/^import ast$/m.test(saved) || !saved.includes("ast.literal_eval(text)")) throw new Error(`the saved file lacks the fix or its import:\n${saved}`);
    const run = spawnSync("python3", ["-c", "import app"], { cwd: path.dirname(file), encoding: "utf8", timeout: 20_000 });
    if (run.status !== 0) throw new Error(`python3 -c "import app" failed (${run.status}):\n${run.stderr}\n${saved}`);
    if (!run.stderr.includes("VALUE [1, 2, 3]")) throw new Error(`the fixed module did not compute its value: ${run.stderr}`);
    log(`saved and ran: ${JSON.stringify(saved)}; ${run.stderr.trim()}`);
  },
};
