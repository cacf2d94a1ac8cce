/**
 * Cuts the rewritten region out of a model's answer, while it streams. Models are asked for the
 * region alone inside one code fence, but small ones add prose before or after it, forget the
 * fence, write a stray closing fence after unfenced code, run out of tokens inside the fence, or
 * drop the region's indentation. One parser serves both the stream and the final answer, so what
 * was streamed is always the start of the final text (the client draws the deltas in place).
 *
 * Only lines that are certainly code are released: complete lines inside the first fence. A line
 * still being written is never released (it could be the closing fence), blank lines wait for
 * the next code line (trailing blank lines before the fence are dropped), and an answer without
 * any fence is released only at the end, when it is known that no fence will come.
 */
import { closes, fenceOf, isPartialFence, type FenceLine } from "./fenceLine";

/** A first line of an unfenced answer that is prose about the code, not code. */
const PROSE_OPENER = /^\s*(here(?:'s| is| are)|sure|certainly|of course|okay|ok|below|i(?:'ve| have)|the (?:rewritten|updated|modified|fixed|refactored|new|merged|corrected))\b/i;

/** A line that reads as an English sentence: a capitalised word, then several plain words. */
const SENTENCE = /^\s*[A-Z][a-z']*(?: [a-z'(),]+){3,}/;

export interface EditAnswerParserOptions {
  /** The region being rewritten: its indentation is restored when the model dropped it. */
  readonly region: string;
  /** The document's line ending ("\n" or "\r\n"); every released line ends with it. */
  readonly eol?: string;
}

export class EditAnswerParser {
  private partial = "";
  private state: "preamble" | "code" | "after" = "preamble";
  private readonly preamble: string[] = [];
  private opener: FenceLine | undefined;
  private nested = 0;
  private heldBlank: string[] = [];
  private codeLines = 0;
  private shift: string | undefined;
  private fenceClosed = false;
  /** Set when a bare fence came after unfenced code: that fence was the end, the code is the preamble. */
  private unfencedCode = false;
  private readonly regionIndent: string;
  private readonly regionStartsBlank: boolean;
  private readonly eol: string;
  /** Everything released so far: the rewritten region up to now. */
  text = "";

  constructor(options: EditAnswerParserOptions) {
    const firstCode = options.region.split("\n").find((l) => l.trim() !== "") ?? "";
    this.regionIndent = /^[ \t]*/.exec(firstCode)![0];
    this.regionStartsBlank = /^[ \t]*\r?\n/.test(options.region);
    this.eol = options.eol ?? "\n";
  }

  /** True once a closing fence was seen: the code is complete (an answer cut off has none). */
  get closed(): boolean {
    return this.fenceClosed;
  }

  /** Takes the next piece of the answer; returns the lines it makes certain (maybe ""). */
  push(chunk: string): string {
    this.partial += chunk;
    let out = "";
    let newline = this.partial.indexOf("\n");
    while (newline >= 0) {
      out += this.line(this.partial.slice(0, newline).replace(/\r$/, ""));
      this.partial = this.partial.slice(newline + 1);
      newline = this.partial.indexOf("\n");
    }
    return this.release(out);
  }

  /**
   * Ends the answer; returns the lines not released yet. The unfinished last line counts as code
   * unless it may be a closing fence being written. Afterwards `text` is the whole rewrite.
   */
  finish(): string {
    let out = "";
    const last = this.partial.replace(/\r$/, "");
    this.partial = "";
    const closing = this.state === "code" && closes(last, this.opener!);
    if (closing || (last.trim() && !isPartialFence(last))) out += this.line(last);
    if (this.state === "preamble" || this.unfencedCode) {
      const lines = [...this.preamble];
      while (lines.length && (PROSE_OPENER.test(lines[0]!) || !lines[0]!.trim())) lines.shift();
      for (const l of lines) out += this.codeLine(l);
      this.state = "after";
    }
    this.heldBlank = [];
    return this.release(out);
  }

  private release(out: string): string {
    this.text += out;
    return out;
  }

  private line(line: string): string {
    switch (this.state) {
      case "preamble": {
        const fence = fenceOf(line);
        if (fence && !fence.info && this.preambleIsCode()) {
          // Unfenced code followed by a stray closing fence: the "opener" is really the end.
          this.unfencedCode = true;
          this.fenceClosed = true;
          this.state = "after";
        } else if (fence) {
          this.state = "code";
          this.opener = fence;
        } else {
          this.preamble.push(line);
        }
        return "";
      }
      case "code": {
        const opener = this.opener!;
        if (closes(line, opener)) {
          if (this.nested === 0) {
            this.state = "after";
            this.fenceClosed = true;
            return "";
          }
          this.nested--;
        } else {
          const inner = fenceOf(line);
          // A tagged fence inside the code opens a nested block (a Markdown example in a docstring).
          if (inner?.info && inner.fence[0] === opener.fence[0]) this.nested++;
        }
        return this.codeLine(line);
      }
      case "after":
        return "";
    }
  }

  /**
   * True when the lines before a bare fence read as code: there are some, the first is not an
   * introduction ("Here is ..."), none reads as a sentence, and the last does not announce what
   * follows with a colon or end like a sentence.
   */
  private preambleIsCode(): boolean {
    const lines = this.preamble.filter((l) => l.trim());
    return lines.length > 0 && !PROSE_OPENER.test(lines[0]!) && !lines.some((l) => SENTENCE.test(l)) && !/[:.]\s*$/.test(lines.at(-1)!);
  }

  /** One line of code: blank ones wait for the next code line; the first decides the re-indent. */
  private codeLine(line: string): string {
    if (!line.trim()) {
      if (this.codeLines > 0 || this.regionStartsBlank) this.heldBlank.push(line);
      return "";
    }
    if (this.shift === undefined) this.shift = this.reindent(/^[ \t]*/.exec(line)![0]);
    const blanks = this.heldBlank.map((l) => l + this.eol).join("");
    this.heldBlank = [];
    this.codeLines++;
    return blanks + this.shift + line + this.eol;
  }

  /** What to put in front of every line: the part of the region's indentation the model left out. */
  private reindent(answerIndent: string): string {
    if (answerIndent.length >= this.regionIndent.length) return "";
    return this.regionIndent.startsWith(answerIndent) ? this.regionIndent.slice(answerIndent.length) : "";
  }
}

/** The rewrite in a whole answer, or undefined when it holds no code. */
export function parseEditAnswer(answer: string, options: EditAnswerParserOptions): { readonly code?: string; readonly closed: boolean } {
  const parser = new EditAnswerParser(options);
  parser.push(answer);
  parser.finish();
  return { ...(parser.text.trim() ? { code: parser.text } : {}), closed: parser.closed };
}
