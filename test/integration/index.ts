// Entry point that VS Code's extension host loads for --extensionTestsPath: runs every
// *.test.js beside this file with mocha, inside the real extension host, and prints a final
// "N passed, N failed" line (the runner relays it as its own last line).
import * as fs from "node:fs";
import * as path from "node:path";
import { format } from "node:util";
import Mocha from "mocha";
import { installEgressGuard } from "../../server/net/egressPatches";

// The runner (scripts/e2e/run-integration.mjs) sets ENCLAVE_EGRESS_STRICT: the extension host
// then runs the same strict guard as the test runner's processes, so a network call from a test
// or from the extension is refused and recorded, and the run fails.
const strictFile = process.env.ENCLAVE_EGRESS_STRICT;
if (strictFile) installEgressGuard({ strictFile, label: "integration tests (extension host)" });

/** Lines the strict guards (this extension host's and the language servers') recorded so far. */
function egressViolations(): string[] {
  if (!strictFile) return ["ENCLAVE_EGRESS_STRICT is not set: the integration suite must run under the strict egress guard"];
  return fs.readFileSync(strictFile, "utf8").split("\n").filter(Boolean);
}

// The extension host forwards console arguments unformatted ("%s" and all), so the reporter's
// printf-style calls are formatted here, one string per call.
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", color: false, timeout: 90_000, reporter: "spec" });
  // ENCLAVE_INTEGRATION_ONLY=edit,chat narrows a run while developing (whole runs name no filter).
  const only = process.env.ENCLAVE_INTEGRATION_ONLY?.split(",").filter(Boolean);
  const files = fs.readdirSync(__dirname).filter((name) => name.endsWith(".test.js") && (!only || only.some((o) => name.startsWith(o)))).sort();
  for (const name of files) mocha.addFile(path.join(__dirname, name));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        // A test that never ran because a hook failed counts as a failure too.
        let failed = Math.max(failures, runner.stats?.failures ?? 0);
        const violations = egressViolations();
        if (violations.length > 0) {
          console.log(`The egress guard caught ${violations.length} attempt(s) to reach a non-loopback address:\n${violations.join("\n")}`);
          failed++;
        }
        console.log(`${passed} passed, ${failed} failed`);
        if (failed > 0) reject(new Error(`${failed} integration test(s) failed${violations.length ? " (egress violations count as one)" : ""}`));
        else if (passed === 0) reject(new Error("no integration test ran"));
        else resolve();
      });
    } catch (error) {
      console.error(error);
      console.log("0 passed, 1 failed");
      reject(error as Error);
    }
  });
}
