/**
 * Builds the FIM prompt of one request: the extra context (a snapshot taken when the user
 * enters a file and kept while they type in it), the sticky prefix window with the file's
 * imports and the enclosing scope's first line when those lie above it, the suffix window, and
 * the cursor's line last. Everything except that last line is a function of text the user is
 * not typing, so consecutive keystrokes share all but the final tokens of the prompt.
 */
import type { Engine, PromptPiece } from "../engine/types";
import { commentMarker } from "./commentMarker";
import type { ContextRing } from "./contextRing";
import { namesNearCursor, type DefinitionContext } from "./definitionContext";
import type { CursorLine } from "./cursorLine";
import { holdToBudget } from "./lineBudget";
import { LineTokens } from "./lineTokens";
import { StickyPrefixWindows, suffixWindow } from "./promptWindows";
import { renderPrompt, type ContextFile } from "./renderPrompt";
import { repoPaths } from "./repoPaths";
import type { SyntaxFacts } from "./syntaxFacts";
import type { FimTemplate } from "./templates";

export interface Budgets {
  readonly prefixTokens: number;
  readonly suffixTokens: number;
  readonly contextTokens: number;
}

export interface PromptRequest {
  readonly uri: string;
  readonly languageId: string;
  readonly cursor: CursorLine;
  readonly facts: SyntaxFacts;
}

interface Snapshot {
  readonly uri: string;
  readonly files: readonly ContextFile[];
  readonly repo: string;
  readonly path: string;
  /** The names whose definitions were still being looked up when this snapshot was taken. */
  readonly awaiting?: readonly string[];
  /** Where the prefix window started when this snapshot was taken. */
  readonly windowStart: number;
}

/** Definitions may take at most this share of the extra context; the ring of recent code gets the rest. */
const DEFINITION_SHARE = 0.5;

/**
 * Tokens of the cursor's line that the budgets do not charge for: the room left beside the
 * template (runModel's TEMPLATE_OVERHEAD) covers an ordinary line, so ordinary typing keeps the
 * windows, and the cache behind them, exactly as they were.
 */
const FREE_LINE_TOKENS = 32;

/**
 * A window's budget once the cursor's line has taken its share, in steps of FREE_LINE_TOKENS so
 * that the window (and the model's cache) stays put while a long line grows a token at a time.
 */
function budgetLeft(budget: number, lineTokens: number): number {
  if (lineTokens <= FREE_LINE_TOKENS) return budget;
  const charged = Math.ceil((lineTokens - FREE_LINE_TOKENS) / FREE_LINE_TOKENS) * FREE_LINE_TOKENS;
  return Math.max(0, budget - charged);
}

/** Imports longer than this are cut: they are a reminder of names in scope, not the point. */
const MAX_IMPORT_LINES = 24;

export class PromptBuilder {
  private counter?: { engine: Engine; lines: LineTokens; windows: StickyPrefixWindows };
  private snapshot?: Snapshot;

  constructor(private readonly ring: ContextRing, private readonly definitions?: DefinitionContext) {}

  build(request: PromptRequest, engine: Engine, template: FimTemplate, budgets: Budgets): PromptPiece[] {
    if (this.counter?.engine !== engine) {
      const lines = new LineTokens((text) => engine.countTokens(text));
      this.counter = { engine, lines, windows: new StickyPrefixWindows(lines) };
    }
    const { lines: tokens, windows } = this.counter;
    const { cursor, facts } = request;
    const count = (text: string): number => engine.countTokens(text);
    // The cursor's line is held to the budgets too: a very long line keeps its part next to the
    // cursor (the typed text stays last), and what it takes comes off the windows above and below.
    const line = holdToBudget(cursor.linePrefix, budgets.prefixTokens, "end", count);
    const lineAfter = holdToBudget(cursor.lineSuffix, budgets.suffixTokens, "start", count);
    const prefixBudget = budgetLeft(budgets.prefixTokens, line.tokens);
    const lines = cursor.text.split("\n");
    const window = windows.window(`${request.uri}#${prefixBudget}`, lines, cursor.line, prefixBudget);
    const suffix = suffixWindow(lines, cursor.line, lineAfter.text, budgetLeft(budgets.suffixTokens, lineAfter.tokens), tokens);
    const snapshot = this.contextFor(request, engine, window, suffix, budgets.contextTokens);
    return renderPrompt(template, {
      repo: snapshot.repo, path: snapshot.path, comment: commentMarker(request.languageId), context: snapshot.files,
      prefix: headerAbove(facts, window.startLine) + window.text, suffix, line: line.text,
    });
  }

  /**
   * The extra context, taken when the user enters a file and kept while they type in it. The
   * completion never waits for definitions: a snapshot taken while they were still being looked
   * up is taken once more after they arrived, at the next move of the prefix window, when most of
   * the prompt is evaluated again anyway, so their arrival never costs a keystroke a full prompt.
   */
  private contextFor(request: PromptRequest, engine: Engine, window: { text: string; startLine: number }, below: string, budget: number): Snapshot {
    const above = window.text;
    const current = this.snapshot?.uri === request.uri ? this.snapshot : undefined;
    const retake = current?.awaiting && current.windowStart !== window.startLine && !this.definitions?.waiting(request.uri, current.awaiting);
    if (current && !retake) return current;
    const names = current?.awaiting ?? (this.definitions ? namesNearCursor(above, request.facts.imports?.text) : []);
    const found = this.definitions?.lookup(request.uri, names);
    const count = (t: string): number => engine.countTokens(t);
    const definitions: ContextFile[] = [];
    let used = 0;
    for (const hit of found ?? []) {
      const cost = count(hit.text) + 8;
      if (used + cost > Math.floor(budget * DEFINITION_SHARE)) continue;
      used += cost;
      definitions.push({ path: hit.uri, text: hit.text });
    }
    const query = (above + below).split("\n").slice(-60).join("\n");
    const recent = this.ring.pick(query, request.uri, budget - used, count, (uri) => uri);
    // The definitions go last, nearest the code, the nearest name's last of all.
    const files = [...recent, ...definitions.reverse()];
    const paths = repoPaths([request.uri, ...files.map((f) => f.path)]);
    this.snapshot = {
      uri: request.uri,
      files: files.map((f) => ({ path: paths.relative(f.path), text: f.text })),
      repo: paths.repo,
      path: paths.relative(request.uri),
      windowStart: window.startLine,
      // Waited for once only: a lookup that failed is not retried on every keystroke.
      ...(this.definitions && names.length && found === undefined && !current ? { awaiting: names } : {}),
    };
    return this.snapshot;
  }
}

/**
 * The imports and the enclosing scope's first line, when the prefix window starts below them:
 * the model then still sees which names exist and which function it is inside.
 */
function headerAbove(facts: SyntaxFacts, windowStart: number): string {
  const parts: string[] = [];
  if (facts.imports && facts.imports.endLine <= windowStart) {
    parts.push(facts.imports.text.split("\n").slice(0, MAX_IMPORT_LINES).join("\n"));
  }
  if (facts.scope && facts.scope.startLine < windowStart && (!facts.imports || facts.scope.startLine >= facts.imports.endLine)) {
    parts.push(facts.scope.header);
  }
  return parts.length ? parts.join("\n") + "\n" : "";
}
