/**
 * Imported first by the language server and the CLI, so the egress guard is in place before
 * any other module could open a connection. Until settings arrive the policy is "this machine
 * only". `ENCLAVE_EGRESS_STRICT=<file>` turns on strict mode (every destination must be a
 * loopback address; each violation is appended to the file and fails the process), which the
 * test suite uses; `ENCLAVE_EGRESS_PINS=host=address,...` pins destinations in strict mode
 * only, so a test can use a public-looking host that still ends at 127.0.0.1 (see pins.ts).
 */
import { basename } from "node:path";
import { AuditLog } from "./auditLog";
import { installEgressGuard } from "./egressPatches";
import { parsePins } from "./pins";
import { auditLogPath } from "./stateDir";

export const egressGuard = installEgressGuard({
  strictFile: process.env.ENCLAVE_EGRESS_STRICT || undefined,
  pins: parsePins(process.env.ENCLAVE_EGRESS_PINS),
  audit: new AuditLog(auditLogPath()),
  label: basename(process.argv[1] ?? "node").replace(/\.js$/, ""),
});
