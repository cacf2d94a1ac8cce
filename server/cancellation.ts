import type { CancellationToken } from "vscode-languageserver/node";

/**
 * Turns an LSP cancellation token into an AbortController once, at the edge, so everything
 * below works with standard AbortSignals. Callers may also abort the controller themselves
 * (a newer completion aborts the older one).
 */
export function abortSignalFor(token: CancellationToken): { controller: AbortController; dispose: () => void } {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  const listener = token.onCancellationRequested(() => controller.abort());
  return { controller, dispose: () => listener.dispose() };
}
