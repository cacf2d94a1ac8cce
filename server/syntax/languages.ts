/**
 * Which tree-sitter grammar parses which VS Code language id. Kept apart from parser.ts so
 * that code which only needs the mapping (the CLI's extension table, the rule loader) does
 * not pull in the wasm runtime.
 */

/** Grammars shipped by @vscode/tree-sitter-wasm that Enclave uses. */
export const grammarNames = ["python", "javascript", "typescript", "tsx", "cpp", "c-sharp", "java", "php", "rust", "go"] as const;
export type GrammarName = (typeof grammarNames)[number];

const grammarByLanguage: Readonly<Record<string, GrammarName>> = {
  python: "python",
  // The javascript grammar understands JSX, so React files need no separate grammar.
  javascript: "javascript",
  javascriptreact: "javascript",
  typescript: "typescript",
  typescriptreact: "tsx",
  // There is no C grammar in the package; the C++ grammar parses nearly all C.
  c: "cpp",
  cpp: "cpp",
  csharp: "c-sharp",
  java: "java",
  php: "php",
  rust: "rust",
  go: "go",
};

/** VS Code language ids that have a grammar. */
export const supportedLanguageIds: readonly string[] = Object.keys(grammarByLanguage);

/** The grammar for a VS Code language id, or undefined when Enclave cannot parse it. */
export function grammarFor(languageId: string): GrammarName | undefined {
  return Object.prototype.hasOwnProperty.call(grammarByLanguage, languageId) ? grammarByLanguage[languageId] : undefined;
}

/**
 * Language ids implied by a rule's language list: a rule for javascript also covers
 * javascriptreact, and one for typescript covers typescriptreact, because JSX only adds syntax.
 */
export function expandRuleLanguages(languages: readonly string[]): string[] {
  const out = new Set<string>();
  for (const id of languages) {
    out.add(id);
    if (id === "javascript") out.add("javascriptreact");
    if (id === "typescript") out.add("typescriptreact");
  }
  return [...out];
}

/** File extension → VS Code language id, for the CLI and the rule examples. */
export const languageByExtension: Readonly<Record<string, string>> = {
  ".py": "python", ".pyw": "python",
  ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "javascriptreact",
  ".ts": "typescript", ".mts": "typescript", ".cts": "typescript", ".tsx": "typescriptreact",
  ".c": "c", ".h": "c",
  ".cc": "cpp", ".cpp": "cpp", ".cxx": "cpp", ".hpp": "cpp", ".hh": "cpp", ".hxx": "cpp",
  ".cs": "csharp", ".java": "java", ".php": "php", ".rs": "rust", ".go": "go",
};

/** The usual file extension of a language id, used to find a rule's example file. */
export const extensionByLanguage: Readonly<Record<string, string>> = {
  python: ".py", javascript: ".js", javascriptreact: ".jsx", typescript: ".ts", typescriptreact: ".tsx",
  c: ".c", cpp: ".cpp", csharp: ".cs", java: ".java", php: ".php", rust: ".rs", go: ".go",
};
