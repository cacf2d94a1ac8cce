/**
 * Identifier-aware tokenizing for the keyword index. Code names glue words together
 * (`getUserById`, `user_id`, `HTTPServer`), and a question says "get user by id", so each
 * identifier is kept whole and also split into its words. The same function tokenizes the
 * indexed chunks and the queries, so both sides always agree on what a term is.
 */

/** Runs of letters and digits; everything else (punctuation, operators, spaces) separates. */
const WORD = /[\p{L}\p{N}_$]+/gu;

/**
 * The words inside one identifier: camelCase, PascalCase, snake_case, kebab pieces, acronyms
 * (`HTTPServer` → http, server) and digits kept with their letters (`utf8` stays one word).
 */
export function identifierParts(identifier: string): string[] {
  const parts: string[] = [];
  for (const piece of identifier.split(/[_$]+/)) {
    if (!piece) continue;
    const words = piece.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+[0-9]*|[0-9]+|[^\x00-\x7F]+/g) ?? [piece];
    for (const word of words) parts.push(word.toLowerCase());
  }
  return parts;
}

/**
 * The terms of a text: every identifier lower-cased, followed by its parts when it has more
 * than one. Single characters are dropped: they match nearly every chunk and rank nothing.
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const whole = match[0];
    const lower = whole.toLowerCase().replace(/^[_$]+|[_$]+$/g, "");
    if (lower.length > 1) terms.push(lower);
    const parts = identifierParts(whole);
    if (parts.length > 1) for (const part of parts) if (part.length > 1) terms.push(part);
  }
  return terms;
}

/**
 * Folds a plural onto its singular (`headers` → header, `entries` → entry), because a question
 * says "parse the headers" of a function named `parse_header`. Only this one rule: a real
 * stemmer also merges words of different meaning in code (`process`, `class`, `status`).
 */
export function stemTerm(term: string): string {
  if (term.length > 4 && term.endsWith("ies")) return `${term.slice(0, -3)}y`;
  if (term.length > 2 && term.endsWith("s") && !/(ss|us|is)$/.test(term)) return term.slice(0, -1);
  return term;
}
