// The @workspace UI steps for the real-VS-Code suite (test/e2e/ui.test.mjs runs them with its
// step() once the scripted model is loaded): the sample workspace holds a copy of the fixture
// repository under shop/, whose RetryWithBackoff chunk carries the scripted model's @workspace
// marker. A user types "@w", picks @workspace from the suggestions, asks where RetryWithBackoff
// is defined, sees the answer's citation as a link with a Sources list and the chunks sent, clicks
// the citation, and the file opens with the cursor on the first cited line. Then the context
// bar's "Search codebase" toggle does the same without the word. Screenshots: workspace-*.png.
import { cpSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { findCitations } from "../../media/chat/citations";
import { SCRIPTED_WORKSPACE_MARKER } from "../fixtures/gguf/scriptedScripts";
import { chatFrame, startNewChat } from "./chatSteps";

const REPO = path.join(__dirname, "..", "..", "..", "test", "fixtures", "index-repo");
const FOLDER = "shop";
const EDITOR = ".part.editor .editor-instance .monaco-editor";

export interface WorkspaceStepsOptions {
  readonly step: (name: string, fn: () => Promise<unknown>) => Promise<unknown>;
  readonly shotsDir: string;
  readonly log: (line: string) => void;
}

/** The scripted model's @workspace answer, the citation in it and the line it starts at. */
function expectedAnswer(): { text: string; citation: string; line: number } {
  const text = SCRIPTED_WORKSPACE_MARKER.text;
  const [cited] = findCitations(text);
  if (!cited) throw new Error(`the @workspace script ${JSON.stringify(text)} cites nothing`);
  return { text, citation: text.slice(cited.index, cited.index + cited.length), line: cited.startLine };
}

/** Copies the fixture repository into the sample workspace before code-server opens it. */
export function prepareWorkspace(workspace: string): void {
  cpSync(REPO, path.join(workspace, FOLDER), { recursive: true });
}

export async function runWorkspaceSteps(page: Page, options: WorkspaceStepsOptions): Promise<void> {
  const { step, log } = options;
  const expected = expectedAnswer();
  mkdirSync(options.shotsDir, { recursive: true });
  let shot = 0;
  const screenshot = (name: string) => page.screenshot({ path: path.join(options.shotsDir, `workspace-${String(++shot).padStart(2, "0")}-${name}.png`) });

  await step("chat: @workspace where is RetryWithBackoff defined? answers with a citation and its Sources", async () => {
    const chat = await startNewChat(page);
    await chat.locator(".status-line[data-state=ready]").waitFor({ timeout: 60_000 });
    await chat.locator("#send").waitFor({ state: "visible" });
    const input = chat.locator("#input");
    await input.click();
    await input.pressSequentially("@w");
    const suggestion = chat.locator("#suggestions li", { hasText: "@workspace" });
    await suggestion.waitFor();
    await screenshot("mention-suggestion");
    await input.press("Tab");
    const picked = await input.inputValue();
    if (picked !== "@workspace ") throw new Error(`picking @workspace left ${JSON.stringify(picked)} in the input`);
    await input.pressSequentially("where is RetryWithBackoff defined?");
    await input.press("Enter");
    const user = chat.locator("article.msg-user").last();
    const answer = chat.locator("article.msg-assistant").last();
    await answer.locator(".footer").waitFor({ timeout: 60_000 });
    await user.locator(".badge", { hasText: "@workspace" }).waitFor();
    const shown = (await answer.locator(".answer").innerText()).trim();
    if (shown !== expected.text) throw new Error(`the answer is ${JSON.stringify(shown)}, not the @workspace script's`);
    const citation = answer.locator(".answer button.citation", { hasText: expected.citation });
    await citation.waitFor();
    await answer.locator(".source-list button.citation", { hasText: `${FOLDER}/${expected.citation}` }).waitFor();
    await answer.locator("details.sent-chunks summary").click();
    await answer.locator("details.sent-chunks[open] pre", { hasText: "func RetryWithBackoff" }).waitFor();
    log(`answer: ${shown}; sent: ${(await answer.locator("details.sent-chunks summary").innerText()).trim()}`);
    await answer.scrollIntoViewIfNeeded();
    await screenshot("answer-with-sources");
  });

  await step("chat: clicking the citation opens shop/app/retry.go at the cited line", async () => {
    const chat = await chatFrame(page);
    await chat.locator("article.msg-assistant").last().locator(".answer button.citation").first().click();
    await page.locator(".tabs-container .tab.active", { hasText: "retry.go" }).waitFor();
    await page.locator(`${EDITOR} .view-lines`).filter({ hasText: "func RetryWithBackoff" }).waitFor();
    const position = page.locator(".part.statusbar .statusbar-item", { hasText: new RegExp(`Ln ${expected.line}, Col 1\\b`) });
    await position.first().waitFor({ timeout: 10_000 });
    log(`editor: ${(await position.first().innerText()).trim()}`);
    await screenshot("citation-opened");
  });

  await step("chat: the Search codebase toggle searches without @workspace", async () => {
    const chat = await startNewChat(page);
    const toggle = chat.locator(".context-bar button.search-toggle");
    await toggle.click();
    if ((await toggle.getAttribute("aria-pressed")) !== "true") throw new Error("the toggle did not turn on");
    await chat.locator("#input").fill("where is RetryWithBackoff defined?");
    await chat.locator("#input").press("Enter");
    const answer = chat.locator("article.msg-assistant").last();
    await answer.locator(".footer").waitFor({ timeout: 60_000 });
    await answer.locator(".answer button.citation", { hasText: expected.citation }).waitFor();
    await screenshot("toggle");
    await toggle.click();
  });
}
