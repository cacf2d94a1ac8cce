// `npm start`: builds Enclave, packages the linux-x64 VSIX, installs it into a private
// code-server (a real VS Code) under .vscode-test/start, opens the sample workspace and prints
// the URL. The model is the recommended one for this machine when its download host answers,
// otherwise the generated demo model (labelled "demo model" in the status bar).
// ENCLAVE_MODEL=/path/to/model.gguf (or an hf: URI) chooses the model instead.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { CODE_SERVER_ENTRY, NODE24, QUIET_USER_SETTINGS, ROOT, isolatedEnv, startCodeServer, writeUserSettings } from "./e2e/env.mjs";

const require = createRequire(import.meta.url);
const dir = path.join(ROOT, ".vscode-test", "start");

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`[start] ${[command, ...args].join(" ")} failed (exit ${result.status})`);
    process.exit(1);
  }
}

/** True when the model host answers within a few seconds: then the real default model can be downloaded. */
async function canReach(url) {
  try {
    const response = await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(4000) });
    return response.status < 500;
  } catch {
    return false;
  }
}

/** The model to open with: ENCLAVE_MODEL, else the recommended download, else the demo model. */
async function chooseModel() {
  if (process.env.ENCLAVE_MODEL) return { model: process.env.ENCLAVE_MODEL, why: "from ENCLAVE_MODEL" };
  const { ModelManager } = require(path.join(ROOT, "out/server/engine/modelManager.js"));
  const { defaultSettings } = require(path.join(ROOT, "out/server/settings.js"));
  const settings = defaultSettings();
  const catalog = await new ModelManager({ log: { debug() {}, info() {}, warn() {}, error() {} } }).catalog(settings);
  if (await canReach(settings.huggingFaceEndpoint)) {
    return { model: catalog.recommended.uri, why: `recommended for ${catalog.hardware}; downloaded on first start (${(catalog.recommended.approxBytes / 1e9).toFixed(1)} GB)` };
  }
  const { default: gguf } = await import(path.join(ROOT, "out/test/fixtures/gguf/index.js"));
  const { scripted } = await gguf.ensureModels();
  return { model: scripted, why: `${new URL(settings.huggingFaceEndpoint).host} is not reachable from here, so the generated demo model is used (its suggestions are canned, not real)` };
}

run("bash", ["scripts/e2e/setup.sh"]);
run(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "."]);
const vsixDir = path.join(dir, "vsix");
run(process.execPath, ["scripts/package.mjs", "--target", "linux-x64", "--out", vsixDir, "--no-tsc"]);
const version = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
const vsix = path.join(vsixDir, `enclave-${version}-linux-x64.vsix`);

const userDataDir = path.join(dir, "user-data");
const extensionsDir = path.join(dir, "extensions");
const workspace = path.join(dir, "workspace");
rmSync(extensionsDir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
if (!existsSync(workspace)) cpSync(path.join(ROOT, "test/fixtures/workspace"), workspace, { recursive: true });
const env = isolatedEnv(dir);
run(NODE24, [CODE_SERVER_ENTRY, "--user-data-dir", userDataDir, "--extensions-dir", extensionsDir, "--install-extension", vsix], { env });

const { model, why } = await chooseModel();
writeUserSettings(userDataDir, { "enclave.model": model }, "Machine");
writeUserSettings(userDataDir, { ...QUIET_USER_SETTINGS, "editor.inlineSuggest.enabled": true });
const server = await startCodeServer({ userDataDir, extensionsDir, env, logFile: path.join(dir, "code-server.log"), workspace });
console.log(`\nEnclave is running in VS Code at ${server.url}/?folder=${encodeURIComponent(workspace)}`);
console.log(`Model: ${model}\n       (${why})`);
console.log("Everything runs on this machine; press Ctrl+C to stop.\n");
await new Promise((resolve) => {
  process.once("SIGINT", resolve);
  process.once("SIGTERM", resolve);
});
await server.stop();
