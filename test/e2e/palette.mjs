// Running a command from VS Code's command palette by its title, as a user does (F1, type, Enter),
// shared by the UI suite's step files.

/** Runs a command from the command palette by its title; tries again when the list is slow to fill. */
export async function runCommand(page, title) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press("F1");
    await page.locator(".quick-input-widget input").fill(`>${title}`);
    try {
      await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor({ timeout: 5_000 });
      await page.keyboard.press("Enter");
      return;
    } catch (error) {
      await page.keyboard.press("Escape");
      if (attempt === 4) throw error;
    }
  }
}
