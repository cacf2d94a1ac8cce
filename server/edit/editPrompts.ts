/**
 * The words an inline edit says to the model, as data: one template per model family, picked by
 * the model's name like the completion templates. Placeholders:
 *
 *   {path}      the file's path in the workspace      {language}  the VS Code language id
 *   {fence}     the fence tag for the language       {before}    code above the region (budgeted)
 *   {after}     code below the region (budgeted)     {region}    the region to rewrite
 *   {instruction} the user's words, a chat block to merge, or a diagnostic to fix
 *   {line}      (fix) the 1-based line of the diagnostic
 *
 * The layout serves the KV cache: everything that depends only on the file and where the region
 * is (system text, path, code before and after) comes first, then the region, then the task. A
 * follow-up adds the previous answer and the new instruction after all of it, so the edit
 * sequence re-evaluates only those; a part whose placeholder is empty is left out whole.
 */

export type EditMode = "rewrite" | "merge" | "fix";

export interface EditTemplate {
  readonly id: string;
  /** Matched against the model's name and file name; the first match wins, the last template is the default. */
  readonly match?: RegExp;
  /** False for chat templates without a system role (Gemma): the system text then opens the first user message. */
  readonly systemRole: boolean;
  readonly system: string;
  /** The first user message, as parts joined in order; a part with an empty placeholder is dropped. */
  readonly context: readonly string[];
  /** The task that ends the first user message, per mode. */
  readonly task: Readonly<Record<EditMode, string>>;
  /** How an earlier round's result is written back as the assistant's answer. */
  readonly answer: string;
  /** The user message of a follow-up round. */
  readonly followUp: string;
}

/** The rule every template ends a task with: the answer is the region alone, inside one fence. */
const ANSWER_RULE = "Answer with the complete rewritten region only, inside one ```{fence} code fence, keeping its indentation. No explanation.";

const SYSTEM = [
  "You are Enclave, a code editor's assistant running on the user's machine.",
  "You rewrite one region of a file as asked and answer with the rewritten region in one fenced code block, nothing else.",
  "Keep everything the request does not ask to change exactly as it is. Write secure code.",
].join(" ");

const CONTEXT: readonly string[] = [
  "File: {path} ({language})\n\n",
  "Code above the region:\n```{fence}\n{before}```\n\n",
  "Code below the region:\n```{fence}\n{after}```\n\n",
  "The region to rewrite:\n```{fence}\n{region}```\n\n",
];

const TASK: Readonly<Record<EditMode, string>> = {
  rewrite: `Rewrite the region: {instruction}\n\n${ANSWER_RULE}`,
  merge: `Merge this code into the region, replacing what it redefines and keeping the rest:\n\`\`\`{fence}\n{instruction}\n\`\`\`\n\n${ANSWER_RULE}`,
  fix: `Fix this problem reported at line {line}: {instruction}\n\n${ANSWER_RULE}`,
};

/** The common shape, for ChatML (Qwen), Llama 3, DeepSeek-Coder, Mistral, CodeLlama and unknown models. */
export const defaultEditTemplate: EditTemplate = {
  id: "default",
  systemRole: true,
  system: SYSTEM,
  context: CONTEXT,
  task: TASK,
  answer: "```{fence}\n{region}```",
  followUp: `Now change it further: {instruction}\n\n${ANSWER_RULE}`,
};

/** Gemma's chat template has no system role; the same words open the user message instead. */
export const gemmaEditTemplate: EditTemplate = { ...defaultEditTemplate, id: "gemma", match: /gemma/i, systemRole: false };

/** Named templates first, the default last. */
export const editTemplates: readonly EditTemplate[] = [gemmaEditTemplate, defaultEditTemplate];

/** The template for a model, by its name or file name. */
export function pickEditTemplate(model: { readonly name: string; readonly path: string }): EditTemplate {
  const file = model.path.split(/[\\/]/).pop() ?? "";
  return editTemplates.find((t) => t.match && (t.match.test(model.name) || t.match.test(file))) ?? defaultEditTemplate;
}

/** Fills `{placeholders}`; unknown ones stay as written. */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.prototype.hasOwnProperty.call(values, key) ? values[key]! : whole));
}
