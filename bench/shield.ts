/**
 * Shield's speed on the kind of text it gates: 50-line snippets cut from a large, mixed corpus
 * (this repository and node_modules). Prints median and p99 per snippet, MB/s, findings per
 * language, and the same numbers for a naive baseline (every rule's regex over every snippet
 * without the prescan, then a parse and every query for each language) as a ratio.
 * Ends with a verdict from bench/verdict.ts: exit 1 unless every rule was loaded, snippets were scanned,
 * something was found, and Shield beats the same run's baseline by the target ratios.
 * Run: `node out/bench/shield.js [--max-mb N] [--precision [--max-lines N]]`; with --precision it also
 * prints the precision table of bench/shieldPrecision.ts (its own verdict, on all findings true or false).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { defaultScanner } from "../server/shield/defaultScanner";
import { ruleFiles, sourceRulesDirectory } from "../server/shield/ruleLoader";
import { expandRuleLanguages, languageByExtension } from "../server/syntax/languages";
import { compileQuery, grammarFor, parseSync } from "../server/syntax/parser";
import { percentile } from "../server/stats";
import { runPrecision } from "./shieldPrecision";
import { precondition, ratio, ratioAtLeast, verdict } from "./verdict";

const root = path.resolve(__dirname, "../..");
const maxMb = Number(process.argv[process.argv.indexOf("--max-mb") + 1]) || 24;
const snippetLines = 50;

/** Deterministic corpus: files sorted by path, round-robin across languages, capped in size. */
function corpus(): { languageId: string; text: string }[] {
  const byLanguage = new Map<string, string[]>();
  const walk = (dir: string, depth: number): void => {
    if (depth > 12) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      // node_modules is a symlink in a git worktree; follow it like a directory.
      const isDir = e.isDirectory() || (e.isSymbolicLink() && e.name === "node_modules" && fs.statSync(full).isDirectory());
      if (isDir) {
        if (![".git", "out", "dist", ".cache"].includes(e.name)) walk(full, depth + 1);
      } else if (e.isFile()) {
        const languageId = languageByExtension[path.extname(e.name)];
        if (!languageId || e.name.endsWith(".d.ts") || e.name.endsWith(".min.js")) continue;
        const list = byLanguage.get(languageId) ?? [];
        list.push(full);
        byLanguage.set(languageId, list);
      }
    }
  };
  walk(root, 0);
  const out: { languageId: string; text: string }[] = [];
  let total = 0;
  const queues = [...byLanguage.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, files]) => ({ id, files, i: 0 }));
  while (total < maxMb * 1024 * 1024 && queues.some((q) => q.i < q.files.length)) {
    for (const q of queues) {
      if (q.i >= q.files.length || total >= maxMb * 1024 * 1024) continue;
      const file = q.files[q.i++]!;
      const size = fs.statSync(file).size;
      if (size > 1024 * 1024) continue;
      const text = fs.readFileSync(file, "utf8");
      if (text.includes("\0")) continue;
      // Minified bundles (lines of 100 kB) are not the code a model writes or a person edits;
      // they are kept out of the corpus and counted, so the table says what was measured.
      if (/[^\n]{1000}/.test(text)) {
        minified.files++;
        minified.bytes += Buffer.byteLength(text);
        continue;
      }
      out.push({ languageId: q.id, text });
      total += Buffer.byteLength(text);
    }
  }
  return out;
}

function snippets(files: { languageId: string; text: string }[]): { languageId: string; text: string }[] {
  const out: { languageId: string; text: string }[] = [];
  for (const f of files) {
    const lines = f.text.split("\n");
    for (let i = 0; i < lines.length; i += snippetLines) out.push({ languageId: f.languageId, text: lines.slice(i, i + snippetLines).join("\n") });
  }
  return out;
}

/** Files left out of the corpus because they look minified. */
const minified = { files: 0, bytes: 0 };


/** The targets against the same run's no-prescan baseline (README: 46x and 16x on a quiet machine; MB/s falls to ~4x under heavy load on a small corpus). */
const MEDIAN_SPEEDUP = 5;
const THROUGHPUT_SPEEDUP = 3;

async function main(): Promise<void> {
  const { scanner, problems } = defaultScanner();
  // The rules the bench must run are the YAML files of the checkout, counted independently of the loader.
  const rulesDir = sourceRulesDirectory();
  const ruleFileCount = rulesDir ? ruleFiles(rulesDir).length : 0;
  const files = corpus();
  const cut = snippets(files);
  const bytes = cut.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
  const languages = [...new Set(cut.map((s) => s.languageId))].sort();
  for (const id of languages) await scanner.prepare(id);

  // Shield as shipped.
  const times: number[] = [];
  const perLanguage = new Map<string, { snippets: number; ms: number; findings: number; bytes: number }>();
  let findings = 0;
  const started = performance.now();
  for (const s of cut) {
    const t0 = performance.now();
    const found = scanner.scanSync(s.text, s.languageId) ?? [];
    const dt = performance.now() - t0;
    times.push(dt);
    findings += found.length;
    const row = perLanguage.get(s.languageId) ?? { snippets: 0, ms: 0, findings: 0, bytes: 0 };
    row.snippets++; row.ms += dt; row.findings += found.length; row.bytes += Buffer.byteLength(s.text);
    perLanguage.set(s.languageId, row);
  }
  const totalMs = performance.now() - started;

  // Baseline: no prescan gating — every regex over every snippet, and every snippet parsed
  // with every query run, the way a scanner without the prescan would work. Measured on a
  // deterministic sample (every 10th snippet) to keep the run short.
  const sample = cut.filter((_, i) => i % 10 === 0);
  const queries = new Map<string, ReturnType<typeof compileQuery>[]>();
  for (const id of languages) {
    queries.set(id, scanner.rules.filter((r) => r.query && expandRuleLanguages(r.languages).includes(id)).map((r) => compileQuery(grammarFor(id)!, r.query!)));
  }
  const regexes = scanner.rules.map((r) => ({ r, re: new RegExp(r.pattern, `${r.ignoreCase ? "i" : ""}gm`) }));
  const baseTimes: number[] = [];
  const baseStart = performance.now();
  for (const s of sample) {
    const t0 = performance.now();
    for (const { r, re } of regexes) {
      if (!expandRuleLanguages(r.languages).includes(s.languageId)) continue;
      re.lastIndex = 0;
      while (re.exec(s.text)) if (re.lastIndex === 0) break;
    }
    const tree = parseSync(s.text, s.languageId);
    if (tree) {
      for (const q of queries.get(s.languageId) ?? []) q.matches(tree);
      tree.dispose();
    }
    baseTimes.push(performance.now() - t0);
  }
  const baseMs = performance.now() - baseStart;
  const sampleBytes = sample.reduce((n, s) => n + Buffer.byteLength(s.text), 0);

  times.sort((a, b) => a - b);
  baseTimes.sort((a, b) => a - b);
  const median = percentile(times, 50);
  const p99 = percentile(times, 99);
  const mbps = bytes / 1e6 / (totalMs / 1000);
  const baseMedian = percentile(baseTimes, 50);
  const baseMbps = sampleBytes / 1e6 / (baseMs / 1000);
  const f = (n: number, d = 3): string => n.toFixed(d);

  console.log(`Enclave Shield bench: ${scanner.rules.length} rules, ${files.length} files, ${f(bytes / 1e6, 1)} MB in ${cut.length} snippets of ${snippetLines} lines`);
  console.log(`(${minified.files} minified files, ${f(minified.bytes / 1e6, 1)} MB, left out: they have lines over 1000 characters)`);
  console.log("");
  console.log("| language | snippets | MB | mean ms | findings |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const [id, row] of [...perLanguage.entries()].sort()) {
    console.log(`| ${id} | ${row.snippets} | ${f(row.bytes / 1e6, 2)} | ${f(row.ms / row.snippets)} | ${row.findings} |`);
  }
  console.log("");
  console.log("| measure | Shield | baseline (no prescan) | ratio |");
  console.log("| --- | ---: | ---: | ---: |");
  console.log(`| median ms / snippet | ${f(median)} | ${f(baseMedian)} | ${f(ratio(baseMedian, median), 1)}x |`);
  console.log(`| p99 ms / snippet | ${f(p99)} | ${f(percentile(baseTimes, 99))} | |`);
  console.log(`| MB/s | ${f(mbps, 1)} | ${f(baseMbps, 1)} | ${f(mbps / baseMbps, 1)}x |`);
  console.log(`| findings | ${findings} | | |`);
  console.log(`(informational, absolute and machine-dependent: median ${f(median)} ms per snippet, ${f(mbps, 1)} MB/s)`);
  verdict("Shield bench", [
    precondition("rules loaded = rule files in server/shield/rules", `${scanner.rules.length} of ${ruleFileCount}`, "all, > 0", ruleFileCount > 0 && scanner.rules.length === ruleFileCount),
    precondition("rule problems", problems.length, "0", problems.length === 0),
    precondition("snippets scanned (Shield / baseline)", `${times.length} / ${baseTimes.length}`, "> 0 each", times.length > 0 && baseTimes.length > 0),
    precondition("findings in the corpus", findings, "> 0", findings > 0),
    ratioAtLeast("median ms per snippet, baseline / Shield", ratio(baseMedian, median), MEDIAN_SPEEDUP),
    ratioAtLeast("MB/s, Shield / baseline", ratio(mbps, baseMbps), THROUGHPUT_SPEEDUP),
  ]);
  if (process.argv.includes("--precision")) {
    const maxLines = Number(process.argv[process.argv.indexOf("--max-lines") + 1]) || 300_000;
    if (!(await runPrecision(scanner, maxLines, path.join(os.homedir(), ".cache/enclave/precision-sample.tsv")))) process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 2;
});
