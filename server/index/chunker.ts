/**
 * Chunks a file by its syntax: each function, method and class is a chunk named after its
 * symbol, consecutive top-level statements are grouped, and comments right above a definition
 * stay with it (a doc comment is the best description of the code for a search). Files
 * without a grammar, or that the parser refuses, fall back to line windows.
 */
import { extname } from "node:path";
import { languageByExtension } from "../syntax/languages";
import { ensureLanguage, parseSync, type ParsedTree, type SyntaxNode } from "../syntax/parser";
import type { Chunk, ChunkKind } from "./chunk";
import { lineWindows, windowLines } from "./lineWindows";

const functionTypes = new Set(["function_definition", "function_declaration", "generator_function_declaration", "method_definition", "method_declaration", "constructor_declaration", "function_item", "abstract_method_signature"]);
/** Definitions with members: their methods become chunks of their own. */
const containerTypes = new Set(["class_definition", "class_declaration", "abstract_class_declaration", "interface_declaration", "class_specifier", "struct_specifier", "impl_item", "trait_item", "enum_declaration", "record_declaration", "namespace_definition", "internal_module"]);
/** Containers that declare a shape rather than behaviour: a chunk of kind "type" when they have no methods. */
const shapeTypes = new Set(["interface_declaration", "struct_specifier", "enum_declaration", "enum_specifier"]);
const typeTypes = new Set(["type_declaration", "type_alias_declaration", "struct_item", "enum_item", "enum_specifier", "union_specifier"]);
const commentTypes = new Set(["comment", "line_comment", "block_comment"]);

interface Span { start: number; end: number; symbol: string | null; kind: ChunkKind }

/** The language id of a path by its extension, or undefined when no grammar reads it. */
export function languageOf(path: string): string | undefined {
  return languageByExtension[extname(path).toLowerCase()];
}

/** Chunks a file's text; `path` picks the language. */
export async function chunkFile(path: string, text: string): Promise<Chunk[]> {
  const lines = text.split("\n");
  const languageId = languageOf(path);
  if (languageId && (await ensureLanguage(languageId))) {
    const tree = parseSync(text, languageId);
    if (tree) {
      try {
        return spansToChunks(syntaxSpans(tree), lines);
      } finally {
        tree.dispose();
      }
    }
  }
  return lineWindows(lines, 1, lines.length, null, "window");
}

function spansToChunks(spans: readonly Span[], lines: readonly string[]): Chunk[] {
  const out: Chunk[] = [];
  for (const span of spans) {
    // A definition longer than a window is split into windows that keep its name.
    if (span.end - span.start + 1 > windowLines * 2) out.push(...lineWindows(lines, span.start, span.end, span.symbol, span.kind));
    else {
      const text = lines.slice(span.start - 1, span.end).join("\n");
      if (text.trim()) out.push({ startLine: span.start, endLine: span.end, symbol: span.symbol, kind: span.kind, text });
    }
  }
  return out;
}

/** The definition inside a wrapper: `export function f`, Python decorators, `const f = () => {}`. */
function unwrap(node: SyntaxNode): SyntaxNode {
  if (node.type === "export_statement" || node.type === "decorated_definition") {
    return node.childForFieldName("declaration") ?? node.childForFieldName("definition") ?? node;
  }
  return node;
}

function nameOf(node: SyntaxNode): string | null {
  const name = node.childForFieldName("name");
  if (name) return name.text;
  if (node.type === "type_declaration") return node.namedChildren.find((c) => c.type === "type_spec")?.childForFieldName("name")?.text ?? null;
  if (node.type === "impl_item") return node.childForFieldName("type")?.text ?? null;
  // C and C++ bury the name in nested declarators: `int *get_user(int id)`.
  let declarator = node.childForFieldName("declarator");
  while (declarator) {
    const inner = declarator.childForFieldName("declarator");
    if (!inner) return declarator.text;
    declarator = inner;
  }
  return null;
}

/** `const getUser = (id) => ...` and `const f = function () {}` are functions too. */
function arrowName(node: SyntaxNode): string | null {
  if (node.type !== "lexical_declaration" && node.type !== "variable_declaration") return null;
  const declarator = node.namedChildren.find((c) => c.type === "variable_declarator");
  const value = declarator?.childForFieldName("value");
  return value && /^(arrow_function|function_expression|function)$/.test(value.type) ? declarator!.childForFieldName("name")?.text ?? null : null;
}

/** `func (b *Backoff) Next()` → `Backoff`; null for a method without a receiver (Java, C#). */
function receiverType(node: SyntaxNode): string | null {
  const receiver = node.childForFieldName("receiver");
  const declaration = receiver?.namedChildren.find((c) => c.type === "parameter_declaration");
  const type = declaration?.childForFieldName("type")?.text;
  return type ? type.replace(/^\*/, "").replace(/\[.*$/, "") : null;
}

function syntaxSpans(tree: ParsedTree): Span[] {
  const out: Span[] = [];
  const rows = (node: SyntaxNode) => {
    const range = tree.rangeOf(node);
    // A node ending at column 0 ends on the line before (its last newline belongs to it).
    return { start: range.start.row + 1, end: range.end.row + (range.end.column === 0 && range.end.row > range.start.row ? 0 : 1) };
  };
  const visit = (children: readonly SyntaxNode[], owner: string | null, headerStart: number | null): void => {
    let group: { start: number; end: number } | null = headerStart === null ? null : { start: headerStart, end: headerStart };
    let comment: { start: number; end: number } | null = null;
    const flush = (): void => {
      if (group) out.push({ ...group, symbol: owner, kind: owner ? "class" : "statements" });
      group = null;
    };
    const flushComment = (): void => {
      if (comment) group = group ? { start: group.start, end: comment.end } : { ...comment };
      comment = null;
    };
    for (const child of children) {
      const { start, end } = rows(child);
      if (commentTypes.has(child.type)) {
        if (comment && start > comment.end + 1) flushComment();
        comment = comment ? { start: comment.start, end } : { start, end };
        continue;
      }
      const def = unwrap(child);
      const isFunction = functionTypes.has(def.type);
      const arrow = isFunction ? null : arrowName(def);
      const isContainer = containerTypes.has(def.type);
      const isType = typeTypes.has(def.type);
      if (!isFunction && !arrow && !isContainer && !isType) {
        flushComment();
        if (group && end - group.start + 1 > windowLines) flush();
        group = group ? { start: group.start, end } : { start, end };
        continue;
      }
      // A comment ending on the line right above is the definition's own documentation.
      const docStart = comment && comment.end >= start - 1 ? comment.start : start;
      if (docStart === start) flushComment();
      comment = null;
      flush();
      const name = arrow ?? nameOf(def);
      // A Go method names its receiver's type, which stands in for the class it belongs to.
      const receiver = def.type === "method_declaration" ? receiverType(def) : null;
      const parent = owner ?? receiver;
      const qualified = parent && name ? `${parent}.${name}` : name;
      const body = isContainer ? def.childForFieldName("body") : null;
      if (isContainer && body && body.namedChildren.some((m) => functionTypes.has(unwrap(m).type))) {
        // The class header and its fields are one chunk, each method another.
        visit(body.namedChildren, qualified, docStart);
      } else {
        const kind: ChunkKind = isFunction || arrow ? (parent ? "method" : "function") : isContainer && !shapeTypes.has(def.type) ? "class" : "type";
        out.push({ start: docStart, end, symbol: qualified, kind });
      }
    }
    flushComment();
    flush();
  };
  visit(tree.root.namedChildren, null, null);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
