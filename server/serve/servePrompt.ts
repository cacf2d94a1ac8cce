import type { LocalModel } from "../engine/llama";
import { specialTokenNames, type PromptPiece, type SpecialTokenName } from "../engine/types";

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
