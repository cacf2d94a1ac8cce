/**
 * The syntax-tree types every tree-sitter user in Enclave relies on. They live apart from the
 * parser so that modules the parser itself uses (query predicates) can name them without an
 * import cycle.
 */
import type { GrammarName } from "./languages";

/** A 0-based row and column (UTF-16 code units, like LSP positions). */
export interface Point { readonly row: number; readonly column: number }

/** A range in the caller's text, already corrected for any prefix the parser added. */
export interface TextRange {
  readonly start: Point;
  readonly end: Point;
  readonly startIndex: number;
  readonly endIndex: number;
}

/**
 * The part of a syntax node that callers may rely on. web-tree-sitter's nodes satisfy it
 * structurally, so no wrapper objects are allocated; positions on it are those of the parsed
 * text, so use `ParsedTree.rangeOf` to get positions in the caller's text.
 */
export interface SyntaxNode {
  readonly type: string;
  readonly text: string;
  readonly isNamed: boolean;
  readonly hasError: boolean;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly parent: SyntaxNode | null;
  readonly namedChildren: readonly SyntaxNode[];
  readonly childCount: number;
  child(index: number): SyntaxNode | null;
  childForFieldName(fieldName: string): SyntaxNode | null;
}

/** One capture of a query match. */
export interface Capture { readonly name: string; readonly node: SyntaxNode }
/** One match of a query: the pattern that matched and its captures. */
export interface QueryMatchResult { readonly patternIndex: number; readonly captures: readonly Capture[] }

/** A compiled query for one grammar; compile once and reuse it. */
export interface CompiledQuery {
  readonly grammar: GrammarName;
  readonly captureNames: readonly string[];
  /**
   * Matches under the tree's root, with built-in and Enclave predicates applied. With `rows`
   * (0-based, inclusive, in the caller's text), only matches overlapping those lines are
   * looked for, which lets tree-sitter skip the rest of the tree.
   */
  matches(tree: ParsedTree, rows?: { readonly start: number; readonly end: number }): QueryMatchResult[];
}

/** A parsed text. Call `dispose` when done: trees live in wasm memory, not the JS heap. */
export interface ParsedTree {
  readonly grammar: GrammarName;
  readonly root: SyntaxNode;
  /** True when the parser had to recover from syntax errors (fragments usually do). */
  readonly hasError: boolean;
  /** Lines the parser added in front of the caller's text (1 for a PHP fragment, else 0). */
  readonly rowOffset: number;
  /** The node's range in the caller's text. */
  rangeOf(node: SyntaxNode): TextRange;
  /** The smallest named node that spans the given index of the caller's text. */
  nodeAtIndex(index: number): SyntaxNode | null;
  /** The smallest named node at a 0-based position of the caller's text. */
  nodeAt(position: Point): SyntaxNode | null;
  dispose(): void;
}

