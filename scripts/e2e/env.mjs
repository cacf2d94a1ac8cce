// Shared plumbing of the real-VS-Code suites: where things are installed (by setup.sh, under
// the git-ignored .vscode-test/), an environment that keeps VS Code and chromium out of $HOME,
// and starting/stopping code-server and chromium so that nothing is left running.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const BASE = path.join(ROOT, ".vscode-test");
export const NODE24 = path.join(BASE, "node24", "bin", "node");
export const CODE_SERVER_ENTRY = path.join(BASE, "code-server", "node_modules", "code-server", "out", "node", "entry.js");
export const CHROMIUM = process.env.ENCLAVE_CHROMIUM ?? "/usr/bin/chromium";
export const PROFILES = path.join(BASE, "profiles");
export const ARTIFACTS = path.join(ROOT, "test", ".artifacts");

/** User settings that keep VS Code's own chat, telemetry and updates out of the way (see the notes). */
export const QUIET_USER_SETTINGS = {
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "telemetry.telemetryLevel": "off",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "update.mode": "none",
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  // The per-run workspaces live inside this git repository: no "open the parent repository?" toast.
  "git.openRepositoryInParentFolders": "never",
};

/**
 * Writes settings.json into a VS Code --user-data-dir: "User" for user settings, "Machine" for
 * the remote machine's settings of code-server (where machine-scoped settings must go).
 */
export function writeUserSettings(userDataDir, settings, kind = "User") {
  mkdirSync(path.join(userDataDir, kind), { recursive: true });
  writeFileSync(path.join(userDataDir, kind, "settings.json"), JSON.stringify(settings, null, 2) + "\n");
}

/** Stops with a clear message when `npm run e2e:setup` has not been run. */
export function assertInstalled() {
  const missing = [NODE24, CODE_SERVER_ENTRY, CHROMIUM].filter((p) => !existsSync(p));
  if (missing.length) {
    console.error(`Missing ${missing.join(", ")}: run \`npm run e2e:setup\` first.`);
    process.exit(2);
  }
}

/**
 * A fresh per-run directory under .vscode-test/profiles. Kept after a failure for inspection;
 * run folders of the same kind older than six hours are removed here (no run lasts that long,
 * so a concurrent run is never touched).
 */
export function newRunDir(kind) {
  if (existsSync(PROFILES)) {
    for (const name of readdirSync(PROFILES)) {
      const old = path.join(PROFILES, name);
      if (name.startsWith(`${kind}-`) && Date.now() - statSync(old).mtimeMs > 6 * 3600_000) rmSync(old, { recursive: true, force: true });
    }
  }
  // Short names: chromium puts a Unix socket (108-byte path limit) under TMPDIR.
  const dir = path.join(PROFILES, `${kind}-${Date.now().toString(36)}${process.pid.toString(36)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const shortTmpDirs = new Set();
process.on("exit", () => {
  for (const dir of shortTmpDirs) rmSync(dir, { recursive: true, force: true });
});

/** After a passing run: drops the bulky parts of its folder (installed extension, VSIX, browser profile), keeps the logs. */
export function slimRunDir(dir, parts = ["extensions", "vsix", "chromium"]) {
  for (const part of parts) rmSync(path.join(dir, part), { recursive: true, force: true });
}

/** process.env with XDG_* , TMPDIR (and, with home, HOME) moved inside dir. */
export function isolatedEnv(dir, { home = false } = {}) {
  const env = { ...process.env };
  const sub = (name) => {
    const p = path.join(dir, name);
    mkdirSync(p, { recursive: true });
    return p;
  };
  env.XDG_CONFIG_HOME = sub("xdg/config");
  env.XDG_DATA_HOME = sub("xdg/data");
  env.XDG_CACHE_HOME = sub("xdg/cache");
  env.XDG_STATE_HOME = sub("xdg/state");
  env.XDG_RUNTIME_DIR = sub("xdg/runtime");
  env.TMPDIR = sub("tmp");
  // Chromium's SingletonSocket lives at $TMPDIR/org.chromium.Chromium.XXXXXX/SingletonSocket and a
  // Unix socket path has at most 107 bytes: fall back to a short private folder in /tmp.
  if (env.TMPDIR.length > 60) {
    env.TMPDIR = mkdtempSync(path.join(os.tmpdir(), "enclave-e2e-"));
    shortTmpDirs.add(env.TMPDIR);
  }
  if (home) env.HOME = sub("home");
  // Node 24 first on PATH: code-server's extension host, and the language server it forks, run on it.
  env.PATH = `${path.dirname(NODE24)}:${env.PATH}`;
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.VSCODE_IPC_HOOK_CLI;
  return env;
}

/**
 * Strict egress for a real-VS-Code run, as node's test runner gets it from strictPreload.js:
 * `ENCLAVE_EGRESS_STRICT=<file>` in code-server's environment reaches the extension host and the
 * language server it forks, whose guard then refuses every non-loopback attempt and appends it to
 * the file. The runner reads the file after the run and fails on any line (a process's own exit
 * code is not seen through code-server).
 */
export function strictEgress(runDir) {
  const file = path.join(runDir, "egress-violations.jsonl");
  writeFileSync(file, "");
  return {
    file,
    env: { ENCLAVE_EGRESS_STRICT: file },
    /** The recorded attempts, one JSON line each; [] when nothing tried to leave the machine. */
    violations: () => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [`${file} disappeared`]),
  };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts code-server (Node 24) in its own process group, output appended to logFile.
 * Returns { child, port, url, stop() }; stop() kills the whole group (extension host and
 * language server included).
 */
export async function startCodeServer({ userDataDir, extensionsDir, workspace, env, logFile, extraArgs = [] }) {
  const port = await freePort();
  const args = [
    CODE_SERVER_ENTRY,
    "--bind-addr", `127.0.0.1:${port}`,
    "--auth", "none",
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--disable-getting-started-override",
    "--user-data-dir", userDataDir,
    "--extensions-dir", extensionsDir,
    ...extraArgs,
  ];
  if (workspace) args.push(workspace);
  const out = openSync(logFile, "a");
  const child = spawn(NODE24, args, { env, detached: true, stdio: ["ignore", out, out] });
  closeSync(out);
  const handle = { child, port, url: `http://127.0.0.1:${port}`, stop: () => killGroup(child) };
  trackForCleanup(handle);
  await waitHealthy(handle, 60_000);
  return handle;
}

async function waitHealthy(handle, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (handle.child.exitCode !== null || handle.child.signalCode !== null) {
      throw new Error(`code-server exited early (${handle.child.exitCode ?? handle.child.signalCode})`);
    }
    try {
      const response = await fetch(`${handle.url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms`);
}

/** SIGTERM to the process group, SIGKILL after a grace period; resolves when it is gone. */
export async function killGroup(child, graceMs = 3000) {
  if (!child?.pid) return;
  const alive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await sleep(100);
  if (alive()) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

const tracked = new Set();
let hooked = false;
/** Makes sure a started code-server group dies with us, even on Ctrl+C or an uncaught error. */
function trackForCleanup(handle) {
  tracked.add(handle);
  handle.child.on("exit", () => tracked.delete(handle));
  if (hooked) return;
  hooked = true;
  const killAllSync = () => {
    for (const h of tracked) {
      try {
        process.kill(-h.child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  };
  process.on("exit", killAllSync);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      killAllSync();
      process.exit(130);
    });
  }
}

/** Chromium flags that keep a headless run quiet and offline (see the notes). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** A persistent headless chromium context (profile in dir/chromium) driven by playwright-core. */
export async function launchChromium(dir, env, viewport = { width: 1400, height: 900 }) {
  const { chromium } = await import("playwright-core");
  return chromium.launchPersistentContext(path.join(dir, "chromium"), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env,
    viewport,
    timeout: 60_000,
  });
}

/** The compiled tiny test model (generated by test/fixtures/gguf on first use). */
export async function tinyModelPath() {
  const index = path.join(ROOT, "out", "test", "fixtures", "gguf", "index.js");
  if (!existsSync(index)) throw new Error(`${index} is missing: run \`npx tsc -p .\` first`);
  const { default: gguf } = await import(index);
  const { tiny } = await gguf.ensureModels();
  return tiny;
}

/** Runs tsc (and, unless bundle is false, esbuild: together `npm run build`) unless ENCLAVE_E2E_NO_BUILD=1. */
export function build({ bundle = true } = {}) {
  if (process.env.ENCLAVE_E2E_NO_BUILD === "1") return;
  const started = Date.now();
  const tsc = spawnSync(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "."], { cwd: ROOT, stdio: "inherit" });
  if (tsc.status !== 0) throw new Error("tsc failed");
  if (bundle) {
    const esb = spawnSync(process.execPath, ["esbuild.mjs"], { cwd: ROOT, stdio: "inherit" });
    if (esb.status !== 0) throw new Error("esbuild failed");
  }
  console.log(`[e2e] built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Re-runs this script with Node 24 from .vscode-test when the current Node is older than min. */
export function reexecWithNode24IfOlderThan(min) {
  const major = Number(process.versions.node.split(".")[0]);
  if (major >= min) return;
  assertInstalled();
  const result = spawnSync(NODE24, [...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}
