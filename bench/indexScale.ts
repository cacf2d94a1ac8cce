/**
 * The scale half of `npm run bench:index`, run in a child process of its own so that its
 * memory figures are the index's alone: a full keyword build of a large tree, the index
 * loaded again as a restarted server would (resume: nothing changed, nothing chunked), and
 * one-file updates as the file watcher applies them. Prints one JSON line.
 */
import * as fs from "node:fs";
import { CodeIndex } from "../server/index/codeIndex";
import { WorkspaceIndex } from "../server/index/workspaceIndex";

export interface ScaleResult {
  readonly files: number;
  readonly chunks: number;
  readonly buildSeconds: number;
  readonly buildCpuSeconds: number;
  readonly loadavgDuringBuild: number;
  readonly peakRssMb: number;
  /** Peak resident memory when the build had finished, before the index was loaded again. */
  readonly buildPeakRssMb: number;
  readonly residentMb: number;
  readonly reopenSeconds: number;
  readonly resumeSeconds: number;
  readonly resumeChunked: number;
  readonly updateMs: readonly number[];
  /** CPU time of each update: what it costs whatever else the machine runs. */
  readonly updateCpuMs: readonly number[];
}

const rssMb = () => process.memoryUsage().rss / 1024 / 1024;

export async function measureScale(tree: string, indexDir: string, changedFiles: readonly string[]): Promise<ScaleResult> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { stats } = await CodeIndex.update(tree, { indexDir });
  const buildSeconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const loadavgDuringBuild = (await import("node:os")).loadavg()[0]!;
  const buildPeakRssMb = process.resourceUsage().maxRSS / 1024;

  // A restarted server: load the saved index, walk, find nothing changed.
  const reopened = performance.now();
  const index = await WorkspaceIndex.open(tree, indexDir);
  const reopenSeconds = (performance.now() - reopened) / 1000;
  const resumed = await index.refresh();

  const updateMs: number[] = [];
  const updateCpuMs: number[] = [];
  for (const [i, file] of changedFiles.entries()) {
    const python = file.endsWith(".py");
    fs.appendFileSync(file, python ? `\n\ndef bench_added_${i}(value):\n    return value + ${i}\n` : `\n\nfunction benchAdded${i}(value) {\n  return value + ${i};\n}\n`);
    const later = new Date(Date.now() + 10_000 + i * 1000);
    fs.utimesSync(file, later, later);
    const t = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await index.applyChanges([file]);
    const cpuUsed = process.cpuUsage(cpuBefore);
    updateMs.push(performance.now() - t);
    updateCpuMs.push((cpuUsed.user + cpuUsed.system) / 1000);
    if (result.chunked !== 1) throw new Error(`${file}: the update chunked ${result.chunked} files, not 1`);
  }
  if (!(await index.search(python(changedFiles) ? "bench added 0" : "benchAdded0", 5)).some((h) => /bench_?added_?0/i.test(h.symbol ?? ""))) {
    throw new Error("a function added by an update is not found");
  }
  // What the server keeps between requests, not the garbage of the last update.
  (globalThis as { gc?: () => void }).gc?.();
  return {
    files: stats.files, chunks: stats.chunks, buildSeconds, buildCpuSeconds: (used.user + used.system) / 1e6, loadavgDuringBuild,
    peakRssMb: process.resourceUsage().maxRSS / 1024, buildPeakRssMb, residentMb: rssMb(),
    reopenSeconds, resumeSeconds: resumed.seconds, resumeChunked: resumed.chunked, updateMs, updateCpuMs,
  };
}

const python = (files: readonly string[]) => files[0]?.endsWith(".py") ?? false;

if (require.main === module) {
  const [tree, indexDir, list] = process.argv.slice(2);
  void measureScale(tree!, indexDir!, JSON.parse(list!) as string[]).then((r) => console.log(JSON.stringify(r)), (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
