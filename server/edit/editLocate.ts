/**
 * Where a chat code block belongs in a document (smart Apply): the block's first definition is
 * named, and the document's definition with the same name is its target. Both are found with
 * tree-sitter, so a name in a comment or a call does not count. Nothing found means undefined,
 * and the client asks for a "merge" edit instead of guessing.
 */
import { languageIdOf } from "../../media/chat/languages";
import { ensureLanguage, grammarFor, parseSync } from "../syntax/parser";
import { allDefinitions, definitionLines, type Definition, type DefinitionKind } from "./definitions";
import type { LineRegion } from "./editRegion";

/** Grammars where a method may be written without its class; the block is then read inside one. */
const CLASS_WRAPPED: Readonly<Record<string, (code: string) => string>> = {
  typescript: (code) => `class EnclaveBlock {\n${code}\n}`,
  tsx: (code) => `class EnclaveBlock {\n${code}\n}`,
  javascript: (code) => `class EnclaveBlock {\n${code}\n}`,
  java: (code) => `class EnclaveBlock {\n${code}\n}`,
  "c-sharp": (code) => `class EnclaveBlock {\n${code}\n}`,
  php: (code) => `<?php\nclass EnclaveBlock {\n${code}\n}`,
};

export interface BlockDefinition {
  readonly name: string;
  readonly kind: DefinitionKind;
  /** True when comment lines come right before it in the block, so the target takes its own along. */
  readonly withComments: boolean;
}

/** The block's first named definition, or undefined when it defines nothing the grammar sees. */
export async function firstDefinition(code: string, languageId: string): Promise<BlockDefinition | undefined> {
  if (!(await ensureLanguage(languageId))) return undefined;
  const text = dedent(code);
  const found = definitionIn(text, languageId);
  if (found) return found;
  const wrap = CLASS_WRAPPED[grammarFor(languageId)!];
  return wrap ? definitionIn(wrap(text), languageId) : undefined;
}

function definitionIn(text: string, languageId: string): BlockDefinition | undefined {
  const tree = parseSync(text, languageId);
  if (!tree) return undefined;
  try {
    const def = allDefinitions(tree.root).find((d) => d.name && d.name !== "EnclaveBlock");
    if (!def) return undefined;
    const withComments = definitionLines(tree, def, true).start < definitionLines(tree, def, false).start;
    return { name: def.name!, kind: def.kind, withComments };
  } finally {
    tree.dispose();
  }
}

/**
 * The region of the document's definition named like the block's first one; the same kind is
 * preferred (a class `Parser` over a function `Parser`), then the first in the document.
 * Undefined when the block's language is plainly another one, or nothing matches.
 */
export async function locateBlock(document: string, documentLanguage: string, code: string, blockLanguage?: string): Promise<LineRegion | undefined> {
  if (blockLanguage && !sameFamily(languageIdOf(blockLanguage, documentLanguage), documentLanguage)) return undefined;
  const wanted = await firstDefinition(code, documentLanguage);
  if (!wanted) return undefined;
  const tree = parseSync(document, documentLanguage);
  if (!tree) return undefined;
  try {
    const named = allDefinitions(tree.root).filter((d) => d.name === wanted.name);
    const target: Definition | undefined = named.find((d) => family(d.kind) === family(wanted.kind)) ?? named[0];
    if (!target) return undefined;
    const { start, end } = definitionLines(tree, target, wanted.withComments);
    return { startLine: start, endLine: end, kind: target.kind, symbol: wanted.name };
  } finally {
    tree.dispose();
  }
}

/** Functions and methods are one family: a block may define as a function what the file has as a method. */
function family(kind: DefinitionKind): string {
  return kind === "class" ? "class" : "function";
}

/** True when a block tagged with `blockLanguage` can belong in a document of `documentLanguage`. */
function sameFamily(blockLanguage: string, documentLanguage: string): boolean {
  if (blockLanguage === documentLanguage) return true;
  const a = grammarFor(blockLanguage);
  const b = grammarFor(documentLanguage);
  if (!a || !b) return false;
  const scripts = new Set(["javascript", "typescript", "tsx"]);
  return a === b || (scripts.has(a) && scripts.has(b));
}

/** Removes the indentation every non-blank line shares, so a method copied from a class parses on its own. */
export function dedent(code: string): string {
  const lines = code.replace(/\r\n/g, "\n").split("\n");
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(common, /^[ \t]*/.exec(l)![0].length))).join("\n");
}
