/**
 * A ring of code chunks from files the user recently opened or edited: the extra context of
 * completion prompts. A new chunk replaces any chunk that is nearly the same code (so an edited
 * function is kept once, in its newest form), and the oldest chunk goes when the ring is full.
 * Chunks are picked for a prompt by how many identifiers they share with the code around the
 * cursor, within a token budget.
 */
import type { ContextFile } from "./renderPrompt";
import { identifiers, jaccard, trimmedLines } from "./similarity";

export interface Chunk {
  readonly uri: string;
  readonly startLine: number;
  readonly text: string;
  readonly lines: ReadonlySet<string>;
  readonly words: ReadonlySet<string>;
}

/** Two chunks this similar (Jaccard over their lines) are the same code; the older one goes. */
const DUPLICATE = 0.9;

export class ContextRing {
  private chunks: Chunk[] = [];

  constructor(private readonly capacity = 32, readonly chunkLines = 32) {}

  get size(): number {
    return this.chunks.length;
  }

  /** Adds the chunk of `chunkLines` lines centred on `line` (the head of the file for line 0). */
  addAround(uri: string, text: string, line: number): void {
    const lines = text.split("\n");
    const start = Math.max(0, Math.min(line - Math.floor(this.chunkLines / 2), lines.length - this.chunkLines));
    this.add(uri, start, lines.slice(start, start + this.chunkLines).join("\n"));
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
