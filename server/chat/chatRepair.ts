/**
 * The secure generation loop for chat: when a finished answer has a code block with an
 * error-severity Shield finding, the model is asked once more, with the finding as feedback, to
 * rewrite that block. When the rewrite scans clean it replaces the block in the answer and the
 * chat says so; otherwise the answer stays as it was and the editor's Shield warnings apply.
 * Blocks are found with the webview's own parser (media/chat/codeBlocks.ts), so "block 2" means
 * the same block on both sides.
 */
import { codeBlocksOf } from "../../media/chat/codeBlocks";
import { languageIdOf } from "../../media/chat/languages";
import type { ChatRepairNote } from "../../common/protocol";
import type { ChatMessage, Engine, GenerateResult } from "../engine/types";
import { findingTitle } from "../shield/findingTitle";
import { codeFromAnswer } from "../shield/fixWithModel";
import type { ShieldScanner } from "../shield/scanner";

/** The first block with an error-severity finding, as the feedback names it. */
export interface InsecureBlock extends ChatRepairNote {
  readonly code: string;
  readonly languageId: string;
}

/** Scans the closed blocks in order and returns the first one with an error-severity finding. */
export async function firstInsecureBlock(answer: string, scanner: ShieldScanner, fallbackLanguage: string): Promise<InsecureBlock | undefined> {
  for (const block of codeBlocksOf(answer)) {
    if (!block.closed) continue;
    const languageId = languageIdOf(block.lang, fallbackLanguage);
    if (!scanner.supports(languageId)) continue;
    const finding = (await scanner.scan(block.code, languageId)).find((f) => f.severity === "error");
    if (finding) return { block: block.index + 1, line: finding.line + 1, ruleId: finding.ruleId, cwe: finding.cwe, message: findingTitle(finding.cwe, finding.message), code: block.code, languageId };
  }
  return undefined;
}

/** The feedback turn: the block, the finding, and the shape of the answer. */
export function repairMessages(insecure: InsecureBlock): ChatMessage[] {
  return [
    { role: "system", content: "You fix security weaknesses in code. Answer with one fenced code block and nothing else." },
    {
      role: "user",
      content: `Shield, code block ${insecure.block}, line ${insecure.line}: ${insecure.message} [${insecure.ruleId}]; rewrite the block without it.\n\`\`\`${insecure.languageId}\n${insecure.code}\n\`\`\``,
    },
  ];
}

/** The answer with the code of block `block` (1-based) replaced; fences and their indentation stay. */
export function replaceBlock(answer: string, block: number, code: string): string {
  const lines = answer.split("\n");
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    let close = i + 1;
    while (close < lines.length && !new RegExp(`^\\s*${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`).test(lines[close]!)) close++;
    if (++seen === block) {
      const indent = open[1]!;
      const body = code.split("\n").map((l) => (l ? indent + l : l));
      return [...lines.slice(0, i + 1), ...body, ...lines.slice(close)].join("\n");
    }
    i = close;
  }
  return answer;
}

export interface ChatRepairOutcome {
  readonly text: string;
  readonly repaired?: ChatRepairNote;
  /** The repair generation, when there was one (for usage). */
  readonly result?: GenerateResult;
}

/** At most one repair turn for the answer's first insecure block. */
export async function repairChatAnswer(answer: string, engine: Engine, scanner: ShieldScanner, options: { signal: AbortSignal; maxTokens: number; fallbackLanguage: string }): Promise<ChatRepairOutcome> {
  const insecure = await firstInsecureBlock(answer, scanner, options.fallbackLanguage);
  if (!insecure || options.signal.aborted) return { text: answer };
  const result = await engine.chat({ messages: repairMessages(insecure), maxTokens: options.maxTokens, temperature: 0, signal: options.signal });
  if (options.signal.aborted) return { text: answer, result };
  // Only a fenced block counts as a rewrite: prose is never pasted into code.
  const code = /```/.test(result.text) ? codeFromAnswer(result.text) : undefined;
  if (!code) return { text: answer, result };
  const left = (await scanner.scan(code, insecure.languageId)).filter((f) => f.severity === "error");
  if (left.length > 0) return { text: answer, result };
  const { code: _code, languageId: _languageId, ...note } = insecure;
  return { text: replaceBlock(answer, insecure.block, code), repaired: note, result };
}
