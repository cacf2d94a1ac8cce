/**
 * Shield's precision on real code that nobody on this project wrote: this project's node_modules
 * (JavaScript/TypeScript), the machine's Python standard library, and C, C++, Java, PHP, Rust and
 * Go sources from Debian packages (fetched by scripts/precisionCorpus.sh into a cache outside the
 * repository). Clean, maintained code should raise almost nothing, so findings per 10,000 lines
 * bound the false-alarm rate; a seeded random sample of error findings is written out for review
 * by hand. Run: `node out/bench/shield.js --precision [--max-lines N]`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ShieldScanner } from "../server/shield/scanner";
import { languageByExtension } from "../server/syntax/languages";

interface Source { readonly label: string; readonly dir: string; readonly languages: readonly string[] }
interface Row { files: number; lines: number; errors: number; warnings: number; infos: number; byRule: Map<string, number> }
export interface SampledFinding { readonly file: string; readonly line: number; readonly ruleId: string; readonly text: string }

const root = path.resolve(__dirname, "../..");
const corpusDir = process.env.ENCLAVE_PRECISION_CORPUS ?? path.join(os.homedir(), ".cache/enclave/precision-corpus");

function sources(): Source[] {
  const python = fs.readdirSync("/usr/lib").filter((d) => /^python3\.\d+$/.test(d)).sort().pop();
  const out: Source[] = [
    { label: "node_modules", dir: path.join(root, "node_modules"), languages: ["javascript", "typescript"] },
  ];
  if (python) out.push({ label: `/usr/lib/${python}`, dir: `/usr/lib/${python}`, languages: ["python"] });
  for (const lang of ["c", "cpp", "java", "php", "rust", "go"]) out.push({ label: `debian ${lang}`, dir: path.join(corpusDir, "src", lang), languages: lang === "cpp" ? ["cpp", "c"] : [lang] });
  return out;
}

/** Files of a source, sorted by path so every run measures the same lines. */
function files(source: Source): { file: string; languageId: string }[] {
  const out: { file: string; languageId: string }[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && !e.name.endsWith(".d.ts") && !e.name.endsWith(".min.js")) {
        const languageId = languageByExtension[path.extname(e.name)];
        if (languageId && source.languages.includes(languageId)) out.push({ file: full, languageId });
      }
    }
  };
  walk(source.dir);
  return out;
}

/** A small seeded generator so the hand-review sample is the same on every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runPrecision(scanner: ShieldScanner, maxLines: number, sampleFile: string): Promise<boolean> {
  const rows = new Map<string, Row>();
  const errors: SampledFinding[] = [];
  for (const source of sources()) {
    if (!fs.existsSync(source.dir)) {
      console.log(`(skipped ${source.label}: ${source.dir} is missing; run scripts/precisionCorpus.sh)`);
      continue;
    }
    const perLanguageLines = new Map<string, number>();
    for (const { file, languageId } of files(source)) {
      const key = languageId;
      if ((perLanguageLines.get(key) ?? 0) >= maxLines) continue;
      if (fs.statSync(file).size > 1024 * 1024) continue;
      const text = fs.readFileSync(file, "utf8");
      // Minified bundles and binary files are not code a person edits.
      if (text.includes("\0") || /[^\n]{1000}/.test(text)) continue;
      const lines = text.split("\n").length;
      perLanguageLines.set(key, (perLanguageLines.get(key) ?? 0) + lines);
      const row = rows.get(key) ?? { files: 0, lines: 0, errors: 0, warnings: 0, infos: 0, byRule: new Map() };
      row.files++;
      row.lines += lines;
      const textLines = text.split("\n");
      for (const f of await scanner.scan(text, languageId)) {
        if (f.severity === "error") {
          row.errors++;
          errors.push({ file: path.relative(source.dir, file), line: f.line + 1, ruleId: f.ruleId, text: (textLines[f.line] ?? "").trim().slice(0, 160) });
        } else if (f.severity === "warning") row.warnings++;
        else row.infos++;
        if (f.severity !== "info") row.byRule.set(`${f.ruleId} (${f.severity})`, (row.byRule.get(`${f.ruleId} (${f.severity})`) ?? 0) + 1);
      }
      rows.set(key, row);
    }
  }
  const per10k = (n: number, lines: number): string => (lines ? (n * 10000 / lines).toFixed(2) : "-");
  console.log("");
  console.log(`Shield precision on clean code (at most ${maxLines} lines per language; errors and warnings per 10,000 lines)`);
  console.log("");
  console.log("| language | files | lines | errors | errors / 10k | warnings | warnings / 10k | info |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  const over: string[] = [];
  for (const [id, r] of [...rows.entries()].sort()) {
    console.log(`| ${id} | ${r.files} | ${r.lines} | ${r.errors} | ${per10k(r.errors, r.lines)} | ${r.warnings} | ${per10k(r.warnings, r.lines)} | ${r.infos} |`);
    if (r.errors * 10000 / r.lines > 1 || r.warnings * 10000 / r.lines > 5) over.push(id);
  }
  const ok = over.length === 0;
  console.log("");
  for (const [id, r] of [...rows.entries()].sort()) {
    const top = [...r.byRule.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, n]) => `${k} ${n}`).join(", ");
    if (top) console.log(`${id}: ${top}`);
  }
  // A seeded sample of 50 error findings for review by hand (the README records the verdicts).
  const rand = seeded(20261205);
  const pool = [...errors];
  const sample: SampledFinding[] = [];
  while (sample.length < 50 && pool.length > 0) sample.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
  fs.mkdirSync(path.dirname(sampleFile), { recursive: true });
  fs.writeFileSync(sampleFile, sample.map((s, i) => `${i + 1}\t${s.ruleId}\t${s.file}:${s.line}\t${s.text}`).join("\n") + "\n");
  console.log("");
  console.log(`${errors.length} error findings in all; a random sample of ${sample.length} is in ${sampleFile}`);
  // Every error counted here is an upper bound on the false ones: the goal (at most 1 false error
  // per 10,000 lines) is judged with the hand review of the sample, recorded in the README.
  console.log(`all findings (true or false) <= 1 error and <= 5 warnings per 10,000 lines: ${ok ? "PASS" : `FAIL (${over.join(", ")})`}`);
  return ok;
}
