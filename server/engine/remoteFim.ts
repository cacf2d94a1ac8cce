import type { RemoteServerKind } from "./remoteDetect";
import type { PromptPiece, SpecialTokenName } from "./types";

/**
 * How fill-in-the-middle prompts reach a remote server, chosen once when the engine connects:
 * - "pieces": `enclave serve` takes Enclave's prompt pieces as they are (`enclave_prompt`), so
 *   the remote prompt is token-for-token the in-process one, and user text never becomes a
 *   control token;
 * - "infill": llama-server's /infill builds the FIM prompt from the model's own token ids (a
 *   fallback: it trims the suffix by the typed text's length, so each keystroke re-evaluates it);
 * - "text": the pieces are written out with a model family's FIM token text (below) and sent
 *   to llama-server's /completion, Ollama's raw /api/generate or /v1/completions, which all
 *   tokenize it with special tokens on;
 * - "suffix": OpenAI's `prompt` + `suffix` fields (Ollama applies the model's own FIM template);
 * - "none": the remote model does no fill-in-the-middle; inline completions are off.
 */
export type FimMode =
  | { readonly kind: "pieces"; readonly tokens: Partial<Record<SpecialTokenName, string>> }
  | { readonly kind: "infill" }
  | { readonly kind: "text"; readonly family: FimFamily; readonly tokens: Partial<Record<SpecialTokenName, string>> }
  | { readonly kind: "suffix" }
  | { readonly kind: "none" };

/**
 * FIM token text per model family, from each family's tokenizer. BOS is left out on purpose:
 * servers add it themselves when they tokenize a prompt. CodeLlama's markers carry the spaces
 * its infill format puts around them (`<PRE> {prefix} <SUF>{suffix} <MID>`).
 */
export const fimFamilies = {
  qwen: { fimPrefix: "<|fim_prefix|>", fimSuffix: "<|fim_suffix|>", fimMiddle: "<|fim_middle|>", fimPad: "<|fim_pad|>", fimRepo: "<|repo_name|>", fimFileSep: "<|file_sep|>", eos: "<|endoftext|>" },
  codellama: { fimPrefix: "<PRE> ", fimSuffix: " <SUF>", fimMiddle: " <MID>", eos: "</s>" },
  starcoder: { fimPrefix: "<fim_prefix>", fimSuffix: "<fim_suffix>", fimMiddle: "<fim_middle>", fimPad: "<fim_pad>", fimRepo: "<repo_name>", fimFileSep: "<file_sep>", eos: "<|endoftext|>" },
  deepseek: { fimPrefix: "<｜fim▁begin｜>", fimSuffix: "<｜fim▁hole｜>", fimMiddle: "<｜fim▁end｜>", eos: "<｜end▁of▁sentence｜>" },
  codegemma: { fimPrefix: "<|fim_prefix|>", fimSuffix: "<|fim_suffix|>", fimMiddle: "<|fim_middle|>", fimFileSep: "<|file_separator|>", eos: "<eos>" },
} as const satisfies Record<string, Partial<Record<SpecialTokenName, string>>>;

export type FimFamily = keyof typeof fimFamilies;

/** Model-name patterns for `enclave.remote.fimTemplate: "auto"`, first match wins. */
const familyByName: ReadonlyArray<readonly [RegExp, FimFamily]> = [
  [/codegemma/i, "codegemma"],
  [/qwen/i, "qwen"],
  [/code-?llama/i, "codellama"],
  [/star-?coder|granite|refact/i, "starcoder"],
  [/deepseek/i, "deepseek"],
];

export type FimSetting = "auto" | "infill" | FimFamily | "openai-suffix" | "none";

/**
 * Picks the FIM mode from the setting, the kind of server and the remote model's name. For
 * llama-server, `probed` is the family whose FIM token text its /tokenize recognised: the
 * prompt then goes as text to /completion, and /infill is the fallback when none fits.
 */
export function chooseFimMode(setting: FimSetting, server: RemoteServerKind, model: string, serveTokens?: Partial<Record<SpecialTokenName, string>>,
  probed?: { family: FimFamily; tokens: Partial<Record<SpecialTokenName, string>> }): FimMode {
  if (setting === "none") return { kind: "none" };
  if (setting === "infill") return { kind: "infill" };
  if (setting === "openai-suffix") return { kind: "suffix" };
  if (setting !== "auto") return { kind: "text", family: setting, tokens: fimFamilies[setting] };
  if (server === "enclave") return serveTokens?.fimPrefix && serveTokens.fimSuffix && serveTokens.fimMiddle ? { kind: "pieces", tokens: serveTokens } : { kind: "none" };
  if (server === "llama-server") return probed ? { kind: "text", family: probed.family, tokens: probed.tokens } : { kind: "infill" };
  const family = familyByName.find(([pattern]) => pattern.test(model))?.[1];
  return family ? { kind: "text", family, tokens: fimFamilies[family] } : { kind: "none" };
}

/** The special tokens a mode can express, reported to features as the engine's vocabulary. */
export function fimVocabulary(mode: FimMode): Partial<Record<SpecialTokenName, true>> {
  const names: SpecialTokenName[] = mode.kind === "pieces" || mode.kind === "text" ? (Object.keys(mode.tokens) as SpecialTokenName[])
    : mode.kind === "infill" || mode.kind === "suffix" ? ["fimPrefix", "fimSuffix", "fimMiddle"] : [];
  return Object.fromEntries(names.map((n) => [n, true]));
}

/** Raised when a prompt needs a token the remote mode cannot express. */
export class RemotePromptError extends Error {}

/** Writes pieces as text with a family's token text (BOS is the server's to add). */
export function piecesToText(prompt: readonly PromptPiece[], tokens: Partial<Record<SpecialTokenName, string>>): string {
  return prompt.map((piece) => {
    if (typeof piece === "string") return piece;
    if (piece.token === "bos") return "";
    const text = tokens[piece.token];
    if (text === undefined) throw new RemotePromptError(`The remote model's FIM template has no ${piece.token} token; set enclave.remote.fimTemplate to the model's family.`);
    return text;
  }).join("");
}

/** The parts of a prefix-suffix-middle prompt: files before the prefix, prefix, suffix, and the text after the middle token. */
interface FimParts {
  readonly extra: Array<{ filename: string; text: string }>;
  readonly prefix: string;
  readonly suffix: string;
  readonly middle: string;
}

/**
 * Splits a PSM prompt into its parts; repository context before the prefix (`<file_sep>path\ntext`)
 * becomes llama-server's `input_extra`. Undefined when the prompt has another shape (suffix
 * first, say), so the caller can fall back to text.
 */
export function splitFimPrompt(prompt: readonly PromptPiece[]): FimParts | undefined {
  const at = (name: SpecialTokenName): number => prompt.findIndex((p) => typeof p !== "string" && p.token === name);
  const [pre, suf, mid] = [at("fimPrefix"), at("fimSuffix"), at("fimMiddle")];
  if (pre < 0 || !(pre < suf && suf < mid)) return undefined;
  const textOf = (from: number, to: number): string | undefined => {
    const slice = prompt.slice(from, to);
    return slice.every((p) => typeof p === "string") ? slice.join("") : undefined;
  };
  const [prefix, suffix, middle] = [textOf(pre + 1, suf), textOf(suf + 1, mid), textOf(mid + 1, prompt.length)];
  if (prefix === undefined || suffix === undefined || middle === undefined) return undefined;
  const extra: FimParts["extra"] = [];
  let current: string[] | undefined;
  const flush = (): void => {
    if (!current) return;
    const joined = current.join("");
    const newline = joined.indexOf("\n");
    const text = newline < 0 ? "" : joined.slice(newline + 1);
    if (text.trim()) extra.push({ filename: newline < 0 ? joined : joined.slice(0, newline), text });
    current = undefined;
  };
  for (const piece of prompt.slice(0, pre)) {
    if (typeof piece === "string") current?.push(piece);
    else if (piece.token === "fimFileSep") { flush(); current = []; }
    else { flush(); }
  }
  flush();
  return { extra, prefix, suffix, middle };
}
