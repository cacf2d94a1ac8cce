/**
 * Scans the code blocks of answers with Shield, each block once, as soon as its closing fence
 * has arrived (and every block when the answer ends). Results are kept per message and block, so
 * Insert and Apply can wait for a scan still running and ask before using insecure code.
 */
import { codeBlocksOf } from "../../media/chat/codeBlocks";
import { languageIdOf } from "../../media/chat/languages";
import type { BlockScan } from "../../media/chat/messages";
import type { ShieldFinding } from "../../common/protocol";

export type ScanFunction = (text: string, languageId: string) => Promise<ShieldFinding[]>;

export class BlockScanner {
  private readonly scans = new Map<string, Map<number, Promise<BlockScan>>>();

  constructor(private readonly scan: ScanFunction, private readonly onScan: (key: string, index: number, result: BlockScan) => void) {}

  /**
   * Starts scans for the blocks of `text` that are complete; `finished` means the answer ended,
   * so unclosed blocks are complete too. `fallbackLanguage` is used for blocks without a tag.
   */
  update(key: string, text: string, finished: boolean, fallbackLanguage?: string): void {
    let started = this.scans.get(key);
    for (const block of codeBlocksOf(text)) {
      if (!(block.closed || finished) || started?.has(block.index) || !block.code.trim()) continue;
      if (!started) this.scans.set(key, (started = new Map()));
      const languageId = languageIdOf(block.lang, fallbackLanguage);
      const result = this.run(block.code, languageId);
      started.set(block.index, result);
      void result.then((scan) => this.onScan(key, block.index, scan));
    }
  }

  /** The scan of one block, waiting for it when it is still running; undefined when never started. */
  result(key: string, index: number): Promise<BlockScan> | undefined {
    return this.scans.get(key)?.get(index);
  }

  /** A streamed message got its final id: its scans move with it. */
  rename(from: string, to: string): void {
    const scans = this.scans.get(from);
    if (!scans) return;
    this.scans.delete(from);
    this.scans.set(to, scans);
  }

  forget(key: string): void {
    this.scans.delete(key);
  }

  private async run(code: string, languageId: string): Promise<BlockScan> {
    try {
      const findings = await this.scan(code, languageId);
      return {
        state: findings.length ? "findings" : "clean",
        findings: findings.map((f) => ({ ruleId: f.ruleId, cwe: f.cwe, severity: f.severity, message: f.message, line: f.line + 1 })),
      };
    } catch (error) {
      const reason = (error as { code?: number }).code === -32601
        ? "this Enclave server has no Shield scanner (enclave/shield/scan is not handled)"
        : `Shield failed: ${(error as Error).message}`;
      return { state: "unavailable", findings: [], note: reason };
    }
  }
}
