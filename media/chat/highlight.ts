/**
 * Syntax highlighting for code blocks with highlight.js core and only the languages a code
 * assistant meets daily, which keeps the webview bundle small.
 */
import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import c from "highlight.js/lib/languages/c";
import cpp from "highlight.js/lib/languages/cpp";
import csharp from "highlight.js/lib/languages/csharp";
import css from "highlight.js/lib/languages/css";
import diff from "highlight.js/lib/languages/diff";
import go from "highlight.js/lib/languages/go";
import java from "highlight.js/lib/languages/java";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import php from "highlight.js/lib/languages/php";
import python from "highlight.js/lib/languages/python";
import rust from "highlight.js/lib/languages/rust";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";
import { languageIdOf } from "./languages";

const grammars = { bash, c, cpp, csharp, css, diff, go, java, javascript, json, php, python, rust, sql, typescript, xml, yaml };
for (const [name, grammar] of Object.entries(grammars)) hljs.registerLanguage(name, grammar);

/** VS Code language ids whose highlight.js grammar has another name. */
const grammarOf: Record<string, string> = {
  javascriptreact: "javascript", typescriptreact: "typescript", shellscript: "bash", html: "xml", jsonc: "json",
};

/** Highlighted HTML for code in the fence language `tag`; plain escaped text when the language is unknown. */
export function highlightCode(code: string, tag: string): string {
  const id = languageIdOf(tag, "");
  const grammar = grammarOf[id] ?? id;
  if (grammar && hljs.getLanguage(grammar)) return hljs.highlight(code, { language: grammar, ignoreIllegals: true }).value;
  return escapeHtml(code);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}
