// Plays the part of a VS Code executable for @vscode/test-electron (and @vscode/test-cli):
// accepts the arguments they pass, runs code-server (a real VS Code, extension host in Node)
// with the smoke-test driver enabled, opens the workbench in headless chromium with the
// extension-test payload, relays the extension host's log to stdout and exits with the
// exit code of the test run. Called through code-server-launcher.sh with Node 24.
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { assertInstalled, isolatedEnv, killGroup, launchChromium, newRunDir, startCodeServer } from "./env.mjs";

// The whole extension-host suite (the bounded-restart test alone kills the server six times).
const TIMEOUT_MS = Number(process.env.ENCLAVE_E2E_TIMEOUT_MS ?? 480_000);

const VERBOSE = process.env.ENCLAVE_E2E_VERBOSE === "1";
/**
 * The workbench's own log lines arrive through the same channel as the extension host's
 * console; these are kept in automation.log only (ENCLAVE_E2E_VERBOSE=1 shows them).
 */
const NOISE = [
  /^\[[\w .:-]+\] /, // [AgentHost], [ChatModelSelection], [Service Worker], ...
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /ENOTFOUND|ECONNREFUSED|EAI_AGAIN/, // gallery and other look-ups: there is no internet here
];
function isWorkbenchNoise(message) {
  return NOISE.some((pattern) => pattern.test(message));
}

/** --name=value, --name value and bare flags; everything else is the workspace. */
function parseArgs(argv) {
  const valued = new Set(["extensionDevelopmentPath", "extensionTestsPath", "user-data-dir", "extensions-dir", "locale", "log"]);
  const options = { extensionDevelopmentPath: [], positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      options.positional.push(arg);
      continue;
    }
    let [name, value] = arg.slice(2).split(/=(.*)/s);
    if (value === undefined && valued.has(name)) value = argv[++i];
    if (name === "extensionDevelopmentPath") options.extensionDevelopmentPath.push(value);
    else options[name] = value ?? true;
  }
  return options;
}

function log(message) {
  process.stdout.write(`[launcher] ${message}\n`);
}

async function main() {
  assertInstalled();
  const options = parseArgs(process.argv.slice(2));
  if (!options.extensionTestsPath) throw new Error("--extensionTestsPath is required");
  const runDir = options["user-data-dir"] ? path.dirname(path.resolve(options["user-data-dir"])) : newRunDir("launcher");
  const userDataDir = path.resolve(options["user-data-dir"] ?? path.join(runDir, "user-data"));
  const extensionsDir = path.resolve(options["extensions-dir"] ?? path.join(runDir, "extensions"));
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const workspace = options.positional[0] ? path.resolve(options.positional[0]) : undefined;
  const env = isolatedEnv(runDir);
  const started = Date.now();
  let server;
  let browser;
  let exitCode = 1;
  try {
    server = await startCodeServer({
      userDataDir,
      extensionsDir,
      env,
      logFile: path.join(runDir, "code-server.log"),
      extraArgs: ["--vscode-option", "enable-smoke-test-driver"],
    });
    log(`code-server ${server.url} (pid ${server.child.pid}) healthy after ${Date.now() - started} ms; logs in ${runDir}`);

    const authority = `vscode-remote://127.0.0.1:${server.port}`;
    const payload = [
      ...options.extensionDevelopmentPath.map((p) => ["extensionDevelopmentPath", authority + path.resolve(p)]),
      ["extensionTestsPath", authority + path.resolve(options.extensionTestsPath)],
      ["enableProposedApi", ""],
      ["skipWelcome", "true"],
      ["skipReleaseNotes", "true"],
    ];
    const query = new URLSearchParams();
    if (workspace) query.set(workspace.endsWith(".code-workspace") ? "workspace" : "folder", workspace);
    query.set("payload", JSON.stringify(payload));

    browser = await launchChromium(runDir, isolatedEnv(runDir, { home: true }));
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    const page = browser.pages()[0] ?? (await browser.newPage());
    const automationLog = path.join(runDir, "automation.log");
    await page.exposeFunction("codeAutomationLog", (level, message) => {
      appendFileSync(automationLog, `${level}\t${message}\n`);
      if (VERBOSE || !isWorkbenchNoise(message)) process.stdout.write(`${message}\n`);
    });
    await page.exposeFunction("codeAutomationExit", (code, logs) => {
      if (Array.isArray(logs)) {
        const dir = path.join(runDir, "workbench-logs");
        for (const { relativePath, contents } of logs) {
          const file = path.join(dir, relativePath);
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, contents);
        }
      }
      finish(code);
    });
    page.on("pageerror", (error) => log(`page error: ${error.message}`));
    server.child.on("exit", (code, signal) => finish(`code-server exited (${code ?? signal})`));
    // A loaded machine (several suites at once) can take longer than playwright's 30 s default.
    await page.goto(`${server.url}/?${query}`, { timeout: 180_000 });
    const timer = setTimeout(() => finish(`timeout after ${TIMEOUT_MS} ms`), TIMEOUT_MS);
    const result = await finished;
    clearTimeout(timer);
    if (typeof result === "number") {
      exitCode = result;
    } else {
      log(`no test result: ${result}`);
      await page.screenshot({ path: path.join(runDir, "failure.png") }).catch(() => undefined);
      exitCode = 1;
    }
    log(`extension tests finished with code ${exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await browser?.close().catch(() => undefined);
    if (server) await killGroup(server.child);
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(`failed: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
