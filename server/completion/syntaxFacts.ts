/**
 * What the syntax tree says about a completion request, through the Shield's parser door
 * (server/syntax/parser.ts is the only importer of web-tree-sitter): whether to write one line
 * or a block, the file's imports and the enclosing scope's first line (shown to the model when
 * the prefix window starts below them), and whether the document parses as it is. The tree is
 * parsed once per request and freed before this returns. Only a window around the cursor is
 * parsed (documentWindow.ts), plus the document's head for its imports when the window starts
 * below it, so a request costs the same in a huge file as in a small one.
 */
import { enclosingScope, ensureLanguage, isLoaded, parseSync, type ParsedTree, type SyntaxNode } from "../syntax/parser";
import type { CursorLine } from "./cursorLine";
import { detach, HEAD_CHARS, syntaxViewOf, type SyntaxView } from "./documentWindow";

export type CompletionMode = "single" | "multi";

export interface SyntaxFacts {
  readonly mode: CompletionMode;
  /** The file's top-level imports and the 0-based line after the last of them. */
  readonly imports?: { readonly text: string; readonly endLine: number };
  /** The enclosing function or class: its first line and where it starts. */
  readonly scope?: { readonly startLine: number; readonly header: string };
  /** Whether the document parses without errors; undefined when the language has no grammar. */
  readonly parses?: boolean;
}

/** Node types of import-like statements, across the grammars Enclave ships. */
const importTypes = new Set([
  "import_statement", "import_from_statement", "future_import_statement", "preproc_include", "using_declaration",
  "import_declaration", "package_clause", "package_declaration", "use_declaration", "extern_crate_declaration",
  "using_directive", "namespace_use_declaration",
]);
const rootTypes = new Set(["module", "program", "translation_unit", "source_file", "compilation_unit"]);
const stringLike = /string|char_literal|rune_literal|template|heredoc|regex/;

/** Loads the grammar of a language so later calls can parse synchronously; false without one. */
export async function loadSyntax(languageId: string): Promise<boolean> {
  try {
    return await ensureLanguage(languageId);
  } catch {
    return false;
  }
}

/** True when the document would parse without errors; undefined when it cannot be parsed. */
export function parsesCleanly(text: string, languageId: string): boolean | undefined {
  if (!isLoaded(languageId)) return undefined;
  const tree = parseSync(text, languageId);
  if (!tree) return undefined;
  try {
    return !tree.hasError;
  } catch {
    // The runtime failed under the tree (parser.ts renews it); the answer is unknown.
    return undefined;
  } finally {
    tree.dispose();
  }
}

/** A block is wanted on an empty line or right after a block opener, with nothing but closers after the cursor. */
function modeFromText(cursor: CursorLine): CompletionMode {
  if (cursor.lineSuffix.trim() !== "") return "single";
  if (cursor.linePrefix.trim() === "") return "multi";
  return /(?:[{([:]|=>|->|\bdo|\bthen)\s*$/.test(cursor.linePrefix) ? "multi" : "single";
}

function insideCommentOrString(node: SyntaxNode | null): boolean {
  for (let n = node; n; n = n.parent) {
    if (n.type.includes("comment")) return true;
    if (stringLike.test(n.type) && !/substitution|interpolation/.test(n.type)) return true;
    if (/substitution|interpolation/.test(n.type)) return false;
  }
  return false;
}

function importsOf(tree: ParsedTree, lineShift: number): SyntaxFacts["imports"] {
  const nodes = tree.root.namedChildren.filter((n) => importTypes.has(n.type));
  if (nodes.length === 0) return undefined;
  const last = tree.rangeOf(nodes[nodes.length - 1]!);
  return { text: detach(nodes.map((n) => n.text).join("\n")), endLine: last.end.row + 1 + lineShift };
}

function scopeOf(tree: ParsedTree, view: SyntaxView, cursor: CursorLine): SyntaxFacts["scope"] {
  const row = cursor.line - view.lineShift;
  const scope = enclosingScope(tree, { row, column: view.offset - (view.text.lastIndexOf("\n", view.offset - 1) + 1) });
  if (!scope || rootTypes.has(scope.type)) return undefined;
  const range = tree.rangeOf(scope);
  if (range.start.row >= row) return undefined;
  const lineStart = view.text.lastIndexOf("\n", range.startIndex - 1) + 1;
  const lineEnd = view.text.indexOf("\n", range.startIndex);
  return { startLine: range.start.row + view.lineShift, header: view.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd) };
}

/**
 * The imports in the first lines of a text, for a parsed view that starts below them. `above`
 * says the head is the document's and the text a window below it: the imports then end before
 * the window's line 0.
 */
function importsOfHead(head: string, languageId: string, above: boolean): SyntaxFacts["imports"] {
  const imports = headImports(head, languageId);
  return imports && (above ? { text: imports.text, endLine: 0 } : imports);
}

/** The last head parsed and its imports: the head of the file being typed in rarely changes. */
let lastHead: { readonly text: string; readonly languageId: string; readonly imports: SyntaxFacts["imports"] } | undefined;

function headImports(head: string, languageId: string): SyntaxFacts["imports"] {
  if (lastHead?.languageId === languageId && lastHead.text === head) return lastHead.imports;
  const tree = parseSync(head, languageId);
  if (!tree) return undefined;
  try {
    const imports = importsOf(tree, 0);
    lastHead = { text: detach(head), languageId, imports };
    return imports;
  } finally {
    tree.dispose();
  }
}

/**
 * Reads the facts for one request; without a loaded grammar only the text-based mode is known.
 * `head` is the document's first lines when `cursor.text` is a window that starts below them;
 * `view` the part of `cursor.text` to parse.
 */
export function readSyntax(cursor: CursorLine, languageId: string, head?: string, view: SyntaxView = syntaxViewOf(cursor.text, cursor.offset)): SyntaxFacts {
  const textMode = modeFromText(cursor);
  if (!isLoaded(languageId)) return { mode: textMode };
  const tree = parseSync(view.text, languageId);
  if (!tree) return { mode: textMode };
  try {
    // Look at the character before the cursor: at the end of a line comment the cursor itself is past the node.
    const probe = cursor.linePrefix.trim() ? view.offset - 1 : view.offset;
    const mode = textMode === "multi" && insideCommentOrString(tree.nodeAtIndex(probe)) ? "single" : textMode;
    const imports = view.start === 0 ? importsOf(tree, 0) : importsOfHead(head ?? cursor.text.slice(0, HEAD_CHARS), languageId, head !== undefined);
    return { mode, imports, scope: scopeOf(tree, view, cursor), parses: !tree.hasError };
  } catch {
    // The runtime failed under the tree (parser.ts renews it): answer from the text alone.
    return { mode: textMode };
  } finally {
    tree.dispose();
  }
}
