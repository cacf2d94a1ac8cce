/**
 * Adds an import a quick fix needs (`import ast`, `#include <stdio.h>`,
 * `import java.security.SecureRandom;`) where a person would put it: after the file's last
 * top-level import, or after its header (package line, `<?php`, shebang, module docstring) when
 * it has none. A fix that uses a module without importing it leaves code that crashes, so every
 * deterministic fix carries its imports and this places them.
 */
import type { ShieldEdit } from "./scanner";

interface ImportStyle {
  /** A top-level line that is an import (the new one goes after the last of them). */
  readonly importLine: RegExp;
  /** Lines that must stay above everything else (package, `<?php`, shebang, encoding). */
  readonly header?: RegExp;
}

const styles: Readonly<Record<string, ImportStyle>> = {
  python: { importLine: /^(?:import\s|from\s+\S+\s+import\s)/, header: /^(?:#!|#.*coding[:=])/ },
  java: { importLine: /^import\s/, header: /^package\s/ },
  c: { importLine: /^#\s*include\b/ },
  cpp: { importLine: /^#\s*include\b/ },
  csharp: { importLine: /^using\s+[\w.]+\s*;/ },
  javascript: { importLine: /^(?:import\s|(?:const|let|var)\s+.*=\s*require\()/, header: /^(?:#!|["']use strict["'])/ },
  typescript: { importLine: /^(?:import\s|(?:const|let|var)\s+.*=\s*require\()/, header: /^(?:#!|["']use strict["'])/ },
  php: { importLine: /^use\s/, header: /^(?:<\?php|namespace\s|declare\s*\()/ },
  rust: { importLine: /^(?:pub\s+)?use\s/ },
  go: { importLine: /^import\s/, header: /^package\s/ },
};
const aliases: Readonly<Record<string, string>> = { javascriptreact: "javascript", typescriptreact: "typescript" };

function styleFor(languageId: string): ImportStyle | undefined {
  return styles[aliases[languageId] ?? languageId];
}

/** True when the text already has this import line (ignoring surrounding spaces). */
export function hasImport(lines: readonly string[], importText: string): boolean {
  const wanted = importText.trim();
  return lines.some((l) => l.trim() === wanted);
}

/** The 0-based line before which a new import goes, and whether it follows other imports. */
export function importLineFor(lines: readonly string[], languageId: string): { line: number; afterImports: boolean } {
  const style = styleFor(languageId);
  if (!style) return { line: 0, afterImports: false };
  let lastImport = -1;
  let afterHeader = 0;
  // A header line counts only at the top of the file: a `# coding:` comment or a `declare(` deep
  // in the code is not one, and an import placed after it could land inside a function.
  let inHeader = true;
  // Python: the quote of a triple-quoted string still open, whose lines (`import x` in a usage
  // example, say) are text, not statements; an import put after one would land in the string.
  let openString: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (openString) {
      if (line.includes(openString)) openString = undefined;
      continue;
    }
    if (languageId === "python") openString = opensString(line);
    if (openString) {
      inHeader = false;
    } else if (style.importLine.test(line)) {
      lastImport = endOfStatement(lines, i);
      i = lastImport;
    } else if (inHeader && style.header?.test(line)) {
      afterHeader = i + 1;
    } else if (!/^\s*(?:$|#|\/\/|\/\*|\*)/.test(line)) {
      inHeader = false;
    }
  }
  if (lastImport >= 0) return { line: lastImport + 1, afterImports: true };
  return { line: languageId === "python" ? afterDocstring(lines, afterHeader) : afterHeader, afterImports: false };
}

/** The triple quote a Python line leaves open (an odd number of them on the line), if any. */
function opensString(line: string): string | undefined {
  for (const quote of ['"""', "'''"]) if (line.split(quote).length % 2 === 0) return quote;
  return undefined;
}

/** The last line of a statement that starts on `start`: a parenthesised import may span lines. */
function endOfStatement(lines: readonly string[], start: number): number {
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    for (const ch of lines[i]!) {
      if (ch === "(" || ch === "{") depth++;
      else if ((ch === ")" || ch === "}") && depth > 0) depth--;
    }
    if (depth === 0 && !/\\\s*$/.test(lines[i]!)) return i;
  }
  return lines.length - 1;
}

/** Skips a Python module docstring (and the comment lines before it) that starts at `from`. */
function afterDocstring(lines: readonly string[], from: number): number {
  let i = from;
  while (i < lines.length && /^\s*(?:#.*)?$/.test(lines[i]!)) i++;
  const first = lines[i];
  const quote = first === undefined ? undefined : /^[rRuU]?("""|''')/.exec(first)?.[1];
  if (!quote) return from;
  const opened = first!.indexOf(quote);
  if (first!.indexOf(quote, opened + 3) >= 0) return i + 1;
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.includes(quote)) return j + 1;
  return from;
}

/**
 * The edit that adds the missing ones of `imports` to `text`, or undefined when all are there.
 * The edit is an insertion at the start of a line, so it never overlaps the fix itself.
 */
export function importEdit(text: string, languageId: string, imports: readonly string[]): ShieldEdit | undefined {
  // A byte order mark is not part of the first line: `\uFEFFpackage p;` is still the package
  // line, and an import goes after the mark, never before it (mid-file it breaks the code).
  const bom = text.startsWith("\uFEFF") ? 1 : 0;
  const lines = text.slice(bom).split(/\r?\n/);
  const missing = imports.filter((i, n) => !hasImport(lines, i) && imports.indexOf(i) === n);
  if (missing.length === 0) return undefined;
  const { line: at, afterImports } = importLineFor(lines, languageId);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  if (at >= lines.length) {
    // The file ends in an import line with no newline after it.
    const last = lines.length - 1;
    const column = lines[last]!.length + (last === 0 ? bom : 0);
    return { line: last, column, endLine: last, endColumn: column, newText: missing.map((m) => eol + m).join("") };
  }
  // A file without imports gets a blank line between the new import and its code.
  const separator = !afterImports && lines[at]!.trim() !== "" ? eol : "";
  const column = at === 0 ? bom : 0;
  return { line: at, column, endLine: at, endColumn: column, newText: missing.map((m) => m + eol).join("") + separator };
}
