/** Parsed command-line flags: `--name value`, `--flag`, and positional arguments. */
export interface ParsedArgs {
  readonly flags: Map<string, string | true>;
  readonly positional: string[];
}

/** A command-line mistake: the CLI prints the message and the usage, and exits with 2. */
export class UsageError extends Error {}

/**
 * Splits argv into flags and positionals. `booleans` lists flags that take no value; every
 * other flag takes the next argument (or `--name=value`). `--help` and `-h` never take a value:
 * every command answers them with its usage.
 */
export function parseArgs(argv: readonly string[], booleans: readonly string[] = []): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") {
      flags.set("help", true);
      continue;
    }
    if (!arg.startsWith("--") || arg === "--") {
      if (arg !== "--") positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (eq >= 0) flags.set(name, arg.slice(eq + 1));
    else if (booleans.includes(name)) flags.set(name, true);
    else {
      const value = argv[i + 1];
      if (value === undefined) throw new UsageError(`--${name} needs a value.`);
      flags.set(name, value);
      i++;
    }
  }
  return { flags, positional };
}

/** A required or optional whole-number flag, checked. */
export function intFlag(args: ParsedArgs, name: string, fallback?: number): number {
  const raw = args.flags.get(name);
  if (raw === undefined || raw === true) {
    if (fallback === undefined) throw new UsageError(`--${name} is required.`);
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new UsageError(`--${name} takes a whole number, not "${raw}".`);
  return value;
}

/** A required or optional string flag. */
export function stringFlag(args: ParsedArgs, name: string, fallback?: string): string {
  const raw = args.flags.get(name);
  if (typeof raw === "string") return raw;
  if (fallback === undefined) throw new UsageError(`--${name} is required.`);
  return fallback;
}
