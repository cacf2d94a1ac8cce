/**
 * Next-edit prompt formats, as data (like the FIM templates in server/completion/templates.ts).
 * A next-edit model was trained on one exact layout; a token out of place costs accuracy, so each
 * format below is written from its authors' public description and checked by a golden test.
 *
 * Placeholders:
 *   {path}            the file's path relative to the workspace folder
 *   {related}         related files, each rendered with `relatedFile` ({path}, {text})
 *   {edits}           recent edits, oldest first, each rendered with `recentEdit`
 *                     ({path}, {original}, {updated}, {diff}: a unified diff of the hunk)
 *   {original}        the editable window as it was before the latest edit
 *   {current}         the editable window as it is now
 *   {excerpt}         Zeta's excerpt: context, region markers and the cursor marker
 *
 * The KV layout rule holds as far as a trained format allows: related files and older edits come
 * first and only grow at their end; the window, which changes with every keystroke, comes last.
 */
import type { PromptPiece, SpecialTokenName } from "../engine/types";

export interface NextEditFormat {
  readonly id: "sweep" | "zeta" | "instruct";
  readonly label: string;
  /** Matched against the model's name and file path to pick this format. */
  readonly match?: RegExp;
  /** Special tokens the model must define. */
  readonly requires: readonly SpecialTokenName[];
  /** "completion": a raw prompt; "chat": system and user messages through the chat template. */
  readonly kind: "completion" | "chat";
  readonly relatedFile: readonly PromptPiece[];
  readonly recentEdit: readonly PromptPiece[];
  /** The raw prompt ("completion") or the user message ("chat"). */
  readonly frame: readonly PromptPiece[];
  /** The system message of a chat format. */
  readonly system?: string;
  /** Text that ends the answer besides end-of-generation tokens. */
  readonly stop: readonly string[];
  /** Where the rewritten window is in the answer. */
  readonly answer: "window" | "zetaRegion" | "fence";
}

const tok = (token: SpecialTokenName): PromptPiece => ({ token });

/**
 * Sweep Next-Edit (sweepai/sweep-next-edit-1.5B, Qwen2.5-Coder based), from its model card and
 * the authors' post "Open sourcing a 1.5B parameter Next-Edit Autocomplete Model"
 * (blog.sweep.dev/posts/oss-next-edit): Qwen2.5-Coder's own `<|file_sep|>` pretraining layout —
 * context files, then each recent change as `<|file_sep|>{path}.diff` with `original:` and
 * `updated:` blocks (they found plain original/updated blocks beat unified diffs), then the window
 * before the latest change as `original/{path}`, the window now as `current/{path}`, and an open
 * `updated/{path}` that the model completes. The answer ends at the next `<|file_sep|>` or
 * `<|endoftext|>` (end of generation).
 */
export const sweepFormat: NextEditFormat = {
  id: "sweep",
  label: "Sweep Next-Edit (original/current/updated)",
  match: /sweep/i,
  requires: ["fimFileSep"],
  kind: "completion",
  relatedFile: [tok("fimFileSep"), "{path}\n{text}\n"],
  recentEdit: [tok("fimFileSep"), "{path}.diff\noriginal:\n{original}\nupdated:\n{updated}\n"],
  frame: ["{related}", "{edits}", tok("fimFileSep"), "original/{path}\n{original}\n", tok("fimFileSep"), "current/{path}\n{current}\n", tok("fimFileSep"), "updated/{path}\n"],
  stop: ["<|file_sep|>", "<|endoftext|>"],
  answer: "window",
};

/**
 * Zed's Zeta (zed-industries/zeta, Qwen2.5-Coder-7B based), from its model card and dataset
 * and Zed's source (crates/zeta): an instruction header, the user's edits as
 * `User edited "{path}":` followed by a fenced unified diff, and the excerpt around the cursor in
 * a fence named after the file, with `<|editable_region_start|>`, `<|user_cursor_is_here|>` and
 * `<|editable_region_end|>` written as plain text (they are not special tokens in Zeta), and
 * `<|start_of_file|>` when the excerpt begins the file. The answer repeats the excerpt with the
 * region rewritten; the text between the region markers is the prediction.
 */
export const zetaFormat: NextEditFormat = {
  id: "zeta",
  label: "Zed Zeta (editable region)",
  match: /zeta/i,
  requires: [],
  kind: "completion",
  relatedFile: [],
  recentEdit: ['User edited "{path}":\n```diff\n{diff}\n```\n\n'],
  frame: [
    "### Instruction:\nYou are a code completion assistant and your task is to analyze user edits and then rewrite an excerpt that the user provides, suggesting the appropriate edits within the excerpt, taking into account the cursor location.\n\n",
    "### User Edits:\n\n{edits}",
    "### User Excerpt:\n\n```{path}\n{excerpt}\n```\n\n### Response:\n",
  ],
  stop: ["<|editable_region_end|>"],
  answer: "zetaRegion",
};

/**
 * For any chat model (the completion model when no next-edit model is set): the same facts in
 * plain words. The window carries a cursor marker and is the last thing in the message.
 */
export const instructFormat: NextEditFormat = {
  id: "instruct",
  label: "Generic instruction (chat models)",
  requires: [],
  kind: "chat",
  system:
    "You predict a programmer's next edit. Given their recent edits and the code around their cursor, rewrite that code the way they will most likely change it next (finish a rename, update a call, a docstring or a test). Change nothing else. If nothing needs to change, repeat the code unchanged. Answer with the rewritten code only, in one code fence.",
  relatedFile: ["Related file {path}:\n```\n{text}\n```\n\n"],
  recentEdit: ["Edit in {path}:\nbefore:\n```\n{original}\n```\nafter:\n```\n{updated}\n```\n\n"],
  frame: ["{related}", "Recent edits, oldest first:\n\n{edits}", "Code around the cursor in {path} (the cursor is at <|cursor|>):\n```\n{current}\n```"],
  stop: [],
  answer: "fence",
};

export const nextEditFormats: readonly NextEditFormat[] = [sweepFormat, zetaFormat, instructFormat];

export const CURSOR_MARKER = "<|user_cursor_is_here|>";
export const REGION_START = "<|editable_region_start|>";
export const REGION_END = "<|editable_region_end|>";
export const START_OF_FILE = "<|start_of_file|>";
export const INSTRUCT_CURSOR = "<|cursor|>";
