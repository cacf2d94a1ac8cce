/**
 * Tells whether an offset of parsed text lies in a comment or a string literal, so regex
 * rules do not fire on documentation or on data. It walks up from the smallest node at the
 * offset and stops at interpolations, because `${eval(x)}` inside a template is code.
 */
import type { ParsedTree, SyntaxNode } from "../syntax/parser";

export type LexicalContext = "code" | "comment" | "string";

const stringTypes = new Set([
  "string", "string_literal", "raw_string_literal", "interpreted_string_literal", "template_string",
  "string_content", "string_fragment", "encapsed_string", "heredoc", "heredoc_body", "nowdoc", "nowdoc_body",
  "char_literal", "character_literal", "verbatim_string_literal", "text_block", "interpolated_string_expression",
  "concatenated_string", "jsx_text", "regex", "regex_pattern", "rune_literal",
]);
const codeInsideStringTypes = new Set(["interpolation", "template_substitution", "string_interpolation", "interpolation_brace"]);

/** The context of a node: the first comment, string or interpolation found going up. */
export function contextOfNode(node: SyntaxNode | null): LexicalContext {
  for (let n = node; n; n = n.parent) {
    if (codeInsideStringTypes.has(n.type)) return "code";
    if (n.type.includes("comment")) return "comment";
    if (stringTypes.has(n.type)) return "string";
  }
  return "code";
}

/** The context at an index of the caller's text. */
export function contextAt(tree: ParsedTree, index: number): LexicalContext {
  return contextOfNode(tree.nodeAtIndex(index));
}
