/**
 * Definitions of the symbols used near the cursor (imported names, called functions and methods,
 * type names), looked up in the codebase index for a completion's extra context. A lookup never
 * waits: the first request for a set of names starts it and gets nothing; once it has finished,
 * the answer is cached by file and name set, so later keystrokes read it without asking the
 * index again. The names are taken once per snapshot of the extra context (promptBuilder.ts), so
 * they, and the prompt's context, stay the same while the user types.
 */
import type { CodebaseHit, CodebaseSearch } from "../chat/codebaseSearch";

/** At most this many names are looked up: the nearest ones are the likeliest to matter. */
const MAX_NAMES = 16;
/** Answers kept, by file and name set; the oldest goes first. */
const MAX_CACHED = 64;
/** Lines above the cursor (the end of the prefix window) whose names count as "near". */
const NEAR_LINES = 40;

/** Words that are never a definition worth showing, whatever a language calls them. */
const NOT_NAMES = new Set([
  "if", "for", "while", "switch", "return", "catch", "function", "def", "class", "new", "await", "async", "typeof", "super",
  "print", "len", "range", "str", "int", "list", "dict", "set", "self", "this", "import", "from", "require", "True", "False", "None",
]);

const CALLED = /([A-Za-z_$][\w$]*)\s*\(/g;
const MEMBER = /\.([A-Za-z_$][\w$]*)/g;
const TYPE = /\b([A-Z][A-Za-z0-9_]*[a-z][A-Za-z0-9_]*)\b/g;
const IMPORTED = /[A-Za-z_$][\w$]*/g;

/**
 * The names worth a definition: called functions, members and type names in the last lines of
 * `prefix` (nearest the cursor first), then the names the imports bring in.
 */
export function namesNearCursor(prefix: string, imports = ""): string[] {
  const names: string[] = [];
  const add = (name: string | undefined): void => {
    if (name && name.length > 1 && !NOT_NAMES.has(name) && !names.includes(name)) names.push(name);
  };
  const near = prefix.split("\n").slice(-NEAR_LINES).reverse();
  for (const line of near) {
    const found = [...line.matchAll(CALLED), ...line.matchAll(MEMBER), ...line.matchAll(TYPE)].sort((a, b) => b.index - a.index);
    for (const match of found) add(match[1]);
  }
  for (const match of imports.matchAll(IMPORTED)) add(match[0]);
  return names.slice(0, MAX_NAMES);
}

export class DefinitionContext {
  private readonly cache = new Map<string, readonly CodebaseHit[]>();
  private readonly pending = new Set<string>();

  constructor(private readonly codebase: CodebaseSearch, private readonly onError: (error: Error) => void = () => undefined) {}

  /**
   * The definitions of `names` in files other than `uri` when they are known; otherwise starts
   * looking them up (building the index in the background if there is none yet) and returns undefined.
   */
  lookup(uri: string, names: readonly string[]): readonly CodebaseHit[] | undefined {
    if (!names.length) return [];
    const key = `${uri}\n${names.join(",")}`;
    const known = this.cache.get(key);
    if (known) return known;
    if (!this.pending.has(key)) {
      this.pending.add(key);
      this.codebase.definitions(names).then(
        (hits) => this.remember(key, hits.filter((h) => h.uri !== uri)),
        (error: unknown) => this.onError(error as Error),
      ).finally(() => this.pending.delete(key));
    }
    return undefined;
  }

  /** True while a lookup started by `lookup(uri, names)` is still running. */
  waiting(uri: string, names: readonly string[]): boolean {
    return this.pending.has(`${uri}\n${names.join(",")}`);
  }

  private remember(key: string, hits: readonly CodebaseHit[]): void {
    this.cache.set(key, hits);
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
  }
}
