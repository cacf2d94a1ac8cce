import type { LocalModel } from "./llama";
import type { PromptPiece, SpecialTokenName } from "./types";

/** Raised when a prompt names a special token the model does not have (FIM on a chat-only model, say). */
export class MissingTokenError extends Error {
  constructor(readonly token: SpecialTokenName, model: string) {
    super(`The model ${model} has no ${token} token, so it cannot do this; choose a code model with fill-in-the-middle tokens.`);
    this.name = "MissingTokenError";
  }
}

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
