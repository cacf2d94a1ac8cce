// `npm run test:integration`: runs test/integration (mocha, compiled to out/test/integration)
// inside a real VS Code extension host through @vscode/test-electron's runTests.
//   default                  code-server + headless chromium via scripts/e2e/code-server-launcher.sh
//   ENCLAVE_VSCODE=desktop   a desktop VS Code that test-electron downloads (needs the internet)
// The workspace is a per-run copy of test/fixtures/workspace whose .vscode/settings.json points
// enclave.model at the tiny test model. The extension host (test/integration/index.ts installs
// the guard there) and the language server run with strict egress: any attempt to reach a
// non-loopback address fails the run. The last line printed is "N passed, N failed".
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { assertInstalled, build, newRunDir, QUIET_USER_SETTINGS, reexecWithNode24IfOlderThan, ROOT, slimRunDir, strictEgress, tinyModelPath, writeUserSettings } from "./env.mjs";

// @vscode/test-electron 3 wants Node >= 22.
reexecWithNode24IfOlderThan(22);

const desktop = process.env.ENCLAVE_VSCODE === "desktop";
const started = Date.now();

/** Passes output through and remembers the extension host's "N passed, N failed" line. */
function tee(target, onLine) {
  let pending = "";
  return new Writable({
    write(chunk, _encoding, callback) {
      target.write(chunk);
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop();
      for (const line of lines) onLine(line);
      callback();
    },
  });
}

async function main() {
  if (!desktop) assertInstalled();
  build();
  const tiny = await tinyModelPath();
  const runDir = newRunDir("integration");
  const workspace = path.join(runDir, "workspace");
  cpSync(path.join(ROOT, "test/fixtures/workspace"), workspace, { recursive: true });
  mkdirSync(path.join(workspace, ".vscode"), { recursive: true });
  writeFileSync(path.join(workspace, ".vscode", "settings.json"), JSON.stringify({ "enclave.model": tiny }, null, 2) + "\n");

  writeUserSettings(path.join(runDir, "user-data"), QUIET_USER_SETTINGS);
  const egress = strictEgress(runDir);

  let summary;
  const onLine = (line) => {
    const match = /^\s*(\d+) passed, (\d+) failed\s*$/.exec(line);
    if (match) summary = { passed: Number(match[1]), failed: Number(match[2]) };
  };
  const { runTests } = await import("@vscode/test-electron");
  const options = {
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, "out/test/integration/index.js"),
    launchArgs: [
      workspace,
      `--user-data-dir=${path.join(runDir, "user-data")}`,
      `--extensions-dir=${path.join(runDir, "extensions")}`,
      "--disable-extensions",
    ],
    extensionTestsEnv: { ENCLAVE_TINY_MODEL: tiny, ...egress.env, ...(process.env.ENCLAVE_INTEGRATION_ONLY ? { ENCLAVE_INTEGRATION_ONLY: process.env.ENCLAVE_INTEGRATION_ONLY } : {}) },
    stdout: tee(process.stdout, onLine),
    stderr: tee(process.stderr, onLine),
  };
  if (!desktop) options.vscodeExecutablePath = path.join(ROOT, "scripts/e2e/code-server-launcher.sh");
  console.log(`[integration] ${desktop ? "desktop VS Code (downloaded by test-electron)" : "code-server + chromium"}; run folder ${runDir}`);
  let ok = true;
  try {
    await runTests(options);
  } catch (error) {
    ok = false;
    console.error(`[integration] ${error?.message ?? error}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!summary) summary = { passed: 0, failed: 1 }; // The suite never reported: count the run as one failure.
  const violations = egress.violations();
  if (violations.length > 0) {
    console.error(`[integration] the egress guard caught ${violations.length} attempt(s) to reach a non-loopback address:\n${violations.join("\n")}`);
    // The extension host's own check may have counted them already; either way the run fails.
    summary = { ...summary, failed: Math.max(summary.failed, 1) };
  }
  ok = ok && summary.failed === 0 && summary.passed > 0;
  if (ok) slimRunDir(runDir);
  console.log(`[integration] ${ok ? "PASS" : `FAIL (logs in ${runDir})`} in ${seconds} s`);
  console.log(`${summary.passed} passed, ${summary.failed} failed`);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[integration] ${error?.stack ?? error}`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
