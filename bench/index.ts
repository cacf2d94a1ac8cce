/**
 * `npm run bench:index`: the codebase index at scale and its retrieval quality (issue 12).
 * Scale: over a million lines of real code (the Python standard library and large packages
 * from node_modules), a full keyword build, the resident memory, a restart with nothing
 * changed, one-file updates, and embedding throughput on the generated embed-bench model.
 * Quality: recall@1/@5 on functions whose documentation was removed (bench/indexCorpus.ts),
 * keyword, vectors and hybrid, next to plain BM25 over 60-line windows.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EMBED_BENCH_MODEL, TINY_MODEL, ensureModel } from "../test/fixtures/gguf";
import { createLogger } from "../server/logger";
import { CodeIndex } from "../server/index/codeIndex";
import { chunkEmbeddingText } from "../server/index/embedder";
import { loadEmbedder } from "../server/index/embeddingSource";
import { WorkspaceIndex } from "../server/index/workspaceIndex";
import { printTable } from "../server/textTable";
import { copyCode, docstringPackages, jsdocFolders, pythonStdlib, scalePackages, stripDocstrings, stripJsdoc, type RecallCase } from "./indexCorpus";
import { recall, windowBaseline, type Recall } from "./indexRecall";
import type { ScaleResult } from "./indexScale";
import { precondition, verdict, type Check } from "./verdict";

const repo = path.resolve(__dirname, "..", "..");
const modules = path.join(repo, "node_modules");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-bench-index-"));
const quiet = createLogger(() => undefined, () => "error");
const embedSample = Number(process.env.ENCLAVE_BENCH_EMBED_CHUNKS ?? 12);
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const p95 = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? Number.NaN;
const target = (what: string, measured: string, wanted: string, ok: boolean): Check => ({ kind: "target", what, measured, wanted, ok });

function scaleTree(): { tree: string; lines: number; files: number; sources: string[] } {
  const tree = path.join(scratch, "tree");
  let lines = 0;
  let files = 0;
  const sources: string[] = [];
  const stdlib = pythonStdlib();
  if (stdlib) {
    const copied = copyCode(stdlib, path.join(tree, "python"));
    lines += copied.lines;
    files += copied.files;
    sources.push(`${stdlib} (${copied.lines} lines)`);
  }
  for (const name of scalePackages) {
    if (!fs.existsSync(path.join(modules, name))) continue;
    const copied = copyCode(path.join(modules, name), path.join(tree, "js", name));
    lines += copied.lines;
    files += copied.files;
    sources.push(`${name} (${copied.lines})`);
  }
  return { tree, lines, files, sources };
}

/** Files the one-file update changes: mid-sized Python modules, each once. */
function filesToChange(tree: string): string[] {
  const dir = path.join(tree, "python");
  const out: string[] = [];
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
    const file = path.join(dir, name);
    if (name.endsWith(".py") && fs.statSync(file).size > 8_000 && fs.statSync(file).size < 60_000) out.push(file);
    if (out.length === 20) break;
  }
  return out;
}

/** Embeds real chunks spread over the tree, as the server's embedding pass does, and times it. */
async function embeddingThroughput(tree: string, indexDir: string, threads: number): Promise<{ chunksPerSecond: number; chunks: number }> {
  const model = ensureModel(EMBED_BENCH_MODEL, path.join(repo, "test", "fixtures", "models")).path;
  const embedder = await loadEmbedder(model, { gpu: "off", threads, log: quiet });
  const index = CodeIndex.load(tree, indexDir)!;
  const ids = [...index.chunkIds()];
  const texts = Array.from({ length: embedSample }, (_, i) => {
    const found = index.chunk(ids[Math.floor(((i + 0.5) * ids.length) / embedSample)]!)!;
    const lines = fs.readFileSync(path.join(tree, found.path), "utf8").split("\n").slice(found.chunk.startLine - 1, found.chunk.endLine);
    return chunkEmbeddingText(found.path, found.chunk.symbol, lines.join("\n"));
  });
  try {
    await embedder.embed("warm up");
    const started = performance.now();
    for (const text of texts) await embedder.embed(text);
    return { chunksPerSecond: texts.length / ((performance.now() - started) / 1000), chunks: texts.length };
  } finally {
    await embedder.dispose();
  }
}

/** The recall corpus: stdlib packages without docstrings, JavaScript folders without JSDoc. */
function recallTree(root: string, stdlib: string | undefined, python: readonly string[], js: readonly string[]): RecallCase[] {
  const cases: RecallCase[] = [];
  if (stdlib) cases.push(...stripDocstrings(stdlib, path.join(root, "py"), python.filter((p) => fs.existsSync(path.join(stdlib, p))), path.join(repo, "bench", "indexRecall", "strip_docstrings.py")));
  for (const folder of js) {
    if (fs.existsSync(path.join(modules, folder))) cases.push(...stripJsdoc(path.join(modules, folder), path.join(root, "js", folder), `js/${folder}`));
  }
  return cases;
}

async function recallRows(root: string, cases: readonly RecallCase[], embedModel?: string): Promise<{ rows: Recall[]; chunks: number; embedded: number }> {
  const indexDir = path.join(root, ".enclave", "index");
  await CodeIndex.update(root, { indexDir });
  const index = await WorkspaceIndex.open(root, indexDir);
  const baseline = windowBaseline(root);
  const rows = [await recall("plain BM25 over 60-line windows (baseline)", cases, baseline.search)];
  rows.push(await recall("keyword (syntax chunks, identifier terms, BM25)", cases, (q) => index.search(q, 5, undefined, "keyword")));
  if (embedModel) {
    const embedder = await loadEmbedder(embedModel, { gpu: "off", threads: 1, log: quiet });
    index.useEmbedder(embedder);
    await index.embedPending();
    rows.push(await recall("embeddings only (generated model: plumbing)", cases, (q) => index.search(q, 5, undefined, "vectors")));
    rows.push(await recall("hybrid (RRF of keyword + embeddings)", cases, (q) => index.search(q, 5)));
    await embedder.dispose();
  }
  return { rows, ...index.counts() };
}

const recallTable = (rows: readonly Recall[]) => printTable(["retrieval", "cases", "recall@1", "recall@5"], rows.map((r) => [r.name, r.cases, fmt(r.at1), fmt(r.at5)]));

async function main(): Promise<void> {
  const checks: Check[] = [];
  console.log(`Scratch folder: ${scratch}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} on ${os.availableParallelism()} CPUs`);
  const { tree, lines, files, sources } = scaleTree();
  console.log(`Scale tree: ${files} files, ${lines} lines: ${sources.join(", ")}`);
  checks.push(precondition("scale tree has >= 1,000,000 lines of real code", lines, ">= 1000000", lines >= 1_000_000));

  const indexDir = path.join(scratch, "index");
  const child = spawnSync(process.execPath, ["--expose-gc", path.join(__dirname, "indexScale.js"), tree, indexDir, JSON.stringify(filesToChange(tree))], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`the scale run failed: ${child.stderr}`);
  const scale = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as ScaleResult;
  const threads = os.availableParallelism() >= 2 ? [1, 2] : [1];
  const embedding = [];
  for (const t of threads) embedding.push({ threads: t, ...(await embeddingThroughput(tree, indexDir, t)) });
  console.log("");
  printTable(["scale (keyword index)", "measured"], [
    ["files / chunks indexed", `${scale.files} / ${scale.chunks}`],
    ["full keyword build (wall)", `${fmt(scale.buildSeconds)} s`],
    ["full keyword build (CPU time of the process)", `${fmt(scale.buildCpuSeconds)} s`],
    ["load average (1 min) after the build", fmt(scale.loadavgDuringBuild)],
    ["peak resident memory: full build / with reload and updates", `${fmt(scale.buildPeakRssMb, 0)} / ${fmt(scale.peakRssMb, 0)} MB`],
    ["resident memory with the index loaded", `${fmt(scale.residentMb, 0)} MB`],
    ["restart: load the saved index", `${fmt(scale.reopenSeconds)} s`],
    ["restart: walk with nothing changed", `${fmt(scale.resumeSeconds)} s, ${scale.resumeChunked} files chunked`],
    ["one-file update, median / p95 of " + scale.updateMs.length, `${fmt(median(scale.updateMs))} / ${fmt(p95(scale.updateMs))} ms wall, ${fmt(median(scale.updateCpuMs))} / ${fmt(p95(scale.updateCpuMs))} ms CPU`],
    ...embedding.map((e) => [`embedding, embed-bench.gguf (Qwen3-Embedding-0.6B shape), ${e.threads} thread${e.threads > 1 ? "s" : ""}`, `${fmt(e.chunksPerSecond, 2)} chunks/s (${e.chunks} chunks); whole tree ≈ ${fmt(scale.chunks / e.chunksPerSecond / 3600)} h`]),
  ]);
  checks.push(precondition("every one-file update chunked its file", scale.updateMs.length, ">= 10", scale.updateMs.length >= 10));
  checks.push(target("full keyword build", `${fmt(scale.buildSeconds)} s (load ${fmt(scale.loadavgDuringBuild)})`, "<= 60 s", scale.buildSeconds <= 60));
  checks.push(target("one-file update (median, wall)", `${fmt(median(scale.updateMs))} ms (CPU ${fmt(median(scale.updateCpuMs))} ms)`, "<= 50 ms", median(scale.updateMs) <= 50));
  checks.push(target("peak resident memory of the full build", `${fmt(scale.buildPeakRssMb, 0)} MB`, "<= 500 MB", scale.buildPeakRssMb <= 500));
  checks.push(precondition("embedding throughput measured", fmt(embedding[0]!.chunksPerSecond, 2), "> 0 chunks/s", embedding[0]!.chunksPerSecond > 0));

  const stdlib = pythonStdlib();
  const full = path.join(scratch, "recall");
  const cases = recallTree(full, stdlib, docstringPackages, jsdocFolders);
  const quality = await recallRows(full, cases);
  console.log(`\nRecall corpus: ${quality.chunks} chunks; ${cases.length} functions whose documentation was removed (${cases.filter((c) => c.path.startsWith("py/")).length} Python docstrings, ${cases.filter((c) => c.path.startsWith("js/")).length} JSDoc)`);
  recallTable(quality.rows);
  checks.push(precondition("recall cases", cases.length, ">= 300", cases.length >= 300));
  const [baseline, keyword] = quality.rows;
  const gain = keyword!.at5 - baseline!.at5;
  checks.push(target("keyword recall@5 minus the 60-line-window baseline's", `${gain >= 0 ? "+" : ""}${fmt(gain)} points`, ">= +10 points", gain >= 10));

  // Embeddings on a part of the corpus: the tiny generated model embeds fast enough for every chunk there.
  const small = path.join(scratch, "recall-small");
  const smallCases = recallTree(small, stdlib, ["json", "http", "email"], ["mocha/lib"]);
  const plumbing = await recallRows(small, smallCases, ensureModel(TINY_MODEL, path.join(repo, "test", "fixtures", "models")).path);
  console.log(`\nEmbedding plumbing (tiny generated model, random weights: its vectors carry no meaning): ${plumbing.embedded} of ${plumbing.chunks} chunks embedded`);
  recallTable(plumbing.rows);
  checks.push(precondition("every chunk of the plumbing corpus has a vector", `${plumbing.embedded} of ${plumbing.chunks}`, "all", plumbing.embedded === plumbing.chunks && plumbing.chunks > 0));

  verdict("bench:index", checks);
  if (!process.env.ENCLAVE_BENCH_KEEP) fs.rmSync(scratch, { recursive: true, force: true });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
