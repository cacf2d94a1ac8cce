/**
 * The only door to web-tree-sitter in the whole project. Everything else (Shield rules,
 * completion post-processing) uses the small typed API below, so the wasm runtime, grammar
 * loading and the PHP prefix trick live in one place.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Language, Parser, Query, type Node, type Tree } from "web-tree-sitter";
import { grammarFor, type GrammarName } from "./languages";
import { checkCustomPredicates, evaluateCustomPredicates } from "./predicates";
import { scopeTypes } from "./scopes";

export { grammarFor, grammarNames, supportedLanguageIds, type GrammarName } from "./languages";
export { scopeTypes } from "./scopes";

export type { Capture, CompiledQuery, ParsedTree, Point, QueryMatchResult, SyntaxNode, TextRange } from "./syntaxTypes";
import type { CompiledQuery, ParsedTree, Point, QueryMatchResult, SyntaxNode } from "./syntaxTypes";

let initialised: Promise<void> | undefined;
const languages = new Map<GrammarName, Promise<Language>>();
const parsers = new Map<GrammarName, Parser>();

/**
 * Where wasm files are looked for: `grammars/` beside the bundle first (esbuild copies
 * them to dist/grammars), then the npm packages, which is what tests running from out/ use.
 */
function locate(file: string, packagePath: string): string {
  const bundled = path.join(__dirname, "grammars", file);
  if (fs.existsSync(bundled)) return bundled;
  return require.resolve(packagePath);
}

function wasmPath(grammar: GrammarName): string {
  const file = `tree-sitter-${grammar}.wasm`;
  return locate(file, `@vscode/tree-sitter-wasm/wasm/${file}`);
}

/** Initialises the wasm runtime once; later calls return the same promise. */
export function initParser(): Promise<void> {
  initialised ??= Parser.init({
    locateFile: (name: string) => locate(name, `web-tree-sitter/${name}`),
  });
  return initialised;
}

/** Loads a grammar on first use (each is a few hundred kilobytes to a few megabytes). */
export async function loadGrammar(grammar: GrammarName): Promise<void> {
  await initParser();
  let loading = languages.get(grammar);
  if (!loading) {
    loading = Language.load(wasmPath(grammar));
    languages.set(grammar, loading);
    // A failed load is forgotten so that a later call can retry.
    loading.catch(() => languages.delete(grammar));
  }
  const language = await loading;
  if (!parsers.has(grammar)) parsers.set(grammar, new Parser().setLanguage(language));
}

/** Loads the grammar for a VS Code language id; false when the language has none. */
export async function ensureLanguage(languageId: string): Promise<boolean> {
  const grammar = grammarFor(languageId);
  if (!grammar) return false;
  await loadGrammar(grammar);
  return true;
}

/** True when the grammar for this language id is loaded, so `parseSync` can be used. */
export function isLoaded(languageId: string): boolean {
  const grammar = grammarFor(languageId);
  return grammar !== undefined && parsers.has(grammar);
}

/** Parses text of a VS Code language id, loading its grammar if needed. */
export async function parse(text: string, languageId: string): Promise<ParsedTree | undefined> {
  if (!(await ensureLanguage(languageId))) return undefined;
  return parseSync(text, languageId);
}

/**
 * Parses synchronously; the grammar must already be loaded (see `ensureLanguage`).
 * PHP fragments without an opening tag are parsed with `<?php\n` in front, because the
 * grammar otherwise reads them as inline HTML; positions are shifted back for the caller.
 */
export function parseSync(text: string, languageId: string): ParsedTree | undefined {
  const grammar = grammarFor(languageId);
  const parser = grammar && parsers.get(grammar);
  if (!grammar || !parser) return undefined;
  const prefix = grammar === "php" && !/<\?(php|=)?/.test(text.slice(0, 4096)) ? "<?php\n" : "";
  const tree = parser.parse(prefix + text);
  if (!tree) return undefined;
  return wrapTree(tree, grammar, prefix);
}

function wrapTree(tree: Tree, grammar: GrammarName, prefix: string): ParsedTree {
  const shiftIndex = prefix.length;
  const shiftRows = prefix ? 1 : 0;
  const root = tree.rootNode;
  const point = (p: { row: number; column: number }): Point =>
    p.row < shiftRows ? { row: 0, column: 0 } : { row: p.row - shiftRows, column: p.column };
  return {
    grammar,
    root,
    hasError: root.hasError,
    rowOffset: shiftRows,
    rangeOf(node) {
      const n = node as Node;
      return {
        start: point(n.startPosition),
        end: point(n.endPosition),
        startIndex: Math.max(0, n.startIndex - shiftIndex),
        endIndex: Math.max(0, n.endIndex - shiftIndex),
      };
    },
    nodeAtIndex(index) {
      const i = index + shiftIndex;
      return root.namedDescendantForIndex(i, i);
    },
    nodeAt(position) {
      const p = { row: position.row + shiftRows, column: position.column };
      return root.namedDescendantForPosition(p, p);
    },
    dispose: () => tree.delete(),
  };
}

/**
 * Compiles a query for a grammar (which must be loaded). Throws with tree-sitter's message
 * when the query does not compile, so rule tests can name the bad rule.
 */
export function compileQuery(grammar: GrammarName, source: string): CompiledQuery {
  const parser = parsers.get(grammar);
  const language = parser?.language;
  if (!language) throw new Error(`grammar ${grammar} is not loaded`);
  const query = new Query(language, source);
  for (let i = 0; i < query.patternCount(); i++) {
    // A predicate written after a pattern's closing parenthesis becomes an empty pattern of
    // its own and is silently ignored, which would make a rule fire far too often.
    const dangling = source.slice(query.startIndexForPattern(i), query.endIndexForPattern(i)).trimStart().startsWith("(#");
    const problem = dangling ? "a predicate outside its pattern's parentheses; write ((node) @x (#eq? @x \"v\"))"
      : checkCustomPredicates(query.predicates[i] ?? []);
    if (problem) {
      query.delete();
      throw new Error(`pattern ${i + 1}: ${problem}`);
    }
  }
  return {
    grammar,
    captureNames: query.captureNames,
    matches(tree, rows) {
      const out: QueryMatchResult[] = [];
      const options = rows
        ? { startPosition: { row: rows.start + tree.rowOffset, column: 0 }, endPosition: { row: rows.end + tree.rowOffset + 1, column: 0 } }
        : undefined;
      for (const match of query.matches(tree.root as Node, options)) {
        const custom = query.predicates[match.patternIndex] ?? [];
        if (custom.length > 0 && !evaluateCustomPredicates(custom, match.captures)) continue;
        out.push({ patternIndex: match.patternIndex, captures: match.captures });
      }
      return out;
    },
  };
}

/** The innermost ancestor (or the node itself) whose type is one of `types`. */
export function enclosing(node: SyntaxNode | null, types: ReadonlySet<string> | readonly string[]): SyntaxNode | null {
  const set = types instanceof Set ? types : new Set(types as readonly string[]);
  for (let n = node; n; n = n.parent) if (set.has(n.type)) return n;
  return null;
}

/** The innermost function, class or file node around a position of the caller's text. */
export function enclosingScope(tree: ParsedTree, position: Point): SyntaxNode | null {
  return enclosing(tree.nodeAt(position), scopeTypes) ?? tree.root;
}
