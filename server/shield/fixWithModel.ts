/**
 * "Fix with Enclave": for a finding without a mechanical fix, the model rewrites the statement(s)
 * around it with the finding as the instruction. The answer replaces whole lines, is re-scanned,
 * and goes back to the client as a proposal to review as a diff; nothing is applied here. The
 * region and proposal shapes are deliberately plain so inline edit can reuse the review; the
 * region itself is found by server/edit/fixRegion.ts, which inline edit's "fix" mode uses too.
 */
import type { ChatRange, ProposedEdit, ShieldFinding } from "../../common/protocol";
import type { ChatMessage, Engine } from "../engine/types";
import { fixRegion, type FixRegion } from "../edit/fixRegion";
import { toWireFinding } from "./wireFinding";
import type { ShieldScanner } from "./scanner";

/** The instruction the model gets: the finding, the code, and the shape of the answer. */
export function fixMessages(languageId: string, region: FixRegion, finding: { ruleId: string; cwe: string; message: string }): ChatMessage[] {
  return [
    { role: "system", content: "You fix security weaknesses in code. Answer with one fenced code block that replaces the given code exactly, keeping its indentation and behaviour, and nothing else." },
    {
      role: "user",
      content: `Shield found ${finding.cwe} (${finding.ruleId}): ${finding.message}\nRewrite this ${languageId} code without it:\n\`\`\`${languageId}\n${region.text}\n\`\`\``,
    },
  ];
}

/** The first fenced code block of an answer, or the whole answer when it has none. */
export function codeFromAnswer(answer: string): string | undefined {
  const m = /```[^\n]*\n([\s\S]*?)(?:```|$)/.exec(answer);
  const code = (m ? m[1]! : answer).replace(/\s+$/, "");
  return code.trim() ? code : undefined;
}

/** Re-indents an answer to the region's indentation when the model dropped it. */
function keepIndent(code: string, region: FixRegion): string {
  const indent = /^[ \t]*/.exec(region.text)![0];
  if (!indent || code.startsWith(indent)) return code;
  return code.split("\n").map((l) => (l.trim() ? indent + l : l)).join("\n");
}

export interface FixWithModelInput {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly languageId: string;
  readonly range: ChatRange;
  readonly ruleId: string;
  readonly cwe: string;
  readonly message: string;
}

export interface FixWithModelOutcome {
  readonly proposal?: ProposedEdit;
  readonly remaining: readonly ShieldFinding[];
  readonly reason?: string;
}

/** Asks the model for a rewrite and re-scans the document as it would be with it applied. */
export async function fixWithModel(input: FixWithModelInput, engine: Engine, scanner: ShieldScanner, signal: AbortSignal, maxTokens = 512): Promise<FixWithModelOutcome> {
  const region = await fixRegion(input.text, input.languageId, input.range);
  const result = await engine.chat({ messages: fixMessages(input.languageId, region, input), maxTokens, temperature: 0, signal });
  if (signal.aborted) return { remaining: [], reason: "cancelled" };
  const code = codeFromAnswer(result.text);
  if (code === undefined) return { remaining: [], reason: "The model's answer had no code." };
  const newText = keepIndent(code, region);
  const lines = input.text.split("\n");
  const range: ChatRange = { start: { line: region.startLine, character: 0 }, end: { line: region.endLine, character: lines[region.endLine]!.length } };
  const after = [...lines.slice(0, region.startLine), newText, ...lines.slice(region.endLine + 1)].join("\n");
  const newEnd = region.startLine + newText.split("\n").length - 1;
  const remaining = (await scanner.scan(after, input.languageId)).filter((f) => f.line <= newEnd && f.endLine >= region.startLine).map(toWireFinding);
  return { proposal: { uri: input.uri, version: input.version, range, originalText: region.text, newText }, remaining };
}
