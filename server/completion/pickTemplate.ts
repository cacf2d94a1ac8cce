/**
 * Chooses the FIM template for a loaded model: a template named for the model's family when its
 * name or file says which family it is and it has the tokens that template needs, otherwise the
 * best fallback its tokens allow. A model without prefix/suffix/middle tokens gets a sentence
 * saying why inline completion cannot work with it and what to do instead.
 */
import type { ModelVocabulary } from "../engine/types";
import type { ModelInfo } from "../../common/protocol";
import { fallbackTemplates, namedTemplates, type FimTemplate } from "./templates";

export type TemplateChoice = { readonly template: FimTemplate; readonly problem?: undefined } | { readonly template?: undefined; readonly problem: string };

export function pickTemplate(model: ModelInfo, vocabulary: ModelVocabulary): TemplateChoice {
  const has = (template: FimTemplate): boolean => template.requires.every((name) => vocabulary.special[name]);
  const named = namedTemplates.find((t) => t.match && (t.match.test(model.name) || t.match.test(model.path.split(/[\\/]/).pop() ?? "")));
  if (named && has(named)) return { template: named };
  const fallback = fallbackTemplates.find(has);
  if (fallback) return { template: fallback };
  if (named && vocabulary.special.fimPrefix && vocabulary.special.fimSuffix) {
    const missing = named.requires.filter((name) => !vocabulary.special[name]).join(", ");
    return { problem: `The model ${model.name} looks like ${named.label}, but its GGUF file does not name the ${missing} token(s), so Enclave cannot build a fill-in-the-middle prompt for it. Use a GGUF conversion that carries the FIM token ids, or another code model (Enclave: Select Model).` };
  }
  return { problem: `The model ${model.name} has no fill-in-the-middle tokens, so it cannot write inline completions (chat still works). Choose a code model such as Qwen2.5-Coder with "Enclave: Select Model".` };
}
