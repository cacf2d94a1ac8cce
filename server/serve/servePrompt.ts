import type { LocalModel } from "../engine/llama";
import { specialTokenNames, type PromptPiece, type SpecialTokenName } from "../engine/types";
import { MAX_CHARS_PER_TOKEN, tokenizePieces } from "../engine/tokenizePieces";


/**
 * Turns prompt pieces into token ids that fit in `room` tokens, as llama-server does with a
 * prompt longer than its context: instead of refusing it, the longest text pieces are cut until
 * it fits. A text piece right after a `fimSuffix` token (the code after the cursor) keeps its
 * start; every other text keeps its end, the part next to where generation starts. Special
 * tokens are never cut. `truncated` says whether anything was.
 */
export function fitPieces(local: LocalModel, prompt: readonly PromptPiece[], room: number): { tokens: number[]; truncated: boolean } {
  const limit = Math.max(1, room);
  const chars = limit * MAX_CHARS_PER_TOKEN;
  let truncated = false;
  const parts = prompt.map((piece, i) => {
    if (typeof piece !== "string") return { ids: tokenizePieces(local, [piece]), cuttable: false, keepStart: false };
    const previous = prompt[i - 1];
    const keepStart = typeof previous === "object" && previous.token === "fimSuffix";
    if (piece.length > chars) truncated = true;
    const text = piece.length <= chars ? piece : keepStart ? piece.slice(0, chars) : piece.slice(piece.length - chars);
    return { ids: tokenizePieces(local, [text]), cuttable: true, keepStart };
  });
  let total = parts.reduce((n, p) => n + p.ids.length, 0);
  while (total > limit) {
    const longest = parts.filter((p) => p.cuttable && p.ids.length > 0).sort((a, b) => b.ids.length - a.ids.length)[0];
    if (!longest) break;
    const drop = Math.min(longest.ids.length, total - limit);
    longest.ids = longest.keepStart ? longest.ids.slice(0, longest.ids.length - drop) : longest.ids.slice(drop);
    total -= drop;
    truncated = true;
  }
  const tokens: number[] = [];
  for (const part of parts) for (const id of part.ids) tokens.push(id);
  return { tokens, truncated };
}

/** The model's special-token texts by name (`fimPrefix` → `<|fim_prefix|>`), for clients that send text prompts. */
export function specialTokenTexts(local: LocalModel): Partial<Record<SpecialTokenName, string>> {
  const out: Partial<Record<SpecialTokenName, string>> = {};
  for (const name of specialTokenNames) {
    const text = local.specialTokenText(name);
    if (text) out[name] = text;
  }
  return out;
}

/**
 * Splits a text prompt from a generic OpenAI client at the model's special-token texts, as
 * llama-server does: a client that writes `<|fim_prefix|>` into its prompt means the token.
 * Enclave's own client never relies on this; it sends structured pieces.
 */
export function textToPieces(text: string, specials: Partial<Record<SpecialTokenName, string>>): PromptPiece[] {
  const entries = Object.entries(specials).filter(([, t]) => t) as Array<[SpecialTokenName, string]>;
  const pieces: PromptPiece[] = [];
  let rest = text;
  while (rest) {
    let best: { at: number; name: SpecialTokenName; text: string } | undefined;
    for (const [name, t] of entries) {
      const at = rest.indexOf(t);
      if (at >= 0 && (!best || at < best.at || (at === best.at && t.length > best.text.length))) best = { at, name, text: t };
    }
    if (!best) {
      pieces.push(rest);
      break;
    }
    if (best.at > 0) pieces.push(rest.slice(0, best.at));
    pieces.push({ token: best.name });
    rest = rest.slice(best.at + best.text.length);
  }
  return pieces;
}

/** Validates the `enclave_prompt` extension field: strings and `{ token }` objects naming known tokens. */
export function parsePieces(value: unknown): PromptPiece[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const pieces: PromptPiece[] = [];
  for (const item of value) {
    if (typeof item === "string") pieces.push(item);
    else if (item && typeof item === "object" && (specialTokenNames as readonly string[]).includes((item as { token?: string }).token ?? "")) pieces.push({ token: (item as { token: SpecialTokenName }).token });
    else return undefined;
  }
  return pieces;
}
