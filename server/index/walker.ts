/**
 * Which files of a directory the index reads: `.gitignore` rules (nested ones too, each relative
 * to its own folder), an exclude list, no binary files and nothing over a size limit. Directory
 * symlinks are never followed, so a link back to a parent cannot make the walk endless and a
 * link out of the tree cannot pull foreign code into the index.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ignore, { type Ignore } from "ignore";

/** Folders no one wants in a code index, whatever .gitignore says (and our own index folder). */
export const defaultExcludes: readonly string[] = [".git/", ".hg/", ".svn/", ".enclave/", "node_modules/"];

/** The largest file indexed; bigger ones are generated or data, and would crowd the results. */
export const defaultMaxFileBytes = 1024 * 1024;

export interface WalkOptions {
  /** Extra gitignore-style patterns, relative to the root (`enclave.index.exclude`). */
  readonly exclude?: readonly string[];
  readonly maxFileBytes?: number;
}

/** A file that passed the rules, with what incremental updates compare. */
export interface WalkedFile {
  /** Relative to the root, with forward slashes. */
  readonly path: string;
  readonly absolute: string;
  readonly mtimeMs: number;
  readonly size: number;
}

interface Rules { readonly base: string; readonly rules: Ignore }

/** Reads a directory's .gitignore when it is a readable regular file; anything else has no rules. */
function gitignoreAt(dir: string): Ignore | undefined {
  const file = path.join(dir, ".gitignore");
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return undefined;
  try {
    return ignore().add(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function ignoredBy(stack: readonly Rules[], relative: string, isDir: boolean): boolean {
  for (const { base, rules } of stack) {
    const inner = base ? relative.slice(base.length + 1) : relative;
    if (rules.ignores(isDir ? `${inner}/` : inner)) return true;
  }
  return false;
}

/**
 * The walk's verdict on one file, for updates from a file watcher: the file as the walk would
 * list it, or undefined when the rules (the .gitignore files of each folder on its way, the
 * excludes, the size limit) leave it out or it is gone.
 */
export function walkedFileAt(root: string, relative: string, options: WalkOptions = {}): WalkedFile | undefined {
  const parts = relative.split("/");
  if (parts.some((p) => p === "" || p === "." || p === "..")) return undefined;
  const rules: Rules[] = [{ base: "", rules: ignore().add([...defaultExcludes, ...(options.exclude ?? [])]) }];
  for (let depth = 0; depth < parts.length; depth++) {
    const base = parts.slice(0, depth).join("/");
    const own = gitignoreAt(path.join(root, base));
    if (own) rules.push({ base, rules: own });
    const rel = parts.slice(0, depth + 1).join("/");
    const isDir = depth < parts.length - 1;
    if (ignoredBy(rules, rel, isDir)) return undefined;
    // A folder reached through a symlink is not walked, so its files are not indexed either.
    if (isDir && fs.lstatSync(path.join(root, rel), { throwIfNoEntry: false })?.isDirectory() !== true) return undefined;
  }
  const absolute = path.join(root, ...parts);
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  if (!stat?.isFile() || stat.size > (options.maxFileBytes ?? defaultMaxFileBytes)) return undefined;
  return { path: relative, absolute, mtimeMs: stat.mtimeMs, size: stat.size };
}

/** Lists the indexable files under `root`, sorted by path, with their size and mtime. */
export function walkFiles(root: string, options: WalkOptions = {}): WalkedFile[] {
  const maxBytes = options.maxFileBytes ?? defaultMaxFileBytes;
  const excludes: Rules = { base: "", rules: ignore().add([...defaultExcludes, ...(options.exclude ?? [])]) };
  const out: WalkedFile[] = [];
  const visit = (dir: string, relative: string, stack: readonly Rules[]): void => {
    const own = gitignoreAt(dir);
    const rules = own ? [...stack, { base: relative, rules: own }] : stack;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // An unreadable folder is skipped, not fatal: the rest of the tree is still indexed.
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const abs = path.join(dir, entry.name);
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!ignoredBy(rules, rel, true)) visit(abs, rel, rules);
        continue;
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      if (ignoredBy(rules, rel, false)) continue;
      // A symlink is followed only to a regular file; statSync follows it, lstat-free.
      const stat = fs.statSync(abs, { throwIfNoEntry: false });
      if (!stat?.isFile() || stat.size > maxBytes) continue;
      out.push({ path: rel, absolute: abs, mtimeMs: stat.mtimeMs, size: stat.size });
    }
  };
  visit(root, "", [excludes]);
  return out;
}

// One binary test for Shield, completions and the index: a NUL in the first 8 KiB, as git does.
export { looksBinary } from "../shield/fileWalker";
