/**
 * Finds the fenced code blocks of a Markdown answer, numbered in order. The host uses it to scan
 * each block with Shield as soon as its closing fence has streamed in, and the webview to render
 * the same blocks with their buttons, so both sides agree on what "block 2" is. Fences may be
 * indented (inside a numbered list, say); their indentation is removed from the code.
 */

export interface MarkdownSegment {
  readonly kind: "markdown";
  readonly text: string;
}

export interface CodeSegment {
  readonly kind: "code";
  readonly index: number;
  /** The first word of the info string, lower case ("python", "ts", ""). */
  readonly lang: string;
  readonly code: string;
  /** True once the closing fence is there; an unclosed block is still streaming (or cut short). */
  readonly closed: boolean;
}

export type Segment = MarkdownSegment | CodeSegment;

const OPENING = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;

/** Splits Markdown into prose and code blocks, in order. */
export function splitMarkdown(text: string): Segment[] {
  const lines = text.split("\n");
  const out: Segment[] = [];
  let prose: string[] = [];
  let index = 0;
  const flush = (): void => {
    if (prose.length && prose.some((l) => l.trim())) out.push({ kind: "markdown", text: prose.join("\n") });
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(lines[i]!);
    if (!open) {
      prose.push(lines[i]!);
      continue;
    }
    const indent = open[1]!.length;
    const fence = open[2]!;
    const code: string[] = [];
    let closed = false;
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (isClosingFence(lines[j]!, fence)) {
        closed = true;
        break;
      }
      code.push(dedent(lines[j]!, indent));
    }
    flush();
    out.push({ kind: "code", index: index++, lang: open[3]!.toLowerCase(), code: code.join("\n"), closed });
    i = j;
  }
  flush();
  return out;
}

/** Only the code blocks of an answer. */
export function codeBlocksOf(text: string): CodeSegment[] {
  return splitMarkdown(text).filter((s): s is CodeSegment => s.kind === "code");
}

function isClosingFence(line: string, fence: string): boolean {
  const match = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
  return !!match && match[1]![0] === fence[0] && match[1]!.length >= fence.length;
}

/** Removes up to `width` leading spaces, as CommonMark does for indented fences. */
function dedent(line: string, width: number): string {
  let i = 0;
  while (i < width && line[i] === " ") i++;
  return line.slice(i);
}
