/**
 * Retrieval quality of the codebase index (issue 12, "Measure it"): for each function whose
 * documentation was removed, is its chunk the first hit (recall@1) or among the first five
 * (recall@5) when the documentation's first sentence is the query? Compared with plain BM25
 * over fixed 60-line windows (minisearch with its default tokenizer), which is what
 * llama.vscode does.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import MiniSearch from "minisearch";
import type { RecallCase } from "./indexCorpus";

export interface Located { readonly path: string; readonly startLine: number; readonly endLine: number }
export interface Recall { readonly name: string; readonly cases: number; readonly at1: number; readonly at5: number }

const contains = (hit: Located, c: RecallCase) => hit.path === c.path && hit.startLine <= c.line && c.line <= hit.endLine;

/** Recall@1 and @5 (percent) of a search function over the cases. */
export async function recall(name: string, cases: readonly RecallCase[], search: (query: string) => Promise<readonly Located[]> | readonly Located[]): Promise<Recall> {
  let at1 = 0;
  let at5 = 0;
  for (const c of cases) {
    const hits = (await search(c.query)).slice(0, 5);
    if (hits[0] && contains(hits[0], c)) at1++;
    if (hits.some((h) => contains(h, c))) at5++;
  }
  return { name, cases: cases.length, at1: (100 * at1) / Math.max(1, cases.length), at5: (100 * at5) / Math.max(1, cases.length) };
}

/** The baseline: every code file cut into 60-line windows, plain BM25 over their text. */
export function windowBaseline(root: string): { search: (query: string) => Located[]; windows: number } {
  const index = new MiniSearch<{ id: number; path: string; startLine: number; endLine: number; content: string }>({ fields: ["content"], storeFields: ["path", "startLine", "endLine"] });
  let id = 0;
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== ".enclave") visit(abs);
        continue;
      }
      const lines = fs.readFileSync(abs, "utf8").split("\n");
      const rel = path.relative(root, abs).split(path.sep).join("/");
      for (let s = 1; s <= lines.length; s += 60) {
        index.add({ id: id++, path: rel, startLine: s, endLine: Math.min(lines.length, s + 59), content: lines.slice(s - 1, s + 59).join("\n") });
      }
    }
  };
  visit(root);
  return {
    windows: id,
    search: (query) => index.search(query).slice(0, 5).map((r) => ({ path: r.path as string, startLine: r.startLine as number, endLine: r.endLine as number })),
  };
}
