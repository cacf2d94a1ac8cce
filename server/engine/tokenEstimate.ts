/**
 * Token counts for a model whose tokenizer is on another machine (the remote engine): prompt
 * budgets need a count at once, for every line, so it is estimated from the text's length. It
 * starts cautious (three characters a token, so a prompt never outgrows the server's context) and
 * learns the real rate once, from the first prompt of some size the server reports counting: code
 * indented with spaces runs nearer five characters a token, so the cautious rate alone fills a
 * completion's windows with half the code they have room for. It is learned once, not followed:
 * the windows are cut by this count, and a count that moved on every answer would move them and
 * throw away the server's cache of the prompt.
 */

/** The rate before anything is learned. */
export const CAUTIOUS_CHARS_PER_TOKEN = 3;
/** A prompt is worth learning from only when it has this many tokens (small ones are mostly markers). */
const LEARN_FROM_TOKENS = 256;
/** What is learned is taken a tenth lower, so text that tokenizes a little worse still fits. */
const MARGIN = 0.9;
/**
 * Bounds of a learned rate. Down to one character a token, what the server counted is followed
 * (it is the cautious direction: a byte-level vocabulary); above five it is not code as a budget
 * knows it (and a later prompt of dense code would then overfill), so the rate stays there.
 */
const MIN_RATE = 1;
const MAX_RATE = 5;

export class TokenEstimate {
  private rate = CAUTIOUS_CHARS_PER_TOKEN;
  private learned = false;

  get charsPerToken(): number {
    return this.rate;
  }

  count(text: string): number {
    return Math.ceil(text.length / this.rate);
  }

  /**
   * The server counted `tokens` in a prompt of `chars` characters. Learns the rate from the first
   * big enough prompt and returns it then (undefined otherwise).
   */
  observe(chars: number, tokens: number): number | undefined {
    if (this.learned || tokens < LEARN_FROM_TOKENS || chars <= 0) return undefined;
    this.learned = true;
    this.rate = Math.min(MAX_RATE, Math.max(MIN_RATE, (chars / tokens) * MARGIN));
    return this.rate;
  }
}
