/**
 * `enclave index` and `enclave search`: the CLI contract of the codebase index, which other
 * tools call exactly like this. Bad input (no such folder, an unreadable query file, no index
 * yet) is a UsageError: a clear message and exit 2.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { intFlag, stringFlag, UsageError, type ParsedArgs } from "../cliArgs";
import { CodeIndex } from "./codeIndex";

export const indexUsage = "  index [--embedding-model FILE] DIR                   build or update the keyword index of DIR (in DIR/.enclave/index); prints files, chunks, seconds";
export const searchUsage = "  search --root DIR [--top K] [--json] QUERY...        print the best chunks for QUERY as a JSON array\n  search --root DIR --queries FILE [--top K]           one query per line of FILE, one JSON array per line (JSONL)";

function directory(dir: string | undefined, what: string): string {
  if (!dir) throw new UsageError(`${what}: a directory is required.`);
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`${what} ${dir}: no such directory.`);
  if (!stat.isDirectory()) throw new UsageError(`${what} ${dir}: is not a directory.`);
  return path.resolve(dir);
}

export async function runIndex(args: ParsedArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (args.flags.has("embedding-model")) {
    // Embeddings are a later step of issue 12; an index that claimed them would be a lie.
    err("enclave: embeddings are not built yet (--embedding-model): only the keyword index exists. Run without it.\n");
    return 2;
  }
  if (args.positional.length > 1) throw new UsageError(`index takes one directory, not ${args.positional.length}.`);
  const root = directory(args.positional[0], "index");
  const { stats } = await CodeIndex.update(root, { onWarning: (line) => err(`enclave: warning: ${line}\n`) });
  out(`files: ${stats.files}\nchunks: ${stats.chunks}\nseconds: ${stats.seconds.toFixed(2)}\n`);
  err(`(${stats.chunked} files chunked, ${stats.removed} removed, ${stats.skipped} unreadable)\n`);
  return 0;
}

export async function runSearch(args: ParsedArgs, out: (s: string) => void): Promise<number> {
  const root = directory(args.flags.has("root") ? stringFlag(args, "root") : undefined, "--root");
  const top = intFlag(args, "top", 10);
  if (top < 1) throw new UsageError(`--top must be at least 1, not ${top}.`);
  const queriesFile = args.flags.has("queries") ? stringFlag(args, "queries") : undefined;
  if (!queriesFile && args.positional.length === 0) throw new UsageError("search needs a QUERY or --queries FILE.");
  if (queriesFile && args.positional.length > 0) throw new UsageError("give either QUERY words or --queries FILE, not both.");
  let queries: string[] | undefined;
  if (queriesFile) {
    const stat = fs.statSync(queriesFile, { throwIfNoEntry: false });
    if (!stat?.isFile()) throw new UsageError(`--queries ${queriesFile}: ${stat ? "is not a regular file" : "no such file"}.`);
    try {
      queries = fs.readFileSync(queriesFile, "utf8").split(/\r?\n/);
    } catch (error) {
      throw new UsageError(`--queries ${queriesFile}: cannot be read (${(error as Error).message}).`);
    }
    if (queries.at(-1) === "") queries.pop();
  }
  const index = CodeIndex.load(root);
  if (!index) throw new UsageError(`${root} has no index yet (or one an older Enclave wrote): run \`enclave index ${root}\` first.`);
  if (!queries) {
    out(JSON.stringify(index.search(args.positional.join(" "), top), null, 2) + "\n");
    return 0;
  }
  // One line per query line, an empty query included, so line N of the output answers line N.
  for (const query of queries) out(JSON.stringify(query.trim() ? index.search(query, top) : []) + "\n");
  return 0;
}
