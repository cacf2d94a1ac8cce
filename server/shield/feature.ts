/**
 * The Shield feature of the language server: `enclave/shield/scan` for any text, diagnostics
 * for open documents (debounced, cleared on close), quick fixes for them, "Fix with Enclave"
 * rewrites and Scan Workspace.
 */
import { CodeActionKind, type ClientCapabilities, type Disposable, type ServerCapabilities } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Feature, FeatureContext } from "../feature";
import { ShieldFixWithModelRequest, ShieldScanRequest, ShieldScanWorkspaceRequest } from "../../common/protocol";
import { abortSignalFor } from "../cancellation";
import { onSyntaxRuntimeReset } from "../syntax/parser";
import { defaultScanner } from "./defaultScanner";
import { looksBinary, maxScanBytes } from "./fileWalker";
import { fixWithModel } from "./fixWithModel";
import type { ShieldScanner } from "./scanner";
import { codeActionsFor, toDiagnostic } from "./shieldActions";
import { toWireFinding } from "./wireFinding";
import { scanWorkspace } from "./workspaceScan";

/** How long typing must pause before a document is scanned again. */
export const diagnosticsDelayMs = 300;

export { toWireFinding };

/**
 * Why a text is not scanned (too big, binary), or undefined when it should be. Shield scans a
 * document whole or not at all (see README, Limits): a finding's data flow can span the file,
 * and a scan of the limit's size already takes about half a second.
 */
export function skipReason(text: string): string | undefined {
  if (text.length > maxScanBytes) return `${text.length} characters is over the ${maxScanBytes} limit`;
  if (looksBinary(text)) return "it looks binary";
  return undefined;
}

export function createShieldFeature(getScanner: () => ShieldScanner = () => defaultScanner().scanner): Feature {
  return {
    name: "shield",
    capabilities(_client: ClientCapabilities): ServerCapabilities {
      return { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } };
    },
    register(ctx: FeatureContext): Disposable[] {
      const scanner = getScanner();
      const timers = new Map<string, NodeJS.Timeout>();
      const published = new Set<string>();
      const justOpened = new Set<string>();
      // A skipped document is said once (at info) until it is closed, not on every edit.
      const skipped = new Set<string>();

      const clear = (uri: string): void => {
        clearTimeout(timers.get(uri));
        timers.delete(uri);
        if (published.delete(uri)) void ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
      };

      const validate = async (document: TextDocument): Promise<void> => {
        const { uri, version, languageId } = document;
        if (!scanner.supports(languageId)) return;
        const settings = await ctx.settings.get(uri);
        if (!settings["shield.diagnostics"]) return clear(uri);
        const text = document.getText();
        const reason = skipReason(text);
        if (reason) {
          if (!skipped.has(uri)) ctx.log.info(`Shield does not scan ${uri}: ${reason}.`);
          skipped.add(uri);
          return clear(uri);
        }
        skipped.delete(uri);
        const started = performance.now();
        const findings = await scanner.scan(text, languageId);
        // A newer edit or a close while scanning makes this result stale.
        if (ctx.documents.get(uri)?.version !== version) return;
        ctx.log.debug(`Shield scanned ${uri} v${version} in ${(performance.now() - started).toFixed(1)} ms: ${findings.length} findings.`);
        published.add(uri);
        await ctx.connection.sendDiagnostics({ uri, version, diagnostics: findings.map(toDiagnostic) });
      };

      const schedule = (document: TextDocument, delay: number): void => {
        clearTimeout(timers.get(document.uri));
        timers.set(document.uri, setTimeout(() => {
          timers.delete(document.uri);
          validate(document).catch((e: unknown) => ctx.log.error(`Shield failed on ${document.uri}: ${(e as Error).message}`));
        }, delay));
      };

      for (const p of defaultScanner().problems) ctx.log.warn(`Shield rule problem in ${p.source}: ${p.message}`);
      const stopWatching = onSyntaxRuntimeReset((reason) => ctx.log.warn(`The tree-sitter runtime failed (${reason}); it was restarted and parsing goes on.`));

      return [
        ctx.connection.onRequest(ShieldScanRequest.type, async (params) => {
          const reason = skipReason(params.text);
          if (reason) {
            ctx.log.info(`Shield scan request not scanned: ${reason}.`);
            return [];
          }
          return (await scanner.scan(params.text, params.languageId)).map(toWireFinding);
        }),
        ctx.connection.onRequest(ShieldFixWithModelRequest.type, async (params, token) => {
          const document = ctx.documents.get(params.uri);
          if (!document) return { remaining: [], reason: "The document is not open." };
          const engine = await ctx.models.engine();
          if (!engine) return { remaining: [], reason: `No model is loaded: ${ctx.models.status.message ?? `the model is ${ctx.models.status.state}`}.` };
          const { controller: { signal }, dispose } = abortSignalFor(token);
          try {
            const { uri, version, languageId } = document;
            return await fixWithModel({ ...params, uri, version, languageId, text: document.getText() }, engine, scanner, signal);
          } finally {
            dispose();
          }
        }),
        ctx.connection.onRequest(ShieldScanWorkspaceRequest.type, async (params, token) => {
          const { controller: { signal }, dispose } = abortSignalFor(token);
          const progress = await ctx.connection.window.attachWorkDoneProgress(params.workDoneToken);
          progress.begin("Shield: scanning the workspace", 0, undefined, true);
          try {
            return await scanWorkspace(params.folders, scanner, {
              signal,
              progress: (done, total) => progress.report(Math.round((done / Math.max(1, total)) * 100), `${done} of ${total} files`),
              publish: async (uri, diagnostics) => {
                if (diagnostics.length) published.add(uri);
                await ctx.connection.sendDiagnostics({ uri, diagnostics });
              },
              isOpen: (uri) => ctx.documents.get(uri) !== undefined,
            });
          } finally {
            progress.done();
            dispose();
          }
        }),
        ctx.documents.onDidOpen((e) => {
          justOpened.add(e.document.uri);
          schedule(e.document, 0);
        }),
        // TextDocuments also reports an open as a content change; that one must not delay the scan.
        ctx.documents.onDidChangeContent((e) => {
          if (!justOpened.delete(e.document.uri)) schedule(e.document, diagnosticsDelayMs);
        }),
        ctx.documents.onDidClose((e) => {
          justOpened.delete(e.document.uri);
          skipped.delete(e.document.uri);
          clear(e.document.uri);
        }),
        ctx.codeActions.add((params) => {
          const document = ctx.documents.get(params.textDocument.uri);
          if (!document) return [];
          return codeActionsFor(document.uri, document.getText(), document.languageId, params.context.diagnostics);
        }),
        { dispose: () => [...timers.keys()].forEach(clear) },
        { dispose: stopWatching },
      ];
    },
  };
}

/** The Shield feature with the rules Enclave ships; `main.ts` composes it with the others. */
export const shieldFeature: Feature = createShieldFeature();
