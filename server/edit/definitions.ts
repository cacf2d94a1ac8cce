/**
 * What counts as a definition (function, method, class, ...) in the tree-sitter grammars Enclave
 * loads, what it is called and which lines it takes. Region finding (an edit at the cursor) and
 * locating (where a chat block belongs) both ask these questions, so the answers live here once.
 */
import type { ParsedTree, SyntaxNode } from "../syntax/syntaxTypes";

export type DefinitionKind = "function" | "method" | "class";

/** Node types that define a function-like thing; inside a class-like body they are methods. */
const FUNCTION_TYPES: ReadonlySet<string> = new Set([
  "function_definition", "function_declaration", "generator_function_declaration", "function_item",
  "function_signature", "method_definition", "method_declaration", "constructor_declaration",
]);

/** Node types that always are methods. */
const METHOD_TYPES: ReadonlySet<string> = new Set(["method_definition", "method_declaration", "constructor_declaration"]);

/** Node types that define a class-like thing (a type with a body, a module of members). */
const CLASS_TYPES: ReadonlySet<string> = new Set([
  "class_definition", "class_declaration", "abstract_class_declaration", "class", "interface_declaration",
  "enum_declaration", "record_declaration", "struct_declaration", "class_specifier", "struct_specifier",
  "union_specifier", "enum_specifier", "namespace_definition", "type_declaration", "struct_item", "enum_item",
  "trait_item", "impl_item", "mod_item", "type_alias_declaration",
]);

/** Function values that are definitions when they are given a name (`const f = () => ...`). */
const FUNCTION_VALUES: ReadonlySet<string> = new Set(["arrow_function", "function_expression", "function", "func_literal"]);
const NAMING_PARENTS: ReadonlySet<string> = new Set(["variable_declarator", "public_field_definition", "field_definition"]);

/** Statements that only wrap a definition; the region takes them along (`export`, decorators, `struct X {...};`). */
const WRAPPERS: ReadonlySet<string> = new Set([
  "declaration", "type_definition", "lexical_declaration", "variable_declaration", "public_field_definition", "field_definition",
]);

export interface Definition {
  /** The definition itself (for a named function value: the function). */
  readonly node: SyntaxNode;
  /** The outermost node that only wraps it: what a region replaces. */
  readonly outer: SyntaxNode;
  readonly kind: DefinitionKind;
  readonly name?: string;
}

/** The definition `node` is, or undefined when it is none. */
export function definitionAt(node: SyntaxNode): Definition | undefined {
  const parent = node.parent;
  let kind: DefinitionKind | undefined;
  if (CLASS_TYPES.has(node.type) && hasBody(node)) kind = "class";
  else if (FUNCTION_TYPES.has(node.type)) kind = METHOD_TYPES.has(node.type) || insideClass(node) ? "method" : "function";
  else if (FUNCTION_VALUES.has(node.type) && parent && NAMING_PARENTS.has(parent.type)) kind = parent.type === "variable_declarator" ? "function" : "method";
  if (!kind) return undefined;
  let outer = node;
  while (outer.parent && wraps(outer.parent)) outer = outer.parent;
  // A declaration of several variables is not one definition; stop at the declarator's own text.
  if (outer.type === "variable_declarator") outer = node;
  const name = nameOf(node);
  return { node, outer, kind, ...(name ? { name } : {}) };
}

/** True when `node` only wraps the definition inside it: `export`, decorators, one declarator. */
function wraps(node: SyntaxNode): boolean {
  if (node.type === "export_statement" || node.type === "decorated_definition" || node.type === "template_declaration") return true;
  return (WRAPPERS.has(node.type) || node.type === "variable_declarator") && node.namedChildren.length <= 3;
}

/** The innermost definition around `node` (the node itself included). */
export function enclosingDefinition(node: SyntaxNode | null): Definition | undefined {
  for (let n = node; n; n = n.parent) {
    const def = definitionAt(n);
    if (def) return def;
  }
  return undefined;
}

/** Every definition in the tree, outer ones before the ones inside them (document order). */
export function allDefinitions(root: SyntaxNode): Definition[] {
  const out: Definition[] = [];
  const visit = (node: SyntaxNode): void => {
    const def = definitionAt(node);
    if (def) out.push(def);
    for (const child of node.namedChildren) visit(child);
  };
  visit(root);
  return out;
}

/** The name a definition is known by: its name field, or the declarator's for C and named function values. */
export function nameOf(node: SyntaxNode): string | undefined {
  const named = node.childForFieldName("name");
  if (named) return named.text;
  if (node.parent && NAMING_PARENTS.has(node.parent.type)) return node.parent.childForFieldName("name")?.text ?? node.parent.childForFieldName("property")?.text;
  // Go: `type Server struct {...}` names its type_spec; C: the function declarator holds the name.
  const spec = node.namedChildren.find((c) => c.type === "type_spec");
  if (spec) return spec.childForFieldName("name")?.text;
  let declarator = node.childForFieldName("declarator");
  while (declarator) {
    if (/identifier$|^destructor_name$|^operator_name$/.test(declarator.type)) return declarator.text;
    declarator = declarator.childForFieldName("declarator") ?? declarator.namedChildren.find((c) => /identifier$/.test(c.type)) ?? null;
  }
  return undefined;
}

/** True when the definition sits directly in a class-like body (its nearest enclosing definition is a class). */
function insideClass(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (CLASS_TYPES.has(n.type)) return true;
    if (FUNCTION_TYPES.has(n.type) || FUNCTION_VALUES.has(n.type)) return false;
  }
  return false;
}

/** A class-like node with a body (`struct X;` or a type used in a declaration is no definition). */
function hasBody(node: SyntaxNode): boolean {
  if (node.type === "type_declaration" || node.type === "type_alias_declaration" || node.type === "namespace_definition" || node.type === "mod_item") return true;
  return node.childForFieldName("body") !== null || node.namedChildren.some((c) => /(?:body|declaration_list|field_declaration_list|enumerator_list)$/.test(c.type));
}

/**
 * The first and last line of a definition's region. With `withComments`, comment lines right
 * above it (a docstring comment, JSDoc) are taken along, so "document this" does not add a second.
 */
export function definitionLines(tree: ParsedTree, def: Definition, withComments: boolean): { start: number; end: number } {
  const range = tree.rangeOf(def.outer);
  let start = range.start.row;
  const end = range.end.column === 0 && range.end.row > start ? range.end.row - 1 : range.end.row;
  if (withComments) {
    // Line by line upward, asking the tree what starts each line: where a comment hangs differs
    // between grammars (Python puts one above a method's decorator outside the class body).
    const lines = tree.root.text.split("\n");
    for (let row = start - 1; row >= 0; row--) {
      const column = lines[row + tree.rowOffset]?.search(/\S/) ?? -1;
      const node = column >= 0 ? tree.nodeAt({ row, column }) : null;
      if (!node || !/comment|decorator/.test(node.type) || tree.rangeOf(node).end.row !== row) break;
      start = row = tree.rangeOf(node).start.row;
    }
  }
  return { start, end };
}
