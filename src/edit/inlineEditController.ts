/**
 * Inline edit: rewrites a region from an instruction with the model, drawing the rewrite in place
 * as it streams (an EditSurface), then waits for Accept (one undo step), Reject (byte-identical
 * original) or a follow-up instruction that refines the same edit. `review` puts a ready-made
 * proposal (a chat block, a fix) through the same in-place review without the model.
 *
 * One edit at a time: a newer edit or review replaces the pending one (put back quietly). The
 * file is never left half-edited: when the server stops mid-stream, when someone else changes the
 * region (or, for the in-file diff, anything in the file: a foreign edit would land inside the
 * edit's undo step), or when the in-file diff is saved, the original region is put back and the
 * edit ends with one message. With the read-only copy an edit elsewhere keeps the edit relative.
 */
import * as vscode from "vscode";
import type { EditRound, ProposedEdit, ShieldFinding } from "../../common/protocol";
import { editRegion } from "./editRegion";
import { splitLines } from "./editPreview";
import type { EditServer } from "./editServer";
import { DocumentSurface } from "./documentSurface";
import type { EditSurface } from "./editSurface";
import { InlineEditView, type ViewState } from "./inlineEditView";
import { VirtualPreviews } from "./virtualSurface";
import { chooseSurface } from "./chooseSurface";
import type { InlineEditOptions, InlineEditOutcome, PendingInlineEdit } from "./inlineEditTypes";

export type { InlineEditOptions, InlineEditOutcome, PendingInlineEdit } from "./inlineEditTypes";

interface Run {
  readonly session: EditSurface;
  readonly settle: (outcome: InlineEditOutcome) => void;
  readonly outcome: Promise<InlineEditOutcome>;
  phase: "streaming" | "review" | "closed";
  editId?: string;
  mode: "rewrite" | "merge" | "fix";
  /**
   * A fix's problem range as reported (a diagnostic, a finding): sent as it is, so the server
   * finds the same statement the review shows and tells the model the problem's own line.
   */
  readonly problem?: vscode.Range;
  streamed: string;
  rendering: boolean;
  dirty: boolean;
  newText?: string;
  findings: readonly ShieldFinding[];
  rounds: EditRound[];
}

export class InlineEditController implements vscode.Disposable {
  private run: Run | undefined;
  private counter = 0;
  private generation = 0;
  private readonly view = new InlineEditView();
  private readonly previews = new VirtualPreviews();
  private readonly changed = new vscode.EventEmitter<PendingInlineEdit | undefined>();
  /** Fires whenever the pending edit starts, streams, becomes reviewable or ends. */
  readonly onDidChange = this.changed.event;
  private readonly delta = new vscode.EventEmitter<string>();
  /** Fires as each streamed delta arrives, before it is drawn (with the rewrite's text so far). */
  readonly onDidReceiveDelta = this.delta.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly server: EditServer, private readonly log: vscode.LogOutputChannel) {
    this.disposables = [
      this.view, this.previews, this.changed, this.delta,
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChange(e)),
      vscode.workspace.onWillSaveTextDocument((e) => this.onWillSave(e)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.run && document === this.run.session.document) void this.finish(this.run, "cancelled");
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.repaint()),
      vscode.window.tabGroups.onDidChangeTabs(() => {
        if (this.run?.session.gone) void this.finish(this.run, this.run.phase === "streaming" ? "cancelled" : "rejected");
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateUi()),
    ];
  }

  get pending(): PendingInlineEdit | undefined {
    const run = this.run;
    if (!run || run.phase === "closed") return undefined;
    const { document, span } = run.session;
    const range = new vscode.Range(document.positionAt(span.start), document.positionAt(span.start + span.length));
    return { uri: document.uri, phase: run.phase, range, original: run.session.original, newText: run.newText, findings: run.findings };
  }

  /** Rewrites a region with the model and reviews it in place; resolves once accepted, rejected or ended. */
  async edit(editor: vscode.TextEditor, options: InlineEditOptions): Promise<InlineEditOutcome> {
    await this.replacePending();
    const generation = ++this.generation;
    const range = await editRegion(this.server, editor, options.range, this.log, options.mode);
    // Another edit started while the region was looked up: that one wins.
    if (generation !== this.generation) return "cancelled";
    const run = this.begin(chooseSurface(this.previews, editor, range, this.log), options.mode ?? "rewrite", options.mode === "fix" ? options.range : undefined);
    void this.stream(run, options.instruction, []);
    return run.outcome;
  }

  /** Shows a ready-made proposal (whole lines) through the same in-place review, without the model. */
  async review(editor: vscode.TextEditor, proposal: ProposedEdit, findings: readonly ShieldFinding[] = []): Promise<InlineEditOutcome> {
    await this.replacePending();
    ++this.generation;
    const document = editor.document;
    const range = new vscode.Range(proposal.range.start.line, proposal.range.start.character, proposal.range.end.line, proposal.range.end.character);
    if (proposal.uri !== document.uri.toString() || normalize(document.getText(range)) !== normalize(proposal.originalText)) {
      void vscode.window.showWarningMessage(`Enclave: ${basename(document.uri)} changed since the change was proposed, so it is not shown. Ask for it again.`);
      return "failed";
    }
    const run = this.begin(chooseSurface(this.previews, editor, range, this.log), "merge");
    run.rounds.push({ instruction: "Apply the proposed change.", text: proposal.newText });
    await this.showResult(run, proposal.newText, findings);
    return run.outcome;
  }

  /**
   * Applies the reviewed rewrite. When Shield found an error in it, asks first, unless the caller
   * already showed the findings and the user agreed (`findingsConfirmed`).
   */
  async accept(options: { readonly findingsConfirmed?: boolean } = {}): Promise<boolean> {
    const run = this.run;
    if (!run || run.phase !== "review" || run.newText === undefined) return false;
    const errors = run.findings.filter((f) => f.severity === "error");
    if (errors.length > 0 && !options.findingsConfirmed) {
      const list = errors.map((f) => `${f.cwe || f.ruleId} (line ${f.line + 1}): ${f.message}`).join("\n");
      const question = `Shield found ${errors.length === 1 ? "an error" : `${errors.length} errors`} in Enclave's rewrite. Accept it anyway?`;
      // A window that may not show dialogs (a test run) refuses: that is a no.
      const choice = await vscode.window.showWarningMessage(question, { modal: true, detail: list }, "Accept Anyway").then((c) => c, () => undefined);
      if (choice !== "Accept Anyway" || this.run !== run || run.phase !== "review") return false;
    }
    await this.finish(run, "accepted");
    return true;
  }

  /** Reject under review; cancel while streaming. Either way the original lines come back. */
  async reject(): Promise<boolean> {
    const run = this.run;
    if (!run || run.phase === "closed") return false;
    await this.finish(run, run.phase === "streaming" ? "cancelled" : "rejected");
    return true;
  }

  /** Refines the reviewed rewrite with another instruction (the server sees the earlier rounds). */
  async followUp(instruction: string): Promise<boolean> {
    const run = this.run;
    if (!run || run.phase !== "review") return false;
    run.newText = undefined;
    run.findings = [];
    if (!(await run.session.reset())) return false;
    void this.stream(run, instruction, [...run.rounds]);
    return true;
  }

  private begin(session: EditSurface, mode: Run["mode"], problem?: vscode.Range): Run {
    let settle!: (outcome: InlineEditOutcome) => void;
    const outcome = new Promise<InlineEditOutcome>((resolve) => (settle = resolve));
    const run: Run = { session, settle, outcome, phase: "streaming", mode, ...(problem ? { problem } : {}), streamed: "", rendering: false, dirty: false, findings: [], rounds: [] };
    this.run = run;
    this.updateUi();
    return run;
  }

  private async stream(run: Run, instruction: string, previous: EditRound[]): Promise<void> {
    const editId = `inline-edit-${process.pid}-${++this.counter}`;
    const session = run.session;
    Object.assign(run, { editId, phase: "streaming", streamed: "" });
    this.updateUi();
    const range = run.problem ?? new vscode.Range(session.document.positionAt(session.span.start), session.document.positionAt(session.span.start + session.span.length));
    try {
      const result = await this.server.start({
        editId, uri: session.document.uri.toString(), version: session.document.version, instruction, mode: run.mode,
        range: { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } },
        ...(previous.length ? { previous } : {}),
      }, (text) => {
        if (run.editId !== editId || run.phase !== "streaming") return;
        run.streamed += text;
        this.delta.fire(run.streamed);
        void this.render(run);
      });
      if (run.editId !== editId || run.phase !== "streaming") return;
      this.log.debug(`Inline edit ${editId}: ${result.deltas} deltas, ${result.findings.length} findings${result.timings ? `, ${result.timings.generatedTokens} tokens in ${result.timings.totalMs} ms (${result.timings.predictor})` : ""}`);
      if (result.cancelled) return void (await this.finish(run, "cancelled"));
      const proposal = result.proposal;
      if (!proposal) return void (await this.finish(run, "failed", `Enclave could not edit ${this.name(run)}: ${result.reason ?? "the model gave no usable answer"}. The file is as it was.`));
      if (proposal.range.start.line !== session.startLine || normalize(proposal.originalText) !== normalize(session.original)) {
        return void (await this.finish(run, "failed", `Enclave's rewrite of ${this.name(run)} was made for other lines than the ones under edit, so it is not shown. The file is as it was.`));
      }
      run.rounds = [...previous, { instruction, text: proposal.newText }];
      await this.showResult(run, proposal.newText, result.findings);
    } catch (error) {
      if (run.editId !== editId || run.phase !== "streaming") return;
      this.log.warn(`Inline edit ${editId} failed: ${(error as Error).message}`);
      await this.finish(run, "failed", `The Enclave server stopped during the edit of ${this.name(run)}; the original lines are back. Try again once it is ready.`);
    }
  }

  /** Redraws the streaming preview; deltas that arrive meanwhile are folded into one redraw. */
  private async render(run: Run): Promise<void> {
    if (run.rendering) return void (run.dirty = true);
    run.rendering = true;
    try {
      do {
        run.dirty = false;
        if (!(await run.session.show(splitLines(run.streamed), false))) return this.finish(run, "cancelled", this.changedMessage(run));
        this.repaint();
      } while (run.dirty && run.phase === "streaming");
    } finally {
      run.rendering = false;
    }
  }

  /** Draws the complete rewrite; only then is it reviewable (Accept never applies something unseen). */
  private async showResult(run: Run, newText: string, findings: readonly ShieldFinding[]): Promise<void> {
    run.editId = undefined;
    run.newText = newText;
    run.findings = findings;
    if (!(await run.session.show(splitLines(newText), true))) return this.finish(run, "cancelled", this.changedMessage(run));
    if (run.phase !== "streaming") return;
    run.phase = "review";
    this.updateUi();
  }

  /** Ends the run: writes the new text (accepted) or the original (otherwise), then settles it. */
  private async finish(run: Run, outcome: InlineEditOutcome, message?: string, write = true): Promise<void> {
    if (run.phase === "closed") return;
    const streaming = run.phase === "streaming" ? run.editId : undefined;
    run.phase = "closed";
    if (streaming) void this.server.cancel(streaming);
    const accepted = outcome === "accepted" && run.newText !== undefined;
    const ok = !write || (accepted ? await run.session.accept(run.newText!) : await run.session.restore());
    if (!ok) {
      this.log.warn(`Inline edit of ${this.name(run)}: the file changed under the edit; ${accepted ? "the rewrite was not applied" : "the original lines could not be put back"}`);
      if (accepted) message = `${this.name(run)} changed under the edit, so Enclave's rewrite was not applied. Ask again.`;
    }
    if (this.run === run) this.run = undefined;
    this.view.clear(run.session.previewDocument);
    this.updateUi();
    if (message) void (outcome === "failed" ? vscode.window.showWarningMessage(message) : vscode.window.showInformationMessage(message));
    run.settle(ok ? outcome : "failed");
  }

  private onDocumentChange(e: vscode.TextDocumentChangeEvent): void {
    const run = this.run;
    if (!run || run.phase === "closed" || e.document !== run.session.document || e.contentChanges.length === 0 || run.session.writing) return;
    if (run.session.onForeignChange(e.contentChanges) === "keep") void run.session.refresh().then(() => this.repaint());
    else void this.finish(run, "cancelled", `${this.name(run)} changed inside the lines Enclave was editing, so the edit stopped and the original lines are back.`);
  }

  /** Saving the in-file diff puts the original lines back first (as the save's own edits), so the disk never holds half an edit. */
  private onWillSave(e: vscode.TextDocumentWillSaveEvent): void {
    const run = this.run;
    if (!run || run.phase === "closed" || e.document !== run.session.document || !(run.session instanceof DocumentSurface)) return;
    e.waitUntil(Promise.resolve([run.session.restoreEdit()]));
    void this.finish(run, "cancelled", `${this.name(run)} was saved during the inline edit: Enclave put the original lines back first. Run the edit again.`, false);
  }

  private async replacePending(): Promise<void> {
    if (this.run) await this.finish(this.run, "cancelled");
  }

  private state(): ViewState | undefined {
    const run = this.run;
    return run && run.phase !== "closed" ? { surface: run.session, phase: run.phase, findings: run.findings } : undefined;
  }

  private repaint(): void {
    const state = this.state();
    if (state) this.view.paint(state);
  }

  private updateUi(): void {
    this.view.update(this.state());
    this.changed.fire(this.pending);
  }

  private changedMessage = (run: Run): string => `${this.name(run)} changed while Enclave was editing it, so the edit stopped and the original lines are back.`;

  private name(run: Run): string {
    return basename(run.session.document.uri);
  }

  dispose(): void {
    if (this.run) void this.finish(this.run, "cancelled");
    for (const d of this.disposables) d.dispose();
  }
}

function normalize(text: string): string {
  return text.replace(/\r\n/g, "\n");
}

function basename(uri: vscode.Uri): string {
  return uri.path.split("/").pop() ?? uri.path;
}
