/**
 * `textDocument/inlineCompletion` (LSP 3.18): ghost text from the local model, for any LSP
 * client. The wiring only: the Completer decides; this turns LSP requests into its inputs and
 * its answers into LSP items, reports each completion's stages to the client, and exposes the
 * snooze request, the accepted-suggestion command and the `completion` metrics section.
 *
 * How many suggestions: an automatic request (typing) gets one; an explicit one
 * (`InlineCompletionTriggerKind.Invoked`, which VS Code sends for Alt+] / Alt+[ and
 * "Trigger Inline Suggestion") gets `enclave.completion.candidates` to cycle through.
 * Debounce lives here on the server too: a request waits for a pause in typing (adaptive) and
 * is aborted by the next one, so every client gets it without doing anything.
 */
import {
  InlineCompletionTriggerKind, type CancellationToken, type Disposable, type InlineCompletionItem, type InlineCompletionList,
  type InlineCompletionParams, type Position,
} from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { abortSignalFor } from "../cancellation";
import type { Feature, FeatureContext } from "../feature";
import { CompletionAcceptedCommand, CompletionSnoozeRequest, CompletionStatsNotification, type CompletionAcceptedArgs } from "../../common/protocol";
import { defaultScanner } from "../shield/defaultScanner";
import { looksBinary } from "../shield/fileWalker";
import { Completer, type CompletionAnswer } from "./completer";
import { promptWindowOf } from "./documentWindow";
import type { ModelInput } from "./runModel";
import { ShieldGate, type CompletionGate } from "./shieldGate";
import { loadSyntax } from "./syntaxFacts";
import { DefinitionContext } from "./definitionContext";

const emptyList: InlineCompletionList = { items: [] };

/** Where the cursor ends up after inserting `text` at `start`. */
function endOf(start: Position, text: string): Position {
  const lines = text.split("\n");
  return lines.length === 1 ? { line: start.line, character: start.character + text.length } : { line: start.line + lines.length - 1, character: lines[lines.length - 1]!.length };
}

/**
 * The text and cursor to complete: a window of the document around the cursor (documentWindow.ts),
 * never the whole of a huge file. When the client's suggest widget has an item selected,
 * completion continues as if that item were inserted, and each returned item starts with it.
 */
function inputFor(document: TextDocument, params: InlineCompletionParams): { text: string; offset: number; start: Position; lead: string; window?: ModelInput["window"] } {
  const full = document.getText();
  const offset = document.offsetAt(params.position);
  const view = promptWindowOf(full, offset);
  const window = view.text === full ? undefined : { start: view.start, documentLength: full.length, head: view.head, line: params.position.line };
  const selected = params.context.selectedCompletionInfo;
  if (!selected) return { text: view.text, offset: view.offset, start: params.position, lead: "", window };
  const from = Math.max(0, document.offsetAt(selected.range.start) - view.start);
  const to = Math.max(document.offsetAt(selected.range.end), offset) - view.start;
  const text = view.text.slice(0, from) + selected.text + view.text.slice(to);
  return { text, offset: from + selected.text.length, start: selected.range.start, lead: selected.text, window: window && { ...window, documentLength: window.documentLength - (to - from) + selected.text.length } };
}

/**
 * The request with its positions moved into the document, as LSP says a client's position past
 * a line's end means that end: a broken client's line -1 or line 1000 of a 2-line file was
 * completed and echoed back as the suggestion's range, which no editor can apply.
 */
function insideDocument(document: TextDocument, params: InlineCompletionParams): InlineCompletionParams {
  const clamp = (p: Position): Position => document.positionAt(document.offsetAt(p));
  const selected = params.context.selectedCompletionInfo;
  const context = selected ? { ...params.context, selectedCompletionInfo: { ...selected, range: { start: clamp(selected.range.start), end: clamp(selected.range.end) } } } : params.context;
  return { ...params, position: clamp(params.position), context };
}

export function createCompletionFeature(makeGate: () => CompletionGate = () => new ShieldGate(() => defaultScanner().scanner)): Feature {
  return {
    name: "completion",
    capabilities: () => ({
      inlineCompletionProvider: true,
    }),
    register(ctx: FeatureContext): Disposable[] {
      const gate = makeGate();
      const definitions = new DefinitionContext(ctx.codebase, (e) => ctx.log.debug(`Definitions for completion context failed: ${e.message}`));
      const completer = new Completer(gate, ctx.log, (uri) => ctx.documents.get(uri)?.getText(), definitions);
      // Loading a grammar and compiling Shield's rules for a language takes a few hundred ms
      // once; doing it when a file opens keeps it off the first suggestion's critical path.
      const warm = (languageId: string): void => {
        void Promise.all([loadSyntax(languageId), gate.prepare?.(languageId)]).catch((e: unknown) => ctx.log.debug(`Warming up ${languageId} failed: ${(e as Error).message}`));
      };

      const report = (answer: CompletionAnswer): void => {
        if (!answer.timings && !answer.heldBack && !answer.problem) return;
        void ctx.connection.sendNotification(CompletionStatsNotification.type, {
          timings: answer.timings, heldBack: answer.heldBack, warning: answer.warning, repaired: answer.repaired, problem: answer.problem,
        });
      };

      // Binary content (a NUL in the first 8 KiB) gets no completions; said once per open document.
      const binaryLogged = new Set<string>();
      const isBinary = (document: TextDocument): boolean => {
        if (!looksBinary(document.getText())) return false;
        if (!binaryLogged.has(document.uri)) {
          binaryLogged.add(document.uri);
          ctx.log.info(`No inline completions in ${document.uri}: it looks binary (a NUL character in its first 8 KiB).`);
        }
        return true;
      };

      const handle = async (request: InlineCompletionParams, token: CancellationToken): Promise<InlineCompletionList> => {
        const document = ctx.documents.get(request.textDocument.uri);
        if (!document || isBinary(document)) return emptyList;
        const params = insideDocument(document, request);
        const { controller, dispose } = abortSignalFor(token);
        try {
          const { text, offset, start, lead, window } = inputFor(document, params);
          const explicit = params.context.triggerKind === InlineCompletionTriggerKind.Invoked;
          const answer = await completer.complete(
            { uri: document.uri, languageId: document.languageId, text, offset, explicit, window },
            { settings: () => ctx.settings.get(document.uri), engine: () => ctx.models.engine() },
            controller.signal,
          );
          if (answer.aborted) ctx.log.debug(`Inline completion at ${document.uri}:${params.position.line + 1} was superseded or cancelled.`);
          report(answer);
          const range = { start, end: params.position };
          const items: InlineCompletionItem[] = answer.items.map((suggestion) => {
            const insertText = lead + suggestion;
            const end = endOf(start, insertText);
            const args: CompletionAcceptedArgs = { uri: document.uri, text: insertText, line: end.line, character: end.character };
            return { insertText, range, command: { title: "Enclave: suggestion accepted", command: CompletionAcceptedCommand.command, arguments: [args] } };
          });
          return { items };
        } finally {
          dispose();
        }
      };

      // TextDocuments reports an open as a content change too; only real edits are keystrokes.
      const justOpened = new Set<string>();
      return [
        ctx.connection.languages.inlineCompletion.on(handle),
        ctx.documents.onDidOpen((e) => {
          justOpened.add(e.document.uri);
          if (looksBinary(e.document.getText())) return;
          completer.tracker.opened(e.document.uri, e.document.getText());
          warm(e.document.languageId);
        }),
        ctx.documents.onDidChangeContent((e) => {
          if (justOpened.delete(e.document.uri)) return;
          completer.debounce.noteKeystroke();
          completer.documentChanged(e.document.uri, e.document.getText());
        }),
        ctx.documents.onDidClose((e) => {
          justOpened.delete(e.document.uri);
          binaryLogged.delete(e.document.uri);
        }),
        ctx.commands.add(CompletionAcceptedCommand.command, () => {
          completer.stats.accepted++;
          return null;
        }),
        ctx.connection.onRequest(CompletionSnoozeRequest.type, (params) => ({ until: completer.snooze(params.minutes) })),
        ctx.metrics.add("completion", () => ({ ...completer.stats.snapshot(), snoozedUntil: completer.snoozed })),
      ];
    },
  };
}

/** The inline completion feature with the Shield gate; `main.ts` composes it with the others. */
export const completionFeature: Feature = createCompletionFeature();
