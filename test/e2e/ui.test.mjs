// `npm run test:e2e`: Enclave as a user meets it, in a real VS Code (code-server) shown in
// headless chromium. Builds, packages the linux-x64 VSIX (scripts/package.mjs), installs it into
// a fresh --extensions-dir, starts with no model configured (the Enclave view's welcome), then
// points enclave.model at the tiny test model in the machine settings (live: VS Code watches the
// file), opens the sample workspace and then acts as a user: opens a Python file, types, waits
// for ghost text from the real language server and model (typing alone must bring it; an explicit
// request with Alt+] is a step of its own), accepts it with Tab and checks the saved file.
// After the chat steps it switches to the scripted model for a multi-line completion
// accepted with Tab, opens insecure code to see Shield's squiggle and hover, and applies the eval
// quick fix with Ctrl+. (test/e2e/shieldSteps.mjs), edits a function inline with Ctrl+I,
// accepting once and rejecting once (test/e2e/editSteps.mjs), then applies a chat block with
// nothing selected and inserts one at an indented line (test/e2e/applySteps.mjs), runs the
// next-edit steps (test/e2e/nextEditSteps.mjs) and last the consent steps of the recommended
// next-edit and embedding models: Cancel writes and fetches nothing, Download fetches the model
// from a 127.0.0.1 endpoint and the server uses it (test/e2e/consentSteps.mjs).
// A screenshot of each step goes to test/.artifacts/e2e/.
// Plain node script (node test/e2e/ui.test.mjs); prints "[e2e] PASS|FAIL: N passed, N failed".
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  ARTIFACTS,
  assertInstalled,
  build,
  CODE_SERVER_ENTRY,
  isolatedEnv,
  killGroup,
  launchChromium,
  newRunDir,
  NODE24,
  QUIET_USER_SETTINGS,
  ROOT,
  slimRunDir,
  startCodeServer,
  strictEgress,
  writeUserSettings,
} from "../../scripts/e2e/env.mjs";
import { applySteps } from "./applySteps.mjs";
import { editSteps } from "./editSteps.mjs";
import { editorSteps } from "./editorSteps.mjs";
import { shieldSteps } from "./shieldSteps.mjs";
import { nextEditSteps } from "./nextEditSteps.mjs";
import { consentSteps, OFFERS } from "./consentSteps.mjs";

const SHOTS = path.join(ARTIFACTS, "e2e");
const GPU = process.env.ENCLAVE_E2E_GPU ?? "cpu,cuda,vulkan";
const READY_TEXT = /Enclave( \(demo model\))?: CPU/;
const TYPED = "def multiply(a: int, b: int) -> int:";
// Mid-statement on purpose: the server drops suggestions that break a document which parsed
// before them (rejectParseBreaking), and the tiny model's random text would break "return".
const TYPED_BODY = "return a * ";
const EDITOR = ".part.editor .editor-instance .monaco-editor";

// The chat's steps (test/e2e/chatSteps.ts, compiled by tsc) run after the editor steps unless
// ENCLAVE_E2E_CHAT=0; they are loaded after tsc ran.
const CHAT_STEPS = path.join(ROOT, "out", "test", "e2e", "chatSteps.js");
// The @workspace steps (test/e2e/workspaceSteps.ts) run with the chat steps, on the scripted model.
const WORKSPACE_STEPS = path.join(ROOT, "out", "test", "e2e", "workspaceSteps.js");
const WITH_CHAT = process.env.ENCLAVE_E2E_CHAT !== "0";
const SLOW_HOST = path.join(ROOT, "out", "test", "server", "slowModelHost.js");
/** Runs a command from the palette by its title: chatSteps' runCommand (compiled by the first step). */
const runCommand = (page, title) => createRequire(import.meta.url)(CHAT_STEPS).runCommand(page, title);
/** A Hugging Face-shaped endpoint on 127.0.0.1 serving `model`'s bytes at once (test/server/slowModelHost.ts). */
const modelHost = (model) => { const body = readFileSync(model); return createRequire(import.meta.url)(SLOW_HOST).serveModelSlowly(body, { slice: body.length, pauseMs: 0 }); };

const started = Date.now();
const results = [];
let shot = 0;

/** Runs one named step; the first failure skips the steps after it (they depend on it). */
async function step(name, fn) {
  if (results.some((r) => !r.ok)) {
    results.push({ name, ok: false, skipped: true });
    console.log(`  - ${name} (skipped)`);
    return undefined;
  }
  const t0 = Date.now();
  try {
    const value = await fn();
    results.push({ name, ok: true });
    console.log(`  ✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return value;
  } catch (error) {
    results.push({ name, ok: false, error });
    console.log(`  ✖ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n    ${String(error?.stack ?? error).split("\n").slice(0, 6).join("\n    ")}`);
    return undefined;
  }
}

async function screenshot(page, name) {
  const file = path.join(SHOTS, `${String(++shot).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
}

async function main() {
  assertInstalled();
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  const runDir = newRunDir("ui");
  const userDataDir = path.join(runDir, "user-data");
  const extensionsDir = path.join(runDir, "extensions");
  const workspace = path.join(runDir, "workspace");
  // The language server the installed extension starts runs its egress guard in strict mode.
  const egress = strictEgress(runDir);
  const env = { ...isolatedEnv(runDir), ...egress.env };
  console.log(`[e2e] run folder ${runDir}; screenshots in ${SHOTS}`);

  let server;
  let browser;
  let page;
  const editor = editorSteps;
  /** Points enclave.model at a model (the rest of the machine settings stay): code-server picks the change up live. */
  const setModel = (model) =>
    writeUserSettings(userDataDir, { "enclave.model": model, "enclave.log.level": "debug", ...chat?.chatStepSettings }, "Machine");
  let chat;
  let workspaceChat;
  try {
    const models = await step("type-check and compile (tsc), the tiny and scripted models", async () => {
      build({ bundle: false }); // The VSIX gets its own production bundle below.
      return fixtureModels();
    });
    const tiny = models?.tiny;
    if (WITH_CHAT) {
      await step("load the chat steps (out/test/e2e/chatSteps.js)", () => {
        // A missing module fails the run: the chat steps are part of the suite, never dropped quietly.
        if (!existsSync(CHAT_STEPS)) throw new Error(`${CHAT_STEPS} is missing: tsc did not compile test/e2e/chatSteps.ts`);
        chat = createRequire(import.meta.url)(CHAT_STEPS);
        if (typeof chat?.runChatSteps !== "function") throw new Error(`${CHAT_STEPS} does not export runChatSteps`);
        workspaceChat = createRequire(import.meta.url)(WORKSPACE_STEPS);
        if (typeof workspaceChat?.runWorkspaceSteps !== "function") throw new Error(`${WORKSPACE_STEPS} does not export runWorkspaceSteps`);
      });
    } else {
      console.log("[e2e] ENCLAVE_E2E_CHAT=0: the chat steps are NOT run in this run");
    }

    const vsix = await step(`package the linux-x64 VSIX (backends ${GPU})`, () => {
      const out = path.join(runDir, "vsix");
      run(process.execPath, [path.join(ROOT, "scripts/package.mjs"), "--target", "linux-x64", "--gpu", GPU, "--out", out, ...(process.env.ENCLAVE_E2E_NO_BUILD === "1" ? ["--no-build"] : ["--no-tsc"])], { cwd: ROOT });
      return path.join(out, `enclave-${JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version}-linux-x64.vsix`);
    });

    await step("install the VSIX into a fresh extensions folder", () => {
      run(NODE24, [CODE_SERVER_ENTRY, "--user-data-dir", userDataDir, "--extensions-dir", extensionsDir, "--install-extension", vsix], { env });
    });

    await step("start code-server on the sample workspace and open it in chromium", async () => {
      cpSync(path.join(ROOT, "test/fixtures/workspace"), workspace, { recursive: true });
      editor.prepareWorkspace(workspace);
      shieldSteps.prepareWorkspace(workspace);
      editSteps.prepareWorkspace(workspace);
      applySteps.prepareWorkspace(workspace);
      workspaceChat?.prepareWorkspace(workspace);
      nextEditSteps.prepareWorkspace(workspace);
      // enclave.* settings are machine-overridable: in a remote window (code-server is one) VS
      // Code ignores them in the browser-side user settings and reads the remote machine's user
      // settings instead, which code-server keeps in <user-data-dir>/Machine/settings.json.
      // A first run: no model yet (the welcome step switches to the tiny model afterwards).
      setModel("");
      writeUserSettings(userDataDir, {
        ...QUIET_USER_SETTINGS,
        // Nothing but our ghost text may claim Tab: no suggest widget, no auto-closing.
        "editor.quickSuggestions": { other: "off", comments: "off", strings: "off" },
        "editor.suggestOnTriggerCharacters": false,
        "editor.wordBasedSuggestions": "off",
        "editor.autoClosingBrackets": "never",
        "editor.autoClosingQuotes": "never",
        "editor.inlineSuggest.enabled": true,
        "files.autoSave": "off",
      });
      server = await startCodeServer({ userDataDir, extensionsDir, env, logFile: path.join(runDir, "code-server.log"), workspace });
      browser = await launchChromium(runDir, isolatedEnv(runDir, { home: true }));
      page = browser.pages()[0] ?? (await browser.newPage());
      page.setDefaultTimeout(30_000);
      // Generous: on a loaded 2-core machine the workbench page can take over 30 s to load.
      await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { timeout: 120_000 });
      await page.locator(".monaco-workbench .part.statusbar").waitFor({ timeout: 120_000 });
      await page.locator(".explorer-folders-view .monaco-list-row", { hasText: "app.py" }).first().waitFor();
      await screenshot(page, "workbench");
    });

    await step("first run: the Enclave view welcomes with Download / Use a Local GGUF File", () => editor.welcomeView(page, screenshot));

    await step("choose the tiny model (machine settings, changed live)", async () => {
      setModel(tiny);
      await page.locator(".part.statusbar .statusbar-item", { hasText: READY_TEXT }).first().waitFor({ timeout: 90_000 });
      // The welcome gives way once a model is configured, and the Model view itself hides once
      // the model is ready, leaving the side bar to the chat.
      await page.locator(".welcome-view-content", { hasText: "Use a Local GGUF File" }).waitFor({ state: "hidden", timeout: 10_000 });
      await page.locator(".part.sidebar .pane-header", { hasText: /^Model/ }).waitFor({ state: "hidden", timeout: 10_000 });
      await screenshot(page, "model-ready-sidebar");
      await page.keyboard.press("Control+Shift+E"); // Back to the Explorer for the editor steps.
    });

    await step("the status bar shows Enclave ready on the CPU", async () => {
      const item = page.locator(".part.statusbar .statusbar-item", { hasText: READY_TEXT });
      await item.first().waitFor({ timeout: 60_000 });
      const text = (await item.first().innerText()).trim();
      if (!READY_TEXT.test(text)) throw new Error(`status bar item says ${JSON.stringify(text)}`);
      await item.first().hover();
      await page.locator(".monaco-hover, .workbench-hover", { hasText: /no code leaves/i }).first().waitFor({ timeout: 10_000 });
      await screenshot(page, "status-ready-hover");
      await page.mouse.move(700, 300);
    });

    await step("clicking the status item opens the Enclave menu; its network audit opens read-only", async () => {
      await page.locator(".part.statusbar .statusbar-item", { hasText: READY_TEXT }).first().click();
      const menu = page.locator(".quick-input-widget");
      for (const entry of ["Turn Completions Off", "Snooze for 5 Minutes", "Show Completion Stats", "Select Model", "Show Log", "Show Network Audit", "Restart Server"]) {
        await menu.locator(".quick-input-list .monaco-list-row", { hasText: entry }).first().waitFor({ timeout: 10_000 });
      }
      await screenshot(page, "status-menu");
      await menu.locator(".quick-input-list .monaco-list-row", { hasText: "Show Network Audit" }).first().click();
      const tab = page.locator(".tabs-container .tab.active", { hasText: "Enclave Network Audit" });
      await tab.waitFor({ timeout: 15_000 });
      await page.locator(`${EDITOR} .view-lines`).filter({ hasText: "Policy of this window" }).first().waitFor({ timeout: 15_000 });
      if (await page.locator(".tabs-container .tab.active.dirty").count()) throw new Error("the network audit opens as a dirty document");
      await screenshot(page, "network-audit");
      await page.keyboard.press("Control+W");
      await tab.waitFor({ state: "detached", timeout: 5_000 });
      if (await page.locator(".monaco-dialog-box").count()) throw new Error("closing the audit asked to save it");
    });

    await step("the language server runs under the strict egress guard", () => {
      // Read from /proc: the server the installed extension forked must carry ENCLAVE_EGRESS_STRICT.
      const servers = languageServerEnvironments(extensionsDir);
      if (servers.length === 0) throw new Error(`no language server process (dist/server.js under ${extensionsDir}) is running`);
      for (const { pid, environ } of servers) {
        if (!environ.includes(`ENCLAVE_EGRESS_STRICT=${egress.file}`)) throw new Error(`language server ${pid} runs without ENCLAVE_EGRESS_STRICT=${egress.file}`);
      }
    });

    await step("open app.py", async () => {
      await page.keyboard.press("Control+P");
      await page.locator(".quick-input-widget input").fill("app.py");
      await page.locator(".quick-input-list .monaco-list-row", { hasText: "app.py" }).first().waitFor();
      await page.keyboard.press("Enter");
      await page.locator(".tabs-container .tab", { hasText: "app.py" }).waitFor();
      await page.locator(`${EDITOR} .view-lines`).filter({ hasText: "def greet" }).waitFor();
      await page.locator(`${EDITOR} textarea`).first().focus().catch(() => undefined);
      await page.locator(`${EDITOR} .view-lines`).click();
      await screenshot(page, "app-py-open");
    });

    const file = path.join(workspace, "app.py");
    let ghost;
    await step("type a function header and see ghost text appear while typing", async () => {
      await page.keyboard.press("Control+End");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Enter");
      await page.keyboard.type(TYPED, { delay: 15 });
      await page.keyboard.press("Enter");
      await page.keyboard.type(TYPED_BODY, { delay: 15 });
      // Only typing may bring it: no save, no explicit request (the next step tests that).
      const decoration = page.locator(`${EDITOR} .ghost-text-decoration`);
      await decoration.first().waitFor({ timeout: 45_000 }).catch(() => {
        throw new Error("no ghost text appeared within 45 s of typing (as-you-type suggestions are broken)");
      });
      ghost = (await decoration.allInnerTexts()).join("").replace(/\u00a0/g, " ");
      await screenshot(page, "ghost-text");
      if (!ghost.trim()) throw new Error("the ghost text is empty");
    });

    await step("Alt+] (Enclave's binding for an explicit request) brings dismissed ghost text back", async () => {
      // Same place as the typed suggestion, so the greedy first candidate is known to be showable.
      const decoration = page.locator(`${EDITOR} .ghost-text-decoration`);
      await page.keyboard.press("Escape");
      await decoration.first().waitFor({ state: "detached", timeout: 30_000 }).catch(() => undefined);
      await page.waitForTimeout(1000);
      if (await decoration.count()) throw new Error("ghost text is still shown after Escape");
      await page.keyboard.press("Alt+BracketRight");
      await decoration.first().waitFor({ timeout: 45_000 });
      ghost = (await decoration.allInnerTexts()).join("").replace(/\u00a0/g, " ");
      if (!ghost.trim()) throw new Error("the explicitly asked ghost text is empty");
      await screenshot(page, "explicit-ghost-text");
    });

    await step("Tab accepts the ghost text into the document", async () => {
      await page.keyboard.press("Tab");
      // The accepted suggestion stops being ghost text (a prefetched next one may show at once).
      const accepted = ghost.split("\n")[0].trim().slice(0, 24);
      const deadline = Date.now() + 5_000;
      while (Date.now() < deadline) {
        const shown = (await page.locator(`${EDITOR} .ghost-text-decoration`).allInnerTexts()).join("").replace(/\u00a0/g, " ");
        if (!shown.includes(accepted)) break;
        await page.waitForTimeout(100);
      }
      await screenshot(page, "accepted");
      await page.keyboard.press("Control+S");
      await waitForSaved(page);
      const after = readFileSync(file, "utf8");
      if (!after.includes(TYPED)) throw new Error(`the typed header is not in the saved file:\n${after}`);
      const firstLine = ghost.split("\n")[0].trim();
      if (!after.replace(/\s+/g, " ").includes(`${TYPED_BODY}${firstLine}`.replace(/\s+/g, " ").trim())) {
        throw new Error(`the accepted text ${JSON.stringify(firstLine)} does not follow ${JSON.stringify(TYPED_BODY)} in the saved file:\n${after}`);
      }
      console.log(`    ghost text accepted: ${JSON.stringify(ghost.slice(0, 80))}`);
    });

    await step("the Enclave log shows the server's side of it", async () => {
      await runCommand(page, "Enclave: Show Log");
      await page.locator(".part.panel .monaco-editor .view-lines").first().waitFor();
      await page.waitForTimeout(500);
      await screenshot(page, "enclave-log");
      await page.keyboard.press("Escape");
    });

    if (chat) await chat.runChatSteps(page, { step, shotsDir: SHOTS, log: (line) => console.log(`    ${line}`) });

    await step("switch to the scripted model (live) and see it ready", async () => {
      setModel(models.scripted);
      await editor.waitForModel(page, READY_TEXT, "enclave-fixture-scripted", screenshot);
    });
    await step("a multi-line completion after a def header, accepted with Tab", () =>
      editor.multiLineCompletion(page, { workspace, screenshot, waitForSaved, log: (line) => console.log(`    ${line}`) }));
    await step("inline edit: select a function, Ctrl+I, type an instruction, the diff in place; Ctrl+Enter (Shield asks) applies it, one Ctrl+Z restores it", () =>
      editSteps.acceptWithOneUndo(page, { workspace, screenshot, waitForSaved, log: (line) => console.log(`    ${line}`) }));
    await step("inline edit: the picker offers the earlier instruction; Escape rejects and the file stays byte-identical", () =>
      editSteps.rejectLeavesFile(page, { workspace, screenshot, waitForSaved, log: (line) => console.log(`    ${line}`) }));
    await step("Shield flags os.system(user_input) with a squiggle and a CWE-78 hover", () =>
      editor.shieldDiagnostic(page, { screenshot, log: (line) => console.log(`    ${line}`) }));
    await step("Ctrl+. then Enter applies the real eval fix (import ast added) and the module still runs", () =>
      shieldSteps.evalQuickFix(page, { workspace, screenshot, waitForSaved, log: (line) => console.log(`    ${line}`) }));
    // Smart Apply (issue 11): the block in a chat message, Apply with nothing selected, the
    // in-place review's Accept; then Insert at an indented line (test/e2e/applySteps.mjs).
    await step("chat Apply with nothing selected changes only the matching function (the rest byte-identical)", () =>
      applySteps.applyNothingSelected(page, { workspace, screenshot, waitForSaved, chatView: chat, log: (line) => console.log(`    ${line}`) }));
    await step("chat Insert re-indents the block to the cursor's line", () =>
      applySteps.insertKeepsIndentation(page, { workspace, screenshot, waitForSaved, chatView: chat, log: (line) => console.log(`    ${line}`) }));
    if (workspaceChat) await workspaceChat.runWorkspaceSteps(page, { step, shotsDir: SHOTS, log: (line) => console.log(`    ${line}`) });
    await step("next edit: rename a parameter, a jump hint at its use, Tab, Tab, and the file is right", async () => {
      // Next edit is opt-in; inline completions go off so that only the next edit can claim Tab.
      writeUserSettings(userDataDir, { "enclave.model": models.scripted, "enclave.log.level": "debug", ...chat?.chatStepSettings, "enclave.nextEdit.enable": true, "enclave.completion.enable": false }, "Machine");
      await page.waitForTimeout(2000);
      await nextEditSteps.jumpAndAccept(page, { workspace, screenshot, waitForSaved, log: (line) => console.log(`    ${line}`) });
    });
    await step("next edit: Esc dismisses the hint and the file keeps only the user's edit", () =>
      nextEditSteps.escapeDismisses(page, { workspace, screenshot, waitForSaved }));
    // Consent for the recommended next-edit model (test/e2e/consentSteps.mjs): a Hugging
    // Face-shaped endpoint on 127.0.0.1 stands in for huggingface.co, serving the scripted model.
    let host;
    const modelsDir = path.join(runDir, "models");
    await step("Use the Recommended Next-Edit Model: the modal names the model, its size and host; Cancel writes nothing and fetches nothing", async () => {
      host = await modelHost(models.scripted);
      writeUserSettings(userDataDir, { "enclave.model": models.scripted, "enclave.log.level": "debug", ...chat?.chatStepSettings, "enclave.nextEdit.enable": true, "enclave.completion.enable": false, "enclave.huggingFaceEndpoint": host.url, "enclave.modelsDirectory": modelsDir }, "Machine");
      await page.waitForTimeout(1500);
      await consentSteps.cancelWritesNothing(page, { runCommand, offer: OFFERS.nextEdit, userDataDir, host, screenshot, log: (line) => console.log(`    ${line}`) });
    });
    await step("Download: the setting is written, the server fetches the model from that host once and loads it", () =>
      consentSteps.downloadFetchesAndUses(page, { runCommand, offer: OFFERS.nextEdit, userDataDir, host, modelsDir, screenshot, log: (line) => console.log(`    ${line}`) }));
    await host?.close();
    // The same for the codebase index's embedding model; the tiny model stands in for it.
    let embeddingHost;
    await step("Use the Recommended Embedding Model: the modal names the model, its size and host; Cancel writes nothing and fetches nothing", async () => {
      embeddingHost = await modelHost(models.tiny);
      writeUserSettings(userDataDir, { "enclave.model": models.scripted, "enclave.log.level": "debug", ...chat?.chatStepSettings, "enclave.huggingFaceEndpoint": embeddingHost.url, "enclave.modelsDirectory": modelsDir }, "Machine");
      await page.waitForTimeout(1500);
      await consentSteps.cancelWritesNothing(page, { runCommand, offer: OFFERS.embedding, userDataDir, host: embeddingHost, screenshot, log: (line) => console.log(`    ${line}`) });
    });
    await step("Download: the setting is written, the server fetches the embedding model once and embeds the codebase index with it", () =>
      consentSteps.downloadFetchesAndUses(page, { runCommand, offer: OFFERS.embedding, userDataDir, host: embeddingHost, modelsDir, screenshot, log: (line) => console.log(`    ${line}`) }));
    await embeddingHost?.close();
  } catch (error) {
    results.push({ name: "harness", ok: false, error });
    console.log(`  ✖ harness: ${error?.stack ?? error}`);
  } finally {
    if (page && results.some((r) => !r.ok && !r.skipped)) await screenshot(page, "failure").catch(() => undefined);
    await browser?.close().catch(() => undefined);
    if (server) await killGroup(server.child);
  }
  const violations = egress.violations();
  if (violations.length > 0) {
    results.push({ name: "strict egress", ok: false });
    console.log(`  ✖ the egress guard caught ${violations.length} attempt(s) to reach a non-loopback address:\n    ${violations.join("\n    ")}`);
  } else {
    console.log("  ✔ no process tried to reach a non-loopback address (strict egress guard)");
  }
  const passed = results.filter((r) => r.ok).length;
  const skipped = results.filter((r) => r.skipped).length;
  const failed = results.length - passed - skipped;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!failed && !skipped) slimRunDir(runDir);
  else console.log(`[e2e] logs, VSIX and profiles of the failed run: ${runDir}`);
  const ok = failed === 0 && skipped === 0;
  console.log(`[e2e] ${ok ? "PASS" : "FAIL"}: ${passed} passed, ${failed} failed${skipped ? ` (${skipped} skipped)` : ""} in ${seconds} s`);
  return ok ? 0 : 1;
}

/** The compiled fixture models (generated by test/fixtures/gguf on first use): { tiny, scripted }. */
async function fixtureModels() {
  const index = path.join(ROOT, "out", "test", "fixtures", "gguf", "index.js");
  if (!existsSync(index)) throw new Error(`${index} is missing: run \`npx tsc -p .\` first`);
  const { default: gguf } = await import(index);
  return gguf.ensureModels();
}

/** The environment of every running Enclave language server installed under extensionsDir (Linux /proc). */
function languageServerEnvironments(extensionsDir) {
  const found = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (!cmdline.some((arg) => arg.startsWith(extensionsDir) && arg.endsWith(path.join("dist", "server.js")))) continue;
      found.push({ pid, environ: readFileSync(`/proc/${pid}/environ`, "utf8").split("\0") });
    } catch {
      // The process ended while we looked, or is not ours.
    }
  }
  return found;
}

/** The active tab loses its dirty marker once the save reached the disk. */
async function waitForSaved(page) {
  await page.locator(".tabs-container .tab.active.dirty").waitFor({ state: "detached", timeout: 10_000 });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    console.log("[e2e] FAIL: 0 passed, 1 failed");
    process.exit(1);
  },
);
