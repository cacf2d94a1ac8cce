/**
 * Feeds the context ring from what the user does: the head of every file they open (imports
 * and declarations, usually), and the code around where they were working whenever they move
 * on, to another file or far away in the same one. Lines are the document's own (0-based), and
 * the chunks are cut from the document as it is now (`textOf`).
 */
import type { ContextRing } from "./contextRing";

export class EditTracker {
  private anchor?: { uri: string; line: number; offset?: number };

  constructor(private readonly ring: ContextRing, private readonly textOf: (uri: string) => string | undefined) {}

  opened(uri: string, text: string): void {
    this.ring.addAround(uri, text, 0);
  }

  /**
   * Notes where a completion was asked for; records the previous working area when it is left.
   * `offset` (the cursor's offset in the document) lets a huge document's chunk be found without
   * walking its lines from the top; the document may have changed since, so it is only a hint.
   */
  cursorAt(uri: string, line: number, offset?: number): void {
    const anchor = this.anchor;
    const far = anchor !== undefined && anchor.uri === uri && Math.abs(anchor.line - line) > this.ring.chunkLines / 2;
    if (anchor && (anchor.uri !== uri || far)) {
      const previous = this.textOf(anchor.uri);
      if (previous !== undefined) this.ring.addAround(anchor.uri, previous, anchor.line, anchor.offset);
    }
    if (!anchor || anchor.uri !== uri || far) this.anchor = { uri, line, offset };
  }
}
