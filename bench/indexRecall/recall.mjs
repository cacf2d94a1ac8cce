// Pilot of issue 12's retrieval measure: recall@1/@5 of the keyword index (syntax chunks,
// identifier terms, BM25+) against plain BM25 over 60-line windows (what llama.vscode does),
// on queries made of the docstrings removed by strip_docstrings.py. Usage, after `npm run build`:
//   python3 bench/indexRecall/strip_docstrings.py /usr/lib/python3.11 /tmp/r/repo multiprocessing,importlib
//   node dist/cli.js index /tmp/r/repo && node bench/indexRecall/recall.mjs /tmp/r/repo
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";

const require = createRequire(import.meta.url);
const MiniSearch = require("minisearch");
const { CodeIndex } = require("../../out/server/index/codeIndex.js");

const root = process.argv[2];
const cases = JSON.parse(readFileSync(join(dirname(root), "cases.json"), "utf8"));
const ours = CodeIndex.load(root);
if (!ours) throw new Error(`${root} has no index: run enclave index first`);

const windows = new MiniSearch({ fields: ["content"], storeFields: ["path", "startLine", "endLine"] });
let id = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== ".enclave") walk(file);
    else if (file.endsWith(".py")) {
      const lines = readFileSync(file, "utf8").split("\n");
      for (let s = 1; s <= lines.length; s += 60) {
        windows.add({ id: id++, path: relative(root, file), startLine: s, endLine: Math.min(lines.length, s + 59), content: lines.slice(s - 1, s + 59).join("\n") });
      }
    }
  }
};
walk(root);

const contains = (hit, c) => hit.path === c.path && hit.startLine <= c.line && c.line <= hit.endLine;
const score = { ours: [0, 0], windows: [0, 0] };
for (const c of cases) {
  for (const [name, hits] of [["ours", ours.search(c.query, 5)], ["windows", windows.search(c.query).slice(0, 5)]]) {
    if (hits[0] && contains(hits[0], c)) score[name][0]++;
    if (hits.some((h) => contains(h, c))) score[name][1]++;
  }
}
const pct = (n) => ((100 * n) / cases.length).toFixed(1);
console.log(`${cases.length} functions, ${id} windows`);
console.log(`keyword index (syntax chunks, identifier terms, BM25+): recall@1 ${pct(score.ours[0])}  recall@5 ${pct(score.ours[1])}`);
console.log(`baseline (plain BM25 over 60-line windows):             recall@1 ${pct(score.windows[0])}  recall@5 ${pct(score.windows[1])}`);
