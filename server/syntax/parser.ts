/**
 * The only door to web-tree-sitter in the whole project. Everything else (Shield rules,
 * completion post-processing) uses the small typed API below, so the wasm runtime, grammar
 * loading and the PHP prefix trick live in one place.
 *
 * The wasm runtime is one emscripten instance with one heap. When a parse runs out of that
 * heap, tree-sitter aborts and the instance is broken for good (its stack is left mid-parse):
 * every later parse, in every file, would fail. So this door refuses texts over
 * `maxParseChars`, gives the runtime its own memory with a ceiling, and on any failure inside
 * the runtime throws the whole instance away and starts a fresh one (a new copy of the
 * web-tree-sitter module with its grammars reloaded), so one bad input never poisons the rest.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import type { Language, Node, Parser, Query, Tree } from "web-tree-sitter";
import { grammarFor, type GrammarName } from "./languages";
import { checkCustomPredicates, evaluateCustomPredicates } from "./predicates";
import { scopeTypes } from "./scopes";

export { grammarFor, grammarNames, supportedLanguageIds, type GrammarName } from "./languages";
export { scopeTypes } from "./scopes";

export type { Capture, CompiledQuery, ParsedTree, Point, QueryMatchResult, SyntaxNode, TextRange } from "./syntaxTypes";
import type { CompiledQuery, ParsedTree, Point, QueryMatchResult, SyntaxNode } from "./syntaxTypes";

/**
 * The longest text parsed (UTF-16 code units). A parse costs about 0.5 µs and 45 bytes of wasm
 * heap per character, so 2 Mi characters is about a second and 100 MB; a longer text gets no
 * tree, and callers do what they can without one.
 */
export const maxParseChars = 2 * 1024 * 1024;

const WASM_PAGE = 64 * 1024;
/** The runtime's starting heap, what web-tree-sitter's own build asks for. */
const INITIAL_MEMORY = 32 * 1024 * 1024;
/** The heap ceiling; tree-sitter aborts beyond it (and the runtime is renewed). */
let memoryLimitBytes = 512 * 1024 * 1024;

type TreeSitterModule = typeof import("web-tree-sitter");

/** One live instance of the runtime, with the grammars and parsers loaded into it. */
interface Runtime {
  readonly generation: number;
  readonly module: TreeSitterModule;
  readonly ready: Promise<void>;
  readonly languages: Map<GrammarName, Promise<Language>>;
  readonly parsers: Map<GrammarName, Parser>;
}

let runtime: Runtime | undefined;
let generations = 0;
const resetListeners = new Set<(reason: string) => void>();
/** Grammars that were in use; a fresh runtime reloads them at once. */
const wanted = new Set<GrammarName>();
/** The runtime generation a tree was parsed by (a query of another generation must be recompiled). */
const treeGeneration = new WeakMap<object, number>();

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

/**
 * A fresh copy of the web-tree-sitter module. Its wasm instance is a module-level singleton, so
 * a new instance needs the module's code evaluated again: Node's require cache forgets it first.
 */
function freshModule(): TreeSitterModule {
  const file = locate("web-tree-sitter.js", "web-tree-sitter");
  const load = createRequire(__filename);
  delete load.cache[file];
  return load(file) as TreeSitterModule;
}

function currentRuntime(): Runtime {
  if (runtime) return runtime;
  const module = freshModule();
  const memory = new WebAssembly.Memory({ initial: INITIAL_MEMORY / WASM_PAGE, maximum: Math.max(INITIAL_MEMORY, memoryLimitBytes) / WASM_PAGE });
  const ready = module.Parser.init({
    locateFile: (name: string) => locate(name, `web-tree-sitter/${name}`),
    wasmMemory: memory,
    // The runtime prints "Aborted()" to stderr before it throws; the throw is what we act on.
    printErr: () => undefined,
  });
  runtime = { generation: ++generations, module, ready, languages: new Map(), parsers: new Map() };
  return runtime;
}

/**
 * Throws the runtime away after a failure inside it. The grammars that were in use are reloaded
 * into a fresh runtime at once, so synchronous callers get trees again within moments.
 */
function renew(error: unknown): void {
  if (!runtime) return;
  runtime = undefined;
  const reason = error instanceof Error ? error.message : String(error);
  for (const listener of resetListeners) listener(reason);
  for (const grammar of wanted) loadGrammar(grammar).catch(() => undefined);
}

/** Calls `listener` whenever the runtime failed and was replaced; returns the unsubscribe. */
export function onSyntaxRuntimeReset(listener: (reason: string) => void): () => void {
  resetListeners.add(listener);
  return () => resetListeners.delete(listener);
}

/** How many runtimes have been started (1 until a failure replaced the first). */
export function syntaxRuntimeGeneration(): number {
  return generations;
}

/**
 * Sets the heap ceiling of the wasm runtime; the next use starts a runtime with it. The default
 * (512 MiB) is far above what `maxParseChars` needs; tests lower it to make a real abort happen.
 */
export function setSyntaxMemoryLimit(bytes: number): void {
  memoryLimitBytes = bytes;
  runtime = undefined;
}

/** Initialises the wasm runtime once; later calls return the same promise. */
export function initParser(): Promise<void> {
  return currentRuntime().ready;
}

/** Loads a grammar on first use (each is a few hundred kilobytes to a few megabytes). */
export async function loadGrammar(grammar: GrammarName): Promise<void> {
  wanted.add(grammar);
  const rt = currentRuntime();
  await rt.ready;
  let loading = rt.languages.get(grammar);
  if (!loading) {
    loading = rt.module.Language.load(wasmPath(grammar));
    rt.languages.set(grammar, loading);
    // A failed load is forgotten so that a later call can retry.
    loading.catch(() => rt.languages.delete(grammar));
  }
  const language = await loading;
  if (!rt.parsers.has(grammar)) rt.parsers.set(grammar, new rt.module.Parser().setLanguage(language));
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
  return grammar !== undefined && runtime?.parsers.has(grammar) === true;
}

/** Parses text of a VS Code language id, loading its grammar if needed. */
export async function parse(text: string, languageId: string): Promise<ParsedTree | undefined> {
  if (!(await ensureLanguage(languageId))) return undefined;
  return parseSync(text, languageId);
}

/**
 * Parses synchronously; the grammar must already be loaded (see `ensureLanguage`). Undefined for
 * a text over `maxParseChars`, and when the runtime failed on this text (it is then renewed).
 * PHP fragments without an opening tag are parsed with `<?php\n` in front, because the
 * grammar otherwise reads them as inline HTML; positions are shifted back for the caller.
 */
export function parseSync(text: string, languageId: string): ParsedTree | undefined {
  const grammar = grammarFor(languageId);
  const rt = runtime;
  const parser = grammar && rt?.parsers.get(grammar);
  if (!grammar || !rt || !parser || text.length > maxParseChars) return undefined;
  const prefix = grammar === "php" && !/<\?(php|=)?/.test(text.slice(0, 4096)) ? "<?php\n" : "";
  let tree: Tree | null;
  try {
    tree = parser.parse(prefix + text);
  } catch (error) {
    renew(error);
    return undefined;
  }
  if (!tree) return undefined;
  const wrapped = wrapTree(tree, grammar, prefix, rt.generation);
  treeGeneration.set(wrapped, rt.generation);
  return wrapped;
}

function wrapTree(tree: Tree, grammar: GrammarName, prefix: string, generation: number): ParsedTree {
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
    // A tree of a runtime that was thrown away went with its heap; freeing it would touch the dead instance.
    dispose: () => {
      if (runtime?.generation === generation) tree.delete();
    },
  };
}

/**
 * Compiles a query for a grammar (which must be loaded). Throws with tree-sitter's message
 * when the query does not compile, so rule tests can name the bad rule. The query follows the
 * runtime: after a renewal it is compiled again, from its source, the first time it is used.
 */
export function compileQuery(grammar: GrammarName, source: string): CompiledQuery {
  let compiled = compileIn(grammar, source);
  return {
    grammar,
    captureNames: compiled.query.captureNames,
    matches(tree, rows) {
      const generation = treeGeneration.get(tree);
      // A tree of a runtime thrown away since it was parsed has nothing left to match.
      if (generation === undefined || generation !== runtime?.generation) return [];
      try {
        if (compiled.generation !== generation) compiled = compileIn(grammar, source);
        return matchesOf(compiled.query, tree, rows);
      } catch (error) {
        renew(error);
        return [];
      }
    },
  };
}

function compileIn(grammar: GrammarName, source: string): { generation: number; query: Query } {
  const rt = runtime;
  const language = rt?.parsers.get(grammar)?.language;
  if (!rt || !language) throw new Error(`grammar ${grammar} is not loaded`);
  const query = new rt.module.Query(language, source);
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
  return { generation: rt.generation, query };
}

function matchesOf(query: Query, tree: ParsedTree, rows?: { readonly start: number; readonly end: number }): QueryMatchResult[] {
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
