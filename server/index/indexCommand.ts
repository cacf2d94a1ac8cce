/**
 * `enclave index` and `enclave search`: the CLI contract of the codebase index, which other
 * tools call exactly like this. Bad input (no such folder, an unreadable query file, no index
 * yet) is a UsageError: a clear message and exit 2.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { intFlag, stringFlag, UsageError, type ParsedArgs } from "../cliArgs";
import { createLogger } from "../logger";
import { ModelFileError } from "../engine/errors";
import { CodeIndex, indexDirOf } from "./codeIndex";
import { modelStamp, type Embedder } from "./embedder";
import { loadEmbedder } from "./embeddingSource";
import { WorkspaceIndex } from "./workspaceIndex";

export const indexUsage = "  index [--embedding-model FILE] DIR                   build or update the index of DIR (in DIR/.enclave/index), with vectors from the GGUF embedding model FILE when given; prints files, chunks, seconds";
export const searchUsage = "  search --root DIR [--top K] [--json] QUERY...        print the best chunks for QUERY as a JSON array\n  search --root DIR --queries FILE [--top K]           one query per line of FILE, one JSON array per line (JSONL)";

function directory(dir: string | undefined, what: string): string {
  if (!dir) throw new UsageError(`${what}: a directory is required.`);
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`${what} ${dir}: no such directory.`);
  if (!stat.isDirectory()) throw new UsageError(`${what} ${dir}: is not a directory.`);
  return path.resolve(dir);
}

/** Which model made the vectors of an index: `search` loads it again to embed its queries. */
const embeddingNote = (root: string) => path.join(indexDirOf(root), "embedding.json");

/** Loads the embedding model FILE; a file that is not a usable model is bad input (exit 2). */
async function embedderAt(file: string, what: string): Promise<Embedder> {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`${what} ${file}: no such file.`);
  try {
    return await loadEmbedder(file, { gpu: "auto", threads: 0, log: createLogger(() => undefined, () => "error") });
  } catch (error) {
    if (error instanceof ModelFileError) throw new UsageError(`${what}: ${error.message}`);
    throw error;
  }
}

export async function runIndex(args: ParsedArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (args.positional.length > 1) throw new UsageError(`index takes one directory, not ${args.positional.length}.`);
  const root = directory(args.positional[0], "index");
  // The model is checked before anything is written: a bad --embedding-model leaves no index behind.
  const embedder = args.flags.has("embedding-model") ? await embedderAt(stringFlag(args, "embedding-model"), "--embedding-model") : undefined;
  const started = performance.now();
  const { stats } = await CodeIndex.update(root, { onWarning: (line) => err(`enclave: warning: ${line}\n`) });
  let embedded = "";
  if (embedder) {
    const index = await WorkspaceIndex.open(root, indexDirOf(root));
    index.useEmbedder(embedder);
    const run = await index.embedPending();
    fs.writeFileSync(embeddingNote(root), JSON.stringify({ path: path.resolve(stringFlag(args, "embedding-model")), stamp: embedder.stamp }));
    await embedder.dispose();
    const { chunks, embedded: total } = index.counts();
    embedded = `, ${run.embedded} chunks embedded with ${embedder.name} (${run.seconds > 0 ? (run.embedded / run.seconds).toFixed(1) : "0"} chunks/s; ${total} of ${chunks} have a vector)`;
  }
  out(`files: ${stats.files}\nchunks: ${stats.chunks}\nseconds: ${((performance.now() - started) / 1000).toFixed(2)}\n`);
  err(`(${stats.chunked} files chunked, ${stats.removed} removed, ${stats.skipped} unreadable${embedded})\n`);
  return 0;
}

/** The embedding model an index was built with, when it is still the same file; otherwise keyword search alone. */
async function savedEmbedder(root: string, err: (s: string) => void): Promise<Embedder | undefined> {
  let note: { path?: string; stamp?: string };
  try {
    note = JSON.parse(fs.readFileSync(embeddingNote(root), "utf8")) as typeof note;
  } catch {
    return undefined;
  }
  try {
    if (!note.path || modelStamp(note.path) !== note.stamp) throw new Error("it changed or is gone since the index was built");
    return await loadEmbedder(note.path, { gpu: "auto", threads: 0, log: createLogger(() => undefined, () => "error") });
  } catch (error) {
    err(`enclave: warning: the embedding model ${note.path} is not used (${(error as Error).message}); searching by keywords alone.\n`);
    return undefined;
  }
}

export async function runSearch(args: ParsedArgs, out: (s: string) => void, err: (s: string) => void = () => undefined): Promise<number> {
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
  if (!CodeIndex.load(root)) throw new UsageError(`${root} has no index yet (or one an older Enclave wrote, or a damaged one): run \`enclave index ${root}\` first.`);
  const index = await WorkspaceIndex.open(root, indexDirOf(root));
  const embedder = await savedEmbedder(root, err);
  if (embedder) index.useEmbedder(embedder);
  // The contract's fields only: the chunk's text and kind stay for callers inside Enclave.
  const search = async (query: string) => (await index.search(query, top)).map(({ path: file, startLine, endLine, symbol, score }) => ({ path: file, startLine, endLine, symbol, score }));
  try {
    if (!queries) {
      out(JSON.stringify(await search(args.positional.join(" ")), null, 2) + "\n");
      return 0;
    }
    // One line per query line, an empty query included, so line N of the output answers line N.
    for (const query of queries) out(JSON.stringify(query.trim() ? await search(query) : []) + "\n");
    return 0;
  } finally {
    await embedder?.dispose();
  }
}
