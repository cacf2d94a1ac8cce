/**
 * Scan Workspace: every source file under the workspace folders that git would track, scanned one by one with the file's findings
 * published as diagnostics as soon as it is done, so the Problems panel fills while the scan
 * runs. It yields to the event loop between files, so cancelling (or typing) is never blocked.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Diagnostic } from "vscode-languageserver-protocol";
import { walkFiles } from "../index/walker";
import { languageByExtension } from "../syntax/languages";
import { looksBinary, maxScanBytes } from "./fileWalker";
import type { ShieldScanner } from "./scanner";
import { toDiagnostic } from "./shieldActions";

/**
 * The source files under `root` that are not ignored, as absolute paths. The listing is the
 * workspace index's (server/index/walker.ts: nested .gitignore files through the `ignore`
 * package, VCS folders and node_modules left out, only regular files), so Scan Workspace and
 * the index agree on what the workspace is.
 */
// No size limit here: the scan loop below reads what fits and clears what does not.
export function workspaceFiles(root: string, signal?: AbortSignal): string[] {
  if (signal?.aborted) return [];
  return walkFiles(root, { maxFileBytes: Number.POSITIVE_INFINITY })
    .filter((f) => languageByExtension[path.extname(f.path).toLowerCase()])
    .map((f) => f.absolute);
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
