/**
 * Fill-in-the-middle prompt templates, as data. Each template names the model's own special
 * tokens (the engine maps `{ token: "fimPrefix" }` to the id stored in the GGUF metadata) and
 * says where the prompt's parts go. Placeholders in literal text:
 *
 *   {repo}     the repository (workspace) name        {path}  the file's path in the repository
 *   {context}  every extra-context file, rendered with `contextFile`
 *   {prefix}   the lines above the cursor's line (a fixed token budget, sticky across keystrokes)
 *   {suffix}   the rest of the cursor's line and the lines below it (a fixed token budget)
 *   {line}     the cursor's line up to the cursor: the only part that changes while typing
 *   {text}     (contextFile only) the text of one context chunk
 *   {comment}  (contextFile only) the language's line-comment marker, for `# path` headers
 *
 * The layout rule every template follows: `{line}` ends the last piece, so typing only appends
 * to the prompt and the engine's KV prefix reuse evaluates just the new tokens. Byte-level BPE
 * models get `{line}` as a piece of its own (tokenized apart, so earlier tokens never change);
 * SentencePiece models (CodeLlama, Codestral) get it joined to the prefix, because their
 * tokenizer puts a space in front of every separately tokenized piece.
 */
import type { PromptPiece, SpecialTokenName } from "../engine/types";

export type TemplatePiece = PromptPiece;

export interface FimTemplate {
  readonly id: string;
  readonly label: string;
  /** Matched against the model's name and file path to pick this template. */
  readonly match?: RegExp;
  /** Special tokens the model must define for this template to work. */
  readonly requires: readonly SpecialTokenName[];
  /** "psm": prefix, suffix, then middle; "spm": suffix first, the prefix runs into the cursor. */
  readonly order: "psm" | "spm";
  /** Rendered once before the files (repository-level formats), when there is extra context. */
  readonly repoHeader?: readonly TemplatePiece[];
  /** How one extra-context chunk is written. */
  readonly contextFile: readonly TemplatePiece[];
  /** The whole prompt; its last piece must end with "{line}". */
  readonly frame: readonly TemplatePiece[];
  /** Text that ends a suggestion when the model writes it (besides end-of-generation tokens). */
  readonly stop: readonly string[];
}

const tok = (token: SpecialTokenName): TemplatePiece => ({ token });
const commentedFile: readonly TemplatePiece[] = ["{comment} {path}\n{text}\n\n"];

/**
 * Qwen2.5-Coder's repository-level form, from its technical report:
 * `<|repo_name|>repo\n<|file_sep|>a.py\n...\n<|file_sep|>b.py\n<|fim_prefix|>…<|fim_suffix|>…<|fim_middle|>`.
 * llama.cpp's own /infill builds the same shape whenever a model has the repo and file-separator
 * tokens, so it is also the default for unknown models that have them.
 */
export const qwenRepoTemplate: FimTemplate = {
  id: "qwen2.5-coder",
  label: "Qwen2.5-Coder (repository-level FIM)",
  match: /qwen/i,
  requires: ["fimPrefix", "fimSuffix", "fimMiddle", "fimRepo", "fimFileSep"],
  order: "psm",
  repoHeader: [tok("fimRepo"), "{repo}\n"],
  contextFile: [tok("fimFileSep"), "{path}\n{text}\n"],
  frame: ["{context}", tok("fimFileSep"), "{path}\n", tok("fimPrefix"), "{prefix}", tok("fimSuffix"), "{suffix}", tok("fimMiddle"), "{line}"],
  stop: [],
};

/**
 * StarCoder2's repository form (StarCoder2 paper, section 5): the FIM file's path goes right
 * after `<fim_prefix>`, and files are separated by `<file_sep>` without trailing newlines.
 */
export const starCoder2Template: FimTemplate = {
  id: "starcoder2",
  label: "StarCoder2 (repository-level FIM)",
  match: /starcoder/i,
  requires: ["fimPrefix", "fimSuffix", "fimMiddle", "fimRepo", "fimFileSep"],
  order: "psm",
  repoHeader: [tok("fimRepo"), "{repo}"],
  contextFile: [tok("fimFileSep"), "{path}\n{text}"],
  frame: ["{context}", tok("fimFileSep"), tok("fimPrefix"), "{path}\n{prefix}", tok("fimSuffix"), "{suffix}", tok("fimMiddle"), "{line}"],
  stop: [],
};

/**
 * DeepSeek-Coder: `<｜fim▁begin｜>prefix<｜fim▁hole｜>suffix<｜fim▁end｜>` (llama.cpp maps these to
 * the prefix, suffix and middle ids). Its repository-level pretraining wrote other files as
 * `# path` comments before the code, so extra context goes there.
 */
export const deepSeekTemplate: FimTemplate = {
  id: "deepseek-coder",
  label: "DeepSeek-Coder",
  match: /deepseek/i,
  requires: ["fimPrefix", "fimSuffix", "fimMiddle"],
  order: "psm",
  contextFile: commentedFile,
  frame: [tok("fimPrefix"), "{context}{comment} {path}\n{prefix}", tok("fimSuffix"), "{suffix}", tok("fimMiddle"), "{line}"],
  stop: [],
};

/**
 * CodeLlama in its suffix-prefix-middle mode (`<PRE> <SUF>{suffix} <MID> {prefix}` in Meta's
 * reference code), which it was trained on alongside PSM: the prefix then runs straight into
 * the text at the cursor, so it needs no middle-token trick.
 */
export const codeLlamaTemplate: FimTemplate = {
  id: "codellama",
  label: "CodeLlama (SPM)",
  match: /code[-_ ]?llama/i,
  requires: ["bos", "fimPrefix", "fimSuffix", "fimMiddle"],
  order: "spm",
  contextFile: commentedFile,
  frame: [tok("bos"), tok("fimPrefix"), tok("fimSuffix"), "{suffix}", tok("fimMiddle"), "{context}{prefix}{line}"],
  stop: ["<EOT>"],
};

/**
 * Codestral: `[SUFFIX]{suffix}[PREFIX]{prefix}` and the model writes the middle directly (it
 * has no middle token). Works when the GGUF names [SUFFIX]/[PREFIX] as its FIM tokens.
 */
export const codestralTemplate: FimTemplate = {
  id: "codestral",
  label: "Codestral (SPM)",
  match: /codestral/i,
  requires: ["bos", "fimPrefix", "fimSuffix"],
  order: "spm",
  contextFile: commentedFile,
  frame: [tok("bos"), tok("fimSuffix"), "{suffix}", tok("fimPrefix"), "{context}{prefix}{line}"],
  stop: ["[PREFIX]", "[SUFFIX]"],
};

/** Any other model with prefix/suffix/middle tokens: plain PSM with commented context files. */
export const genericTemplate: FimTemplate = {
  id: "generic",
  label: "generic FIM (PSM)",
  requires: ["fimPrefix", "fimSuffix", "fimMiddle"],
  order: "psm",
  contextFile: commentedFile,
  frame: [tok("fimPrefix"), "{context}{prefix}", tok("fimSuffix"), "{suffix}", tok("fimMiddle"), "{line}"],
  stop: [],
};

/** Named templates first (matched by model name), then the fallbacks in order of preference. */
export const namedTemplates: readonly FimTemplate[] = [qwenRepoTemplate, starCoder2Template, deepSeekTemplate, codeLlamaTemplate, codestralTemplate];
export const fallbackTemplates: readonly FimTemplate[] = [qwenRepoTemplate, genericTemplate];
