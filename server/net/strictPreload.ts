/**
 * Preload for the test runner: `node --require ./out/server/net/strictPreload.js --test ...`.
 * The runner passes --require on to every test-file process, so each installs the egress guard
 * in strict mode, where any attempt to reach a non-loopback address is refused and recorded.
 * Language servers and `enclave serve` processes the tests start inherit the environment and
 * run their own guard in strict mode, writing to the same file. At exit a process that finds
 * violations prints them, fails with exit code 1, and passes them up to its parent's file, so
 * both the test file and the whole run fail. The audit log goes to a temporary directory too,
 * never into the developer's home.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { AuditLog } from "./auditLog";
import { installEgressGuard } from "./egressPatches";
import { parsePins } from "./pins";
import { auditLogPath } from "./stateDir";

const parentFile = process.env.ENCLAVE_EGRESS_STRICT;
const dir = mkdtempSync(join(tmpdir(), "enclave-egress-"));
const file = join(dir, "violations.jsonl");
writeFileSync(file, "");
process.env.ENCLAVE_EGRESS_STRICT = file;
process.env.ENCLAVE_STATE_DIR = join(dir, "state");

installEgressGuard({
  strictFile: file,
  pins: parsePins(process.env.ENCLAVE_EGRESS_PINS),
  audit: new AuditLog(auditLogPath()),
  label: `test ${basename(process.argv[1] ?? "runner")}`,
});

process.on("exit", () => {
  let lines: string[] = [];
  try {
    lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  } catch {
    // Nothing was recorded.
  }
  if (lines.length > 0) {
    process.stderr.write(`\nThe egress guard caught ${lines.length} attempt(s) to reach a non-loopback address:\n${lines.join("\n")}\n`);
    process.exitCode = 1;
    if (parentFile) {
      try {
        appendFileSync(parentFile, `${lines.join("\n")}\n`);
      } catch {
        // The parent has gone; this process's own exit code still fails the run.
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });
});
