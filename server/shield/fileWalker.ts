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

/**
 * Walks the paths; `note` receives one line per skipped file or folder. A file given
 * explicitly with an unknown extension is reported; inside directories such files are
 * silently ignored, since most of a tree is not source code.
 */
export function* scanTargets(paths: readonly string[], cwd: string, language: string | undefined, note: (line: string) => void): Generator<ScanTarget> {
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = fs.statSync(absolute);
    if (stat.isDirectory()) yield* walk(absolute, given, language, note);
    else {
      const target = readTarget(absolute, given, language, note, true);
      if (target) yield target;
    }
  }
}

function* walk(dir: string, display: string, language: string | undefined, note: (line: string) => void): Generator<ScanTarget> {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const absolute = path.join(dir, entry.name);
    const shown = toDisplay(path.join(display, entry.name));
    if (entry.isDirectory()) {
      if (skippedDirectories.has(entry.name)) note(`${shown}: skipped (${entry.name} is not scanned)`);
      else yield* walk(absolute, shown, language, note);
    } else if (entry.isFile()) {
      const target = readTarget(absolute, shown, language, note, false);
      if (target) yield target;
    }
  }
}

function readTarget(absolute: string, display: string, language: string | undefined, note: (line: string) => void, explicit: boolean): ScanTarget | undefined {
  const languageId = language ?? languageByExtension[path.extname(absolute).toLowerCase()];
  if (!languageId) {
    if (explicit) note(`${toDisplay(display)}: skipped (unknown language; use --language)`);
    return undefined;
  }
  const size = fs.statSync(absolute).size;
  if (size > maxScanBytes) {
    note(`${toDisplay(display)}: skipped (${size} bytes is over the ${maxScanBytes}-byte limit)`);
    return undefined;
  }
  const data = fs.readFileSync(absolute);
  if (looksBinary(data)) {
    note(`${toDisplay(display)}: skipped (binary)`);
    return undefined;
  }
  return { display: toDisplay(display), absolute, languageId, text: data.toString("utf8") };
}
