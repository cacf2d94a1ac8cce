/**
 * A small .gitignore matcher for Scan Workspace: the patterns people write (`*.log`, `build/`,
 * `/dist`, `**\/gen`, `!keep.py`), read per directory like git does. What it leaves out of
 * git's rules (character classes with `!`, escaped trailing spaces) does not change which
 * source files a scan reads in practice; the project takes no dependency for it.
 */

interface IgnoreRule {
  readonly regex: RegExp;
  readonly negated: boolean;
  readonly directoryOnly: boolean;
}

/** The rules of one .gitignore file, whose directory is `base` (a "/"-separated path, "" for the root). */
export interface IgnoreFile {
  readonly base: string;
  readonly rules: readonly IgnoreRule[];
}

/** Parses the text of a .gitignore file found in the directory `base`. */
export function parseGitignore(text: string, base: string): IgnoreFile {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/\s+$/, "");
    if (!line || line.startsWith("#")) continue;
    const negated = line.startsWith("!");
    if (negated) line = line.slice(1);
    if (line.startsWith("\\")) line = line.slice(1);
    const directoryOnly = line.endsWith("/");
    if (directoryOnly) line = line.slice(0, -1);
    // A pattern with a slash before its end is relative to the .gitignore's directory.
    const anchored = line.includes("/");
    if (line.startsWith("/")) line = line.slice(1);
    if (!line) continue;
    rules.push({ regex: new RegExp(`^${anchored ? "" : "(?:.*/)?"}${globToRegex(line)}$`), negated, directoryOnly });
  }
  return { base, rules };
}

function globToRegex(glob: string): string {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === "*" && glob[i + 1] === "*") {
      // "**/" matches zero or more directories; a trailing "**" matches everything inside.
      if (glob[i + 2] === "/") {
        out += "(?:.*/)?";
        i += 2;
      } else {
        out += ".*";
        i += 1;
      }
    } else if (ch === "*") out += "[^/]*";
    else if (ch === "?") out += "[^/]";
    else if (ch === "[") {
      const close = glob.indexOf("]", i + 1);
      if (close < 0) out += "\\[";
      else {
        out += `[${glob.slice(i + 1, close).replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else out += ch.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return out;
}

/**
 * True when `relative` (a "/"-separated path from the workspace root) is ignored by the files
 * that apply to it; later files (deeper directories) and later lines win, as in git.
 */
export function isIgnored(files: readonly IgnoreFile[], relative: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const file of files) {
    if (file.base && !relative.startsWith(`${file.base}/`)) continue;
    const inside = file.base ? relative.slice(file.base.length + 1) : relative;
    for (const rule of file.rules) {
      if (rule.directoryOnly && !isDirectory) continue;
      if (rule.regex.test(inside)) ignored = !rule.negated;
    }
  }
  return ignored;
}
