/**
 * The line-comment marker of a language, used to write `# path` / `// path` headers above
 * extra-context files for models whose pretraining saw repositories that way.
 */
const hash = new Set(["python", "ruby", "shellscript", "perl", "r", "yaml", "toml", "makefile", "dockerfile", "powershell", "elixir", "julia", "nim", "coffeescript"]);
const dashes = new Set(["sql", "lua", "haskell", "ada", "elm"]);

export function commentMarker(languageId: string): string {
  if (hash.has(languageId)) return "#";
  if (dashes.has(languageId)) return "--";
  return "//";
}
