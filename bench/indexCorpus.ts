/**
 * The corpora of `npm run bench:index`, all real code nobody here wrote: the Python standard
 * library and large packages from node_modules, copied (code files only, up to the index's
 * size limit) into a scratch folder so the index can be written beside them. The recall corpus
 * is a copy with the documentation of each function removed (lines kept, blanked), and one
 * case per function: its path, its definition line, and the first sentence of its
 * documentation as the query.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { defaultMaxFileBytes } from "../server/index/walker";

export interface RecallCase { readonly path: string; readonly line: number; readonly name: string; readonly query: string }

const CODE = /\.(py|js|mjs|cjs|ts)$/;

/** The Python standard library of this machine (the newest /usr/lib/python3.N). */
export function pythonStdlib(): string | undefined {
  const versions = fs.readdirSync("/usr/lib").filter((d) => /^python3\.\d+$/.test(d)).sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]));
  return versions.length ? path.join("/usr/lib", versions.at(-1)!) : undefined;
}

/** Copies the code files under `from` into `to`, skipping nested node_modules, site-packages and .d.ts; returns lines copied. */
export function copyCode(from: string, to: string): { files: number; lines: number } {
  let files = 0;
  let lines = 0;
  const visit = (dir: string, rel: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (["node_modules", "site-packages", "dist-packages", "__pycache__"].includes(entry.name)) continue;
      const abs = path.join(dir, entry.name);
      const target = path.join(to, rel, entry.name);
      const stat = fs.statSync(abs, { throwIfNoEntry: false });
      if (stat?.isDirectory()) visit(abs, path.join(rel, entry.name));
      else if (stat?.isFile() && CODE.test(entry.name) && !entry.name.endsWith(".d.ts") && !entry.name.endsWith(".min.js") && stat.size <= defaultMaxFileBytes) {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const text = fs.readFileSync(abs);
        fs.writeFileSync(target, text);
        files++;
        for (const byte of text) if (byte === 10) lines++;
      }
    }
  };
  visit(from, "");
  return { files, lines };
}

/** Packages of node_modules with much real code; those missing are skipped. */
export const scalePackages = ["jsdom", "@azure", "highlight.js", "azure-devops-node-api", "mocha", "undici", "dompurify", "node-llama-cpp", "css-tree", "markdown-it", "yaml", "web-tree-sitter", "pako"];

/** JavaScript with JSDoc on most functions, each folder one copy of its code (no esm/cjs twins). */
export const jsdocFolders = ["mocha/lib", "undici/lib", "yaml/dist", "jsdom/lib", "@azure/msal-common/dist"];

/** Standard library packages whose functions mostly have docstrings. */
export const docstringPackages = ["email", "http", "asyncio", "multiprocessing", "importlib", "logging", "xml", "concurrent", "urllib", "json", "unittest"];

/** The first sentence of a comment or docstring, when it has at least four words. */
export function firstSentence(doc: string): string | undefined {
  const text = doc.split(/\n\s*@|\n\s*\n/)[0]!.replace(/\s+/g, " ").trim();
  const first = text.split(/(?<=\.)\s/)[0]!.trim();
  return first.split(" ").length >= 4 ? first : undefined;
}

/** A JSDoc block followed by the definition it documents (function, method, arrow or assigned function). */
const JSDOC = /\/\*\*([\s\S]*?)\*\/[ \t]*\r?\n([ \t]*)((?:export\s+)?(?:default\s+)?(?:async\s+)?(?:function\s*\*?\s*([\w$]+)|(?:static\s+)?(?:async\s+)?(?:get\s+|set\s+)?([\w$#]+)\s*\([^)]*\)\s*\{|(?:const|let|var)\s+([\w$]+)\s*=\s*(?:async\s*)?(?:function|\()|[\w$.]+\.([\w$]+)\s*=\s*(?:async\s*)?function))/g;
const NOT_NAMES = new Set(["if", "for", "while", "switch", "catch", "return", "function"]);

/** Copies JavaScript with each function's JSDoc blanked; returns the cases. */
export function stripJsdoc(from: string, to: string, prefix: string): RecallCase[] {
  copyCode(from, to);
  const cases: RecallCase[] = [];
  const visit = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) { visit(abs); continue; }
      if (!/\.(js|mjs|cjs)$/.test(entry.name)) continue;
      let text = fs.readFileSync(abs, "utf8");
      const found: Array<{ start: number; end: number; line: number; name: string; query: string }> = [];
      for (const m of text.matchAll(JSDOC)) {
        const name = m[4] ?? m[5] ?? m[6] ?? m[7];
        const doc = m[1]!.split("\n").map((l) => l.replace(/^\s*\*\s?/, "")).join("\n");
        const query = firstSentence(doc);
        if (!name || NOT_NAMES.has(name) || !query) continue;
        const commentEnd = m.index! + m[0].indexOf("*/") + 2;
        const line = text.slice(0, commentEnd).split("\n").length + 1;
        found.push({ start: m.index!, end: commentEnd, line, name, query });
      }
      // Blank each comment's characters but keep its newlines, so every line number stays.
      for (const f of found.reverse()) text = text.slice(0, f.start) + text.slice(f.start, f.end).replace(/[^\n]/g, " ") + text.slice(f.end);
      fs.writeFileSync(abs, text);
      for (const f of found) cases.push({ path: `${prefix}/${path.relative(to, abs).split(path.sep).join("/")}`, line: f.line, name: f.name, query: f.query });
    }
  };
  visit(to);
  return cases;
}

/** Python docstrings, blanked by bench/indexRecall/strip_docstrings.py (Python's own parser finds them). */
export function stripDocstrings(stdlib: string, to: string, packages: readonly string[], script: string): RecallCase[] {
  const result = spawnSync("python3", [script, stdlib, to, packages.join(",")], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`strip_docstrings.py failed: ${result.stderr}`);
  const cases = JSON.parse(fs.readFileSync(path.join(path.dirname(to), "cases.json"), "utf8")) as RecallCase[];
  return cases.map((c) => ({ ...c, path: `${path.basename(to)}/${c.path}` }));
}
