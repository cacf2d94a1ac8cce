/**
 * Turns the language tag of a code fence (`py`, `ts`, `c++`) into a VS Code language id, which
 * Shield scans by and new files are created with.
 */
const aliases: Record<string, string> = {
  py: "python", python3: "python", py3: "python",
  js: "javascript", mjs: "javascript", cjs: "javascript", node: "javascript", jsx: "javascriptreact",
  ts: "typescript", mts: "typescript", cts: "typescript", tsx: "typescriptreact",
  "c++": "cpp", cc: "cpp", cxx: "cpp", hpp: "cpp", hh: "cpp", h: "c",
  cs: "csharp", "c#": "csharp",
  sh: "shellscript", bash: "shellscript", shell: "shellscript", zsh: "shellscript", console: "shellscript",
  rs: "rust", golang: "go", yml: "yaml", md: "markdown", rb: "ruby", kt: "kotlin", ps1: "powershell",
  htm: "html", jsonc: "jsonc", dockerfile: "dockerfile", text: "plaintext", txt: "plaintext", plain: "plaintext",
};

/** A VS Code language id for a fence tag; `fallback` (the attached code's language) when the tag is empty. */
export function languageIdOf(tag: string, fallback = "plaintext"): string {
  const key = tag.trim().toLowerCase();
  if (!key) return fallback;
  return aliases[key] ?? key;
}
