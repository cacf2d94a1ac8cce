/**
 * Scan Workspace: every source file under the workspace folders that git would track (the
 * .gitignore files are read per directory), scanned one by one with the file's findings
 * published as diagnostics as soon as it is done, so the Problems panel fills while the scan
 * runs. It yields to the event loop between files, so cancelling (or typing) is never blocked.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Diagnostic } from "vscode-languageserver-protocol";
import { languageByExtension } from "../syntax/languages";
import { looksBinary, maxScanBytes } from "./fileWalker";
import { isIgnored, parseGitignore, type IgnoreFile } from "./gitignore";
import type { ShieldScanner } from "./scanner";
import { toDiagnostic } from "./shieldActions";

const alwaysSkipped = new Set(["node_modules", ".git", ".hg", ".svn"]);

/** The source files under `root` that are not ignored, as absolute paths. */
export function workspaceFiles(root: string, signal?: AbortSignal): string[] {
  const out: string[] = [];
  const visit = (dir: string, relative: string, ignores: readonly IgnoreFile[]): void => {
    if (signal?.aborted) return;
    let here = ignores;
    const gitignore = path.join(dir, ".gitignore");
    // Only a regular file is read: a folder named .gitignore threw EISDIR and ended the whole
    // scan, and a FIFO would block the server's one thread for good.
    if (fs.statSync(gitignore, { throwIfNoEntry: false })?.isFile()) {
      try {
        here = [...ignores, parseGitignore(fs.readFileSync(gitignore, "utf8"), relative)];
      } catch {
        // An unreadable .gitignore ignores nothing; the folder is still scanned.
      }
    }
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!alwaysSkipped.has(entry.name) && !isIgnored(here, rel, true)) visit(path.join(dir, entry.name), rel, here);
      } else if (entry.isFile() && languageByExtension[path.extname(entry.name).toLowerCase()] && !isIgnored(here, rel, false)) {
        out.push(path.join(dir, entry.name));
      }
    }
  };
  visit(root, "", []);
  return out;
}

export interface WorkspaceScanHooks {
  readonly signal: AbortSignal;
  /** Called after each file with the number done and the total. */
  readonly progress: (done: number, total: number, file: string) => void;
  /** Publishes one file's diagnostics (an empty list clears an earlier scan's). */
  readonly publish: (uri: string, diagnostics: Diagnostic[]) => Promise<void>;
  /** Files open in the editor are the document feature's: their diagnostics follow the buffer. */
  readonly isOpen: (uri: string) => boolean;
}

export interface WorkspaceScanSummary {
  readonly files: number;
  readonly findings: number;
  readonly filesWithFindings: number;
  readonly cancelled: boolean;
}

/** Scans the folders' files and publishes their findings; stops early when the signal aborts. */
export async function scanWorkspace(folders: readonly string[], scanner: ShieldScanner, hooks: WorkspaceScanHooks): Promise<WorkspaceScanSummary> {
  const files = folders.flatMap((f) => workspaceFiles(f, hooks.signal));
  let findings = 0;
  let filesWithFindings = 0;
  let done = 0;
  for (const file of files) {
    if (hooks.signal.aborted) break;
    // Let cancellation and other requests through between files.
    await new Promise((resolve) => setImmediate(resolve));
    const uri = pathToFileURL(file).toString();
    const languageId = languageByExtension[path.extname(file).toLowerCase()]!;
    let data: Buffer | undefined;
    try {
      data = fs.statSync(file).size <= maxScanBytes ? fs.readFileSync(file) : undefined;
    } catch {
      data = undefined;
    }
    if (data && !looksBinary(data)) {
      const found = await scanner.scan(data.toString("utf8"), languageId);
      findings += found.length;
      if (found.length > 0) filesWithFindings++;
      if (!hooks.isOpen(uri)) await hooks.publish(uri, found.map(toDiagnostic));
    }
    hooks.progress(++done, files.length, file);
  }
  return { files: done, findings, filesWithFindings, cancelled: hooks.signal.aborted };
}
