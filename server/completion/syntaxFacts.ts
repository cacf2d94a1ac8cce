/**
 * What the syntax tree says about a completion request, through the Shield's parser door
 * (server/syntax/parser.ts is the only importer of web-tree-sitter): whether to write one line
 * or a block, the file's imports and the enclosing scope's first line (shown to the model when
 * the prefix window starts below them), and whether the document parses as it is. The tree is
 * parsed once per request and freed before this returns.
 */
import { enclosingScope, ensureLanguage, isLoaded, parseSync, type ParsedTree, type SyntaxNode } from "../syntax/parser";
import type { CursorLine } from "./cursorLine";

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

function importsOf(tree: ParsedTree): SyntaxFacts["imports"] {
  const nodes = tree.root.namedChildren.filter((n) => importTypes.has(n.type));
  if (nodes.length === 0) return undefined;
  const last = tree.rangeOf(nodes[nodes.length - 1]!);
  return { text: nodes.map((n) => n.text).join("\n"), endLine: last.end.row + 1 };
}

function scopeOf(tree: ParsedTree, cursor: CursorLine): SyntaxFacts["scope"] {
  const scope = enclosingScope(tree, { row: cursor.line, column: cursor.linePrefix.length });
  if (!scope || rootTypes.has(scope.type)) return undefined;
  const range = tree.rangeOf(scope);
  if (range.start.row >= cursor.line) return undefined;
  const lineStart = cursor.text.lastIndexOf("\n", range.startIndex - 1) + 1;
  const lineEnd = cursor.text.indexOf("\n", range.startIndex);
  return { startLine: range.start.row, header: cursor.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd) };
}

/** Reads the facts for one request; without a loaded grammar only the text-based mode is known. */
export function readSyntax(cursor: CursorLine, languageId: string): SyntaxFacts {
  const textMode = modeFromText(cursor);
  if (!isLoaded(languageId)) return { mode: textMode };
  const tree = parseSync(cursor.text, languageId);
  if (!tree) return { mode: textMode };
  try {
    // Look at the character before the cursor: at the end of a line comment the cursor itself is past the node.
    const probe = cursor.linePrefix.trim() ? cursor.offset - 1 : cursor.offset;
    const mode = textMode === "multi" && insideCommentOrString(tree.nodeAtIndex(probe)) ? "single" : textMode;
    return { mode, imports: importsOf(tree), scope: scopeOf(tree, cursor), parses: !tree.hasError };
  } finally {
    tree.dispose();
  }
}
