/**
 * Enclave's own query predicates, evaluated after web-tree-sitter has applied its built-in
 * ones (`#eq?`, `#match?`, `#any-of?`, their `not-` forms). They express what regexes on
 * node text cannot: whether an argument is a constant, and where a node sits.
 */
import type { SyntaxNode } from "./syntaxTypes";
import { functionScopeTypes } from "./scopes";

/** The shape web-tree-sitter gives for predicates it does not know. */
export interface PredicateLike {
  readonly operator: string;
  readonly operands: readonly ({ type: "capture"; name: string } | { type: "string"; value: string })[];
}
interface CaptureLike { readonly name: string; readonly node: SyntaxNode }

/** The predicates this file understands; a query using any other one is rejected. */
export const customPredicateNames: readonly string[] = [
  "literal?", "not-literal?", "inside?", "not-inside?", "imatch?", "not-imatch?", "inside-match?", "from-match?",
  "not-inside-match?", "not-from-match?", "mentions?", "not-mentions?",
];
/** Predicates whose operands after the capture are: none, node types, one regex, a regex then types, a capture. */
const operandShapes: Readonly<Record<string, "none" | "types" | "regex" | "regexTypes" | "capture">> = {
  "literal?": "none", "not-literal?": "none", "inside?": "types", "not-inside?": "types",
  "imatch?": "regex", "not-imatch?": "regex", "from-match?": "regex", "inside-match?": "regexTypes",
  "not-from-match?": "regex", "not-inside-match?": "regexTypes", "mentions?": "capture", "not-mentions?": "capture",
};
const regexCache = new Map<string, RegExp>();
function regexOf(source: string, flags = ""): RegExp {
  const key = `${flags}/${source}`;
  let re = regexCache.get(key);
  if (!re) regexCache.set(key, (re = new RegExp(source, flags)));
  return re;
}

/**
 * Node types that are constants by themselves, in any of the supported grammars. A string
 * with interpolation is not constant: its `interpolation` / `template_substitution` child
 * is not in this set, and a composite is constant only when all its named children are.
 */
const constantTypes = new Set([
  "string", "string_literal", "raw_string_literal", "interpreted_string_literal", "char_literal",
  "character_literal", "verbatim_string_literal", "concatenated_string", "template_string",
  "string_content", "interpreted_string_literal_content", "raw_string_literal_content", "raw_string_content", "character",
  "string_fragment", "string_start", "string_end", "escape_sequence", "string_value",
  "encapsed_string", "text_block", "nowdoc", "nowdoc_body", "heredoc", "heredoc_body", "heredoc_start", "heredoc_end",
  "integer", "float", "number", "integer_literal", "float_literal", "real_literal", "number_literal",
  "decimal_integer_literal", "hex_integer_literal", "octal_integer_literal", "binary_integer_literal",
  "decimal_floating_point_literal", "int_literal", "imaginary_literal", "rune_literal",
  "true", "false", "none", "null", "nil", "undefined", "boolean", "boolean_literal", "null_literal",
  "binary_operator", "binary_expression", "parenthesized_expression", "list", "tuple", "array",
  "array_expression", "array_creation_expression", "unary_operator", "unary_expression",
  "argument_list", "arguments", "comment",
]);

/** Conditional expressions (`c ? "a" : "b"`, `"a" if c else "b"`) in the supported grammars. */
const conditionalTypes = new Set(["conditional_expression", "ternary_expression"]);

/**
 * True when the node is a constant: a literal, or built only from literals. A conditional whose
 * branches are both constant is constant too (its value is one of them whatever the condition),
 * and so is C's string-literal concatenation with macros (`"%" PRIxPTR "\n"`): it only compiles
 * when the macro expands to a string literal.
 */
export function isConstant(node: SyntaxNode): boolean {
  if (conditionalTypes.has(node.type)) {
    // Python's `a if c else b` has no field names and puts the condition in the middle.
    const children = node.namedChildren.filter((c) => c && c.type !== "comment");
    const condition = node.childForFieldName("condition") ?? (children.length === 3 ? children[1] : null);
    const branches = children.filter((c) => c !== condition && c.startIndex !== condition?.startIndex);
    return branches.length === 2 && branches.every(isConstant);
  }
  if (node.type === "concatenated_string") {
    return node.namedChildren.every((c) => !c || c.type === "identifier" || isConstant(c));
  }
  if (!constantTypes.has(node.type)) return false;
  for (const child of node.namedChildren) if (child && !isConstant(child)) return false;
  return true;
}

function hasAncestor(node: SyntaxNode, types: ReadonlySet<string>, re?: RegExp): boolean {
  for (let n = node.parent; n; n = n.parent) if (types.has(n.type) && (!re || re.test(n.text))) return true;
  return false;
}

/**
 * A cheap, textual stand-in for data flow: the node's text matches `re`, or the node is a
 * variable that an earlier line of its function assigns from an expression matching `re`
 * (`url = request.args["u"]` ... `requests.get(url)`). Destructuring (`const { url } = req.query`)
 * counts too. It follows one step only, which keeps it fast and its findings explainable.
 */
export function flowsFrom(node: SyntaxNode, re: RegExp): boolean {
  if (re.test(node.text)) return true;
  if (!/identifier$|^variable_name$|^name$/.test(node.type)) return false;
  let scope: SyntaxNode | null = node.parent;
  while (scope && !functionScopeTypes.has(scope.type) && scope.parent) scope = scope.parent;
  if (!scope) return false;
  const before = scope.text.slice(0, node.startIndex - scope.startIndex);
  const name = node.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const assignment = regexOf(`(?:^|[^\\w.$])${name}\\s*(?::[^=\\n]*)?=(?!=)\\s*([^\\n]*)|\\{[^}\\n]*\\b${name}\\b[^}\\n]*\\}\\s*=\\s*([^\\n]*)`, "g");
  assignment.lastIndex = 0;
  for (let m = assignment.exec(before); m; m = assignment.exec(before)) {
    if (re.test(m[1] ?? m[2] ?? "")) return true;
  }
  return false;
}

/**
 * True when `outer`'s text names every identifier of `inner`'s text: a VLA declared
 * `char d[end - start + 1]` is sized by the copy length `end - start`.
 */
function mentionsAll(outer: SyntaxNode, inner: readonly SyntaxNode[]): boolean {
  const names = new Set(outer.text.match(/[A-Za-z_]\w*/g) ?? []);
  return inner.every((n) => (n.text.match(/[A-Za-z_]\w*/g) ?? []).every((name) => names.has(name)));
}

/** Applies every custom predicate of a pattern to one match; true when all hold. */
export function evaluateCustomPredicates(predicates: readonly PredicateLike[], captures: readonly CaptureLike[]): boolean {
  for (const predicate of predicates) {
    const [first, ...rest] = predicate.operands;
    if (!first || first.type !== "capture") return false;
    const nodes = captures.filter((c) => c.name === first.name).map((c) => c.node);
    const values = rest.flatMap((o) => (o.type === "string" ? [o.value] : []));
    const others = rest.flatMap((o) => (o.type === "capture" ? captures.filter((c) => c.name === o.name).map((c) => c.node) : []));
    const types = new Set(values);
    let holds: (n: SyntaxNode) => boolean;
    switch (predicate.operator) {
      case "literal?": holds = isConstant; break;
      case "not-literal?": holds = (n) => !isConstant(n); break;
      case "inside?": holds = (n) => hasAncestor(n, types); break;
      case "not-inside?": holds = (n) => !hasAncestor(n, types); break;
      case "imatch?": holds = (n) => regexOf(values[0]!, "i").test(n.text); break;
      case "not-imatch?": holds = (n) => !regexOf(values[0]!, "i").test(n.text); break;
      case "from-match?": holds = (n) => flowsFrom(n, regexOf(values[0]!)); break;
      case "inside-match?": holds = (n) => hasAncestor(n, new Set(values.slice(1)), regexOf(values[0]!)); break;
      case "not-from-match?": holds = (n) => !flowsFrom(n, regexOf(values[0]!)); break;
      case "mentions?": holds = (n) => mentionsAll(n, others); break;
      case "not-mentions?": holds = (n) => !mentionsAll(n, others); break;
      case "not-inside-match?": holds = (n) => !hasAncestor(n, new Set(values.slice(1)), regexOf(values[0]!)); break;
      default: return false;
    }
    if (!nodes.every(holds)) return false;
  }
  return true;
}

/** Why a pattern's custom predicates are malformed, or undefined when they are fine. */
export function checkCustomPredicates(predicates: readonly PredicateLike[]): string | undefined {
  for (const predicate of predicates) {
    if (!customPredicateNames.includes(predicate.operator)) return `unknown predicate #${predicate.operator}`;
    if (predicate.operands[0]?.type !== "capture") return `#${predicate.operator} needs a capture as its first operand`;
    const rest = predicate.operands.slice(1);
    const shape = operandShapes[predicate.operator];
    if (shape === "capture") {
      if (rest.length !== 1 || rest[0]!.type !== "capture") return `#${predicate.operator} takes two captures`;
      continue;
    }
    if (rest.some((o) => o.type !== "string")) return `#${predicate.operator} takes one capture, then strings`;
    const ok = shape === "none" ? rest.length === 0 : shape === "types" ? rest.length > 0 : shape === "regex" ? rest.length === 1 : rest.length > 1;
    if (!ok) return `#${predicate.operator} has the wrong number of operands`;
    if (shape === "regex" || shape === "regexTypes") {
      try {
        regexOf((rest[0] as { value: string }).value);
      } catch (e) {
        return `#${predicate.operator}: ${(e as Error).message}`;
      }
    }
  }
  return undefined;
}
