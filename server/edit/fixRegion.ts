/**
 * The region a fix rewrites: the innermost statement around a finding or diagnostic, from the
 * problem's own range as it was reported (clients send it as it is: `enclave/edit/region` with
 * `fix` names these lines before the review opens, and `enclave/edit/start` in mode "fix" rewrites
 * them). Shared by Shield's "Fix with Enclave" and inline edit's "fix" mode.
 */
import type { ChatRange } from "../../common/protocol";
import { ensureLanguage, parseSync } from "../syntax/parser";
import type { SyntaxNode } from "../syntax/syntaxTypes";

/** Lines a rewrite may span at most; a bigger statement is cut to the finding's own lines. */
const MAX_REGION_LINES = 40;

export interface FixRegion {
  /** First and last line (0-based, inclusive) of the text to rewrite. */
  readonly startLine: number;
  readonly endLine: number;
  readonly text: string;
}

/** Node types that end the climb: a whole statement, declaration or definition. */
function isStatement(node: SyntaxNode): boolean {
  return /(?:statement|declaration|definition|assignment|declarator)$/.test(node.type) && node.parent !== null;
}

/**
 * The whole lines of the innermost statement around the finding, or the finding's own lines when
 * no statement encloses it within MAX_REGION_LINES.
 */
export async function fixRegion(text: string, languageId: string, range: ChatRange): Promise<FixRegion> {
  const lines = text.split("\n");
  let startLine = range.start.line;
  let endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  if (await ensureLanguage(languageId)) {
    const tree = parseSync(text, languageId);
    try {
      for (let n = tree?.nodeAt({ row: range.start.line, column: range.start.character }) ?? null; n; n = n.parent) {
        if (!isStatement(n)) continue;
        const r = tree!.rangeOf(n);
        if (r.end.row - r.start.row < MAX_REGION_LINES) {
          startLine = Math.min(startLine, r.start.row);
          endLine = Math.max(endLine, r.end.row);
        }
        break;
      }
    } finally {
      tree?.dispose();
    }
  }
  return { startLine, endLine, text: lines.slice(startLine, endLine + 1).join("\n") };
}
