/**
 * Finds the files `enclave scan` should read: recursively under directories, skipping
 * dependency and VCS folders, oversized files and binaries, and saying why for each skip.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { languageByExtension } from "../syntax/languages";

/** Files bigger than this are not scanned (generated or vendored code, usually). */
export const maxScanBytes = 1024 * 1024;
const skippedDirectories = new Set(["node_modules", ".git", ".hg", ".svn"]);

export interface ScanTarget {
  /** The path shown to the user: as given, or the given directory joined with the relative path. */
  readonly display: string;
  readonly absolute: string;
  readonly languageId: string;
  readonly text: string;
}

/** True when a buffer looks binary: a NUL byte in its first 8 KiB. */
export function looksBinary(data: Uint8Array | string): boolean {
  const n = Math.min(data.length, 8192);
  if (typeof data === "string") return data.slice(0, n).includes("\0");
  for (let i = 0; i < n; i++) if (data[i] === 0) return true;
  return false;
}

const toDisplay = (p: string): string => p.split(path.sep).join("/");

/** A short reason for a failed read: "permission denied" rather than a stack trace. */
function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ELOOP") return "too many levels of symbolic links";
  if (code === "ENOENT") return "it disappeared while scanning";
  return (error as Error).message;
}

/** True when `inner` is `outer` or lies below it (both real paths). */
function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** What one walk shares: the reporter, the language override, the real paths already scanned and the links met. */
interface Walk {
  readonly note: (line: string) => void;
  readonly language: string | undefined;
  readonly seen: Map<string, string>;
  readonly links: Array<{ absolute: string; shown: string }>;
}

/**
 * Walks the paths; `note` receives one line per skipped file or folder, with the reason. A file
 * given explicitly with an unknown extension is reported; inside directories such files are
 * silently ignored, since most of a tree is not source code. Unreadable files and folders are
 * skipped (the rest is still scanned). Inside a folder a symbolic link to a file is followed when
 * the file lies inside the scanned folder; links to folders are never followed (no loops, no
 * leaving the tree), and every link not followed is reported. Each real file is scanned once.
 */
export function* scanTargets(paths: readonly string[], cwd: string, language: string | undefined, note: (line: string) => void): Generator<ScanTarget> {
  const walk: Walk = { note, language, seen: new Map(), links: [] };
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    let real: string;
    try {
      stat = fs.statSync(absolute);
      real = fs.realpathSync(absolute);
    } catch (error) {
      note(`${toDisplay(given)}: skipped (${why(error)})`);
      continue;
    }
    // Below a real folder every path is real too, since links to folders are not followed.
    if (stat.isDirectory()) {
      yield* walkFolder(walk, real, given);
      // Links come last, so a file reached both by its own name and by a link is shown under its own.
      for (const link of walk.links.splice(0)) {
        const target = followLink(walk, real, link.absolute, link.shown);
        if (target) yield target;
      }
    } else {
      const target = readTarget(walk, absolute, real, given, stat, true);
      if (target) yield target;
    }
  }
}

function* walkFolder(walk: Walk, dir: string, display: string): Generator<ScanTarget> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    walk.note(`${toDisplay(display)}/: skipped (cannot read this folder: ${why(error)})`);
    return;
  }
  for (const entry of entries) {
    const absolute = path.join(dir, entry.name);
    const shown = toDisplay(path.join(display, entry.name));
    if (entry.isDirectory()) {
      if (skippedDirectories.has(entry.name)) walk.note(`${shown}: skipped (${entry.name} is not scanned)`);
      else yield* walkFolder(walk, absolute, shown);
    } else if (entry.isFile()) {
      const target = readTarget(walk, absolute, absolute, shown, undefined, false);
      if (target) yield target;
    } else if (entry.isSymbolicLink()) {
      walk.links.push({ absolute, shown });
    }
  }
}

/** A symbolic link met inside a folder: followed only to a regular file inside the scanned folder. */
function followLink(walk: Walk, root: string, absolute: string, shown: string): ScanTarget | undefined {
  let stat: fs.Stats;
  let real: string;
  try {
    stat = fs.statSync(absolute);
    real = fs.realpathSync(absolute);
  } catch (error) {
    walk.note(`${shown}: skipped (symbolic link that cannot be followed: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "its target does not exist" : why(error)})`);
    return undefined;
  }
  if (stat.isDirectory()) {
    walk.note(`${shown}: skipped (symbolic link to a folder; links to folders are not followed)`);
    return undefined;
  }
  if (!isInside(root, real)) {
    walk.note(`${shown}: skipped (symbolic link to ${toDisplay(real)}, outside the scanned folder)`);
    return undefined;
  }
  return readTarget(walk, absolute, real, shown, stat, false);
}

function readTarget(walk: Walk, absolute: string, real: string, display: string, known: fs.Stats | undefined, explicit: boolean): ScanTarget | undefined {
  const shown = toDisplay(display);
  const skip = (reason: string): undefined => {
    walk.note(`${shown}: skipped (${reason})`);
    return undefined;
  };
  const languageId = walk.language ?? languageByExtension[path.extname(absolute).toLowerCase()];
  if (!languageId) return explicit ? skip("unknown language; use --language") : undefined;
  const first = walk.seen.get(real);
  if (first !== undefined) return skip(`the same file as ${first}, which is scanned`);
  let stat: fs.Stats;
  try {
    stat = known ?? fs.statSync(absolute);
  } catch (error) {
    return skip(`cannot read it: ${why(error)}`);
  }
  // A named pipe or device would block the scan or never end.
  if (!stat.isFile()) return skip("not a regular file");
  if (stat.size > maxScanBytes) return skip(`${stat.size} bytes is over the ${maxScanBytes}-byte limit`);
  let data: Buffer;
  try {
    data = fs.readFileSync(absolute);
  } catch (error) {
    return skip(`cannot read it: ${why(error)}`);
  }
  if (looksBinary(data)) return skip("binary");
  walk.seen.set(real, shown);
  return { display: shown, absolute, languageId, text: data.toString("utf8") };
}
