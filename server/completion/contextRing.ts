/**
 * A ring of code chunks from files the user recently opened or edited: the extra context of
 * completion prompts. A new chunk replaces any chunk that is nearly the same code (so an edited
 * function is kept once, in its newest form), and the oldest chunk goes when the ring is full.
 * Chunks are picked for a prompt by how many identifiers they share with the code around the
 * cursor, within a token budget.
 */
import { detach } from "./documentWindow";
import type { ContextFile } from "./renderPrompt";
import { identifiers, jaccard, trimmedLines } from "./similarity";

export interface Chunk {
  readonly uri: string;
  readonly startLine: number;
  readonly text: string;
  readonly lines: ReadonlySet<string>;
  readonly words: ReadonlySet<string>;
}

/** A chunk longer than this (minified code, data) is not context worth a prompt's budget. */
const MAX_CHUNK_CHARS = 16 * 1024;

/** Two chunks this similar (Jaccard over their lines) are the same code; the older one goes. */
const DUPLICATE = 0.9;

export class ContextRing {
  private chunks: Chunk[] = [];

  constructor(private readonly capacity = 32, readonly chunkLines = 32) {}

  get size(): number {
    return this.chunks.length;
  }

  /**
   * Adds the chunk of `chunkLines` lines centred on `line` (the head of the file for line 0);
   * `offset`, when given, is an offset on that line and saves walking to it.
   * Only those lines are cut out, and copied, so a huge document is neither split whole nor kept.
   */
  addAround(uri: string, text: string, line: number, offset?: number): void {
    // Find the first line (centred on `line`): from `offset`, an offset on that line when the
    // caller knows it, walking back; else walking down from the top. Take `chunkLines` lines, and
    // when the file ends sooner move the start up so the chunk still has `chunkLines` lines.
    const first = Math.max(0, line - Math.floor(this.chunkLines / 2));
    let row = 0;
    let from = 0;
    if (offset !== undefined && offset <= text.length) {
      row = line;
      from = text.lastIndexOf("\n", offset - 1) + 1;
      for (; row > first && from > 0; row--) from = text.lastIndexOf("\n", from - 2) + 1;
    }
    for (; row < first; row++) {
      const next = text.indexOf("\n", from);
      if (next < 0) break;
      from = next + 1;
    }
    let to = from;
    let count = 0;
    while (count < this.chunkLines && to < text.length) {
      const next = text.indexOf("\n", to);
      to = next < 0 ? text.length : next + 1;
      count++;
    }
    for (; count < this.chunkLines && from > 0; count++, row--) from = text.lastIndexOf("\n", from - 2) + 1;
    const chunk = text.slice(from, text[to - 1] === "\n" ? to - 1 : to);
    if (chunk.length > MAX_CHUNK_CHARS) return;
    this.add(uri, row, detach(chunk));
  }

  add(uri: string, startLine: number, text: string): void {
    const lines = trimmedLines(text);
    if (lines.size < 3) return;
    const chunk: Chunk = { uri, startLine, text, lines, words: identifiers(text) };
    this.chunks = this.chunks.filter((c) => jaccard(c.lines, lines) < DUPLICATE);
    this.chunks.push(chunk);
    if (this.chunks.length > this.capacity) this.chunks.shift();
  }

  /**
   * The chunks most like `query`, from files other than `excludeUri`, that fit in `budget`
   * tokens together; the best one comes last, nearest to the code being completed.
   */
  pick(query: string, excludeUri: string, budget: number, countTokens: (text: string) => number, path: (uri: string) => string): ContextFile[] {
    if (budget <= 0) return [];
    const words = identifiers(query);
    const scored = this.chunks
      .filter((c) => c.uri !== excludeUri)
      .map((c, i) => ({ c, i, score: jaccard(c.words, words) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || b.i - a.i);
    const picked: ContextFile[] = [];
    let used = 0;
    for (const { c } of scored) {
      const cost = countTokens(c.text) + 8;
      if (used + cost > budget) continue;
      used += cost;
      picked.push({ path: path(c.uri), text: c.text });
    }
    return picked.reverse();
  }
}
