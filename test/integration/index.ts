// Entry point that VS Code's extension host loads for --extensionTestsPath: runs every
// *.test.js beside this file with mocha, inside the real extension host, and prints a final
// "N passed, N failed" line (the runner relays it as its own last line).
import * as fs from "node:fs";
import * as path from "node:path";
import { format } from "node:util";
import Mocha from "mocha";

// The extension host forwards console arguments unformatted ("%s" and all), so the reporter's
// printf-style calls are formatted here, one string per call.
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", color: false, timeout: 90_000, reporter: "spec" });
  const files = fs.readdirSync(__dirname).filter((name) => name.endsWith(".test.js")).sort();
  for (const name of files) mocha.addFile(path.join(__dirname, name));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        // A test that never ran because a hook failed counts as a failure too.
        const failed = Math.max(failures, runner.stats?.failures ?? 0);
        console.log(`${passed} passed, ${failed} failed`);
        if (failed > 0) reject(new Error(`${failed} integration test(s) failed`));
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
