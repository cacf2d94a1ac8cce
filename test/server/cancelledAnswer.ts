import assert from "node:assert/strict";
import { LSPErrorCodes, type InlineCompletionList } from "vscode-languageserver-protocol/node";

/**
 * Waits for the answer to a cancelled inline completion request and checks it is one of the two
 * answers the protocol allows: an empty list, or the RequestCancelled error (-32800). Any other
 * error (a crash, an internal error, a closed connection) and any suggestion fail the test, so a
 * server that dies while cancelling can never pass as one that cancelled.
 */
export async function expectCancelledAnswer(pending: Promise<InlineCompletionList | null>): Promise<"empty" | "RequestCancelled"> {
  let answer: InlineCompletionList | null;
  try {
    answer = await pending;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    assert.equal(code, LSPErrorCodes.RequestCancelled, `a cancelled request may only fail with RequestCancelled (-32800), got ${String(code)}: ${(error as Error).message}`);
    return "RequestCancelled";
  }
  assert.deepEqual(answer, { items: [] }, "a cancelled request answers an empty list");
  return "empty";
}
