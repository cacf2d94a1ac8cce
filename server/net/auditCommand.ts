import { existsSync } from "node:fs";
import { intFlag, stringFlag, UsageError, type ParsedArgs } from "../cliArgs";
import { readAudit } from "./auditLog";
import { formatAudit } from "./auditFormat";
import { auditLogPath } from "./stateDir";

export const auditUsage = `  audit [--last N] [--json] [--file F]                 print the network audit: every outbound connection, failed attempt,
                                                       DNS query and refusal of any Enclave process of this user (default: last 50)`;

/**
 * `enclave audit`: prints what the language servers, `enclave serve` and the CLI recorded in
 * the per-user audit log, so "nothing left the machine" can be checked without the editor.
 */
export async function runAudit(args: ParsedArgs): Promise<number> {
  const file = stringFlag(args, "file", auditLogPath());
  // No log at the default place means nothing was recorded yet; a named file that is not there
  // is a typo, and "0 recorded" for it would wrongly say that nothing left the machine.
  if (args.flags.has("file") && !existsSync(file)) throw new UsageError(`--file ${file}: no such file.`);
  const entries = readAudit(file);
  if (args.flags.has("json")) {
    process.stdout.write(`${JSON.stringify({ file, entries }, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(formatAudit(entries, file, intFlag(args, "last", 50)));
  return 0;
}
