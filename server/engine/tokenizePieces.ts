import type { LocalModel } from "./llama";
import { MissingTokenError } from "./errors";
import type { PromptPiece } from "./types";

/**
 * No token is longer than this many characters in the vocabularies Enclave runs (long whitespace
 * runs are the longest): text is cut to `budget * MAX_CHARS_PER_TOKEN` before it is counted, so a
 * megabyte line is never tokenized whole.
 */
export const MAX_CHARS_PER_TOKEN = 16;

/**
 * Turns prompt pieces into token ids: plain strings are tokenized with special tokens disabled,
 * so user code cannot smuggle in control tokens; `{ token }` pieces become the model's own ids.
 * The in-process engine and `enclave serve` both call this one function, so a prompt is the same
 * tokens whichever way it arrives. Ids are appended one by one: spreading a huge array into
 * `push` overflows the call stack.
 */
export function tokenizePieces(local: Pick<LocalModel, "tokenize" | "specialToken" | "info">, prompt: readonly PromptPiece[]): number[] {
  const tokens: number[] = [];
  for (const piece of prompt) {
    if (typeof piece === "string") {
      if (!piece) continue;
      for (const id of local.tokenize(piece)) tokens.push(id);
      continue;
    }
    const id = local.specialToken(piece.token);
    if (id === undefined) throw new MissingTokenError(piece.token, local.info.name);
    tokens.push(id);
  }
  return tokens;
}
