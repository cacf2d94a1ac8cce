/**
 * `enclave scan [--json] [--sarif FILE] [--fail-on error|warning|info|never] [--language ID] PATH...`
 * `enclave scan --list-rules [--json]`
 * Scans files and directories with Shield. Exit codes: 0 when nothing reaches --fail-on,
 * 1 when something does, 2 on usage errors. dist/cli.js dispatches `enclave scan` here.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { defaultScanner } from "./defaultScanner";
import { scanTargets } from "./fileWalker";
import { grammarFor } from "../syntax/languages";
import { toSarif, type FileFinding } from "./sarif";
import { formatRuleList, listRules } from "./listRules";

export interface ScanCommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

export const scanUsage = `usage: enclave scan [--json] [--sarif FILE] [--fail-on error|warning|info|never] [--language ID] PATH...
       enclave scan --list-rules [--json]
  --json            print the findings as one JSON array (1-based lines and columns)
  --sarif FILE      also write a SARIF 2.1.0 log to FILE
  --fail-on LEVEL   exit 1 when a finding is at least LEVEL (default: error; never: always exit 0)
  --language ID     scan every file as this VS Code language id (python, typescript, c, ...)
  --list-rules      list the rules (id, severity, CWEs, languages, fix, Code Shield rules ported) and exit
Directories are scanned recursively; node_modules, .git, binaries and files over 1 MB are skipped.
`;

const failLevels = ["error", "warning", "info", "never"] as const;
type FailOn = (typeof failLevels)[number];
const rank = { info: 1, warning: 2, error: 3, never: 4 } as const;

interface Options { json: boolean; listRules: boolean; sarif?: string; failOn: FailOn; language?: string; paths: string[] }

/** Parses the arguments after `scan`; a string is a usage error to print. */
export function parseScanArgs(argv: readonly string[]): Options | "help" | string {
  const options: Options = { json: false, listRules: false, failOn: "error", paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === "-h" || flag === "--help") return "help";
    else if (flag === "--json") options.json = true;
    else if (flag === "--list-rules") options.listRules = true;
    else if (flag === "--sarif") {
      const v = value();
      if (!v) return "--sarif needs a file name";
      options.sarif = v;
    } else if (flag === "--fail-on") {
      const v = value();
      if (!failLevels.includes(v as FailOn)) return `--fail-on must be one of ${failLevels.join(", ")}`;
      options.failOn = v as FailOn;
    } else if (flag === "--language") {
      const v = value();
      if (!v || !grammarFor(v)) return `--language ${v ?? ""}: not a language Shield can scan`;
      options.language = v;
    } else if (flag === "--") {
      options.paths.push(...argv.slice(i + 1));
      break;
    } else if (flag.startsWith("-") && flag !== "-") return `unknown option ${flag}`;
    else options.paths.push(arg);
  }
  if (options.listRules && options.paths.length > 0) return "--list-rules takes no PATH";
  if (options.paths.length === 0 && !options.listRules) return "no PATH given";
  return options;
}

export async function runScanCommand(argv: string[], io: ScanCommandIo): Promise<number> {
  const parsed = parseScanArgs(argv);
  if (parsed === "help") {
    io.stdout(scanUsage);
    return 0;
  }
  if (typeof parsed === "string") {
    io.stderr(`enclave scan: ${parsed}\n${scanUsage}`);
    return 2;
  }
  if (parsed.listRules) {
    const { scanner, problems } = defaultScanner();
    for (const p of problems) io.stderr(`enclave scan: rule problem in ${p.source}: ${p.message}\n`);
    const listed = listRules(scanner.rules);
    io.stdout(parsed.json ? `${JSON.stringify(listed, null, 2)}\n` : formatRuleList(listed));
    return 0;
  }
  for (const p of parsed.paths) {
    if (!fs.existsSync(path.resolve(io.cwd, p))) {
      io.stderr(`enclave scan: ${p}: no such file or directory\n${scanUsage}`);
      return 2;
    }
  }
  // An unwritable SARIF path is found before the scan, not after minutes of work are thrown away.
  const sarifPath = parsed.sarif === undefined ? undefined : path.resolve(io.cwd, parsed.sarif);
  const sarifProblem = sarifPath === undefined ? undefined : unwritableReason(sarifPath);
  if (sarifProblem) {
    io.stderr(`enclave scan: --sarif ${parsed.sarif}: ${sarifProblem}\n`);
    return 2;
  }
  const { scanner, problems } = defaultScanner();
  for (const p of problems) io.stderr(`enclave scan: rule problem in ${p.source}: ${p.message}\n`);

  const findings: FileFinding[] = [];
  let files = 0;
  let skipped = 0;
  const note = (line: string): void => {
    skipped++;
    io.stderr(`${printable(line)}\n`);
  };
  for (const target of scanTargets(parsed.paths, io.cwd, parsed.language, note)) {
    files++;
    for (const f of await scanner.scan(target.text, target.languageId)) {
      findings.push({
        path: target.display, line: f.line + 1, column: f.column + 1, endLine: f.endLine + 1, endColumn: f.endColumn + 1,
        ruleId: f.ruleId, cwe: f.cwe, ...(f.alsoCwe ? { alsoCwe: f.alsoCwe } : {}), severity: f.severity, message: f.message,
      });
    }
  }

  if (parsed.json) io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
  else {
    for (const f of findings) io.stdout(`${printable(f.path)}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${[f.cwe, ...(f.alsoCwe ?? [])].join(",")} ${f.message}\n`);
    const count = (s: FileFinding["severity"]): number => findings.filter((f) => f.severity === s).length;
    io.stdout(`${findings.length} finding${findings.length === 1 ? "" : "s"} (${count("error")} error, ${count("warning")} warning, ${count("info")} info) in ${files} file${files === 1 ? "" : "s"} scanned, ${skipped} skipped\n`);
  }
  if (sarifPath !== undefined) {
    try {
      fs.writeFileSync(sarifPath, `${JSON.stringify(toSarif(findings, scanner.rules, packageVersion()), null, 2)}\n`);
    } catch (error) {
      // The findings are already printed; the log that could not be written is named, without a stack.
      io.stderr(`enclave scan: --sarif ${parsed.sarif}: cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
      return 2;
    }
  }
  const threshold = rank[parsed.failOn];
  return findings.some((f) => rank[f.severity] >= threshold) ? 1 : 0;
}

/**
 * A file name as the terminal may show it. Names come from the scanned code, so a newline in one
 * could forge a finding line (or hide one) and an escape sequence could clear the screen; control
 * and bidirectional-override characters are written as \\n, \\x1b, \\u202e. JSON and SARIF keep
 * the real name (JSON escapes it).
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** Why a file cannot be written at `file` (a directory there, no parent folder, no permission), or undefined. */
function unwritableReason(file: string): string | undefined {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return "is a directory";
  const folder = path.dirname(file);
  const parent = fs.statSync(folder, { throwIfNoEntry: false });
  if (!parent) return `the folder ${folder} does not exist`;
  if (!parent.isDirectory()) return `${folder} is not a folder`;
  try {
    fs.accessSync(stat ? file : folder, fs.constants.W_OK);
  } catch {
    return `no permission to write ${stat ? file : `in ${folder}`}`;
  }
  return undefined;
}

/** The extension's version for SARIF, from the package.json nearest to this file. */
function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      try {
        return String((JSON.parse(fs.readFileSync(file, "utf8")) as { version?: string }).version ?? "0.0.0");
      } catch {
        return "0.0.0";
      }
    }
    if (path.dirname(dir) === dir) return "0.0.0";
  }
}
