/**
 * What the next chat message carries: the selection (or the current file), the problems in it
 * (Shield's diagnostics included, they are ordinary diagnostics) and files added with `@`. The
 * context bar shows the same thing as chips; a removed chip stays away until the selection or
 * the editor changes.
 */
import * as vscode from "vscode";
import type { ContextChip } from "../../media/chat/messages";
import type { ChatContextItem } from "../../common/protocol";
import { countsAsProblem, selectedLines, selectionLabel } from "./selectionFacts";

/** A range to talk about, given by a command or code action instead of the editor's selection. */
export interface ChatTarget {
  readonly uri: vscode.Uri;
  readonly range: vscode.Range;
}

/** Most problems attached to one message. */
const MAX_PROBLEMS = 30;
/** More text than any context window holds; the server cuts attachments to fit in any case. */
const MAX_ATTACHMENT_CHARS = 512_000;

export class ContextCollector implements vscode.Disposable {
  private editor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private readonly pinned = new Map<string, vscode.Uri>();
  private readonly removed = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Focus moving to the chat view leaves no active editor: keep talking about the last one.
        if (!editor || !isCode(editor.document)) return;
        this.editor = editor;
        this.removed.clear();
        this.changed.fire();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor !== this.editor) return;
        this.removed.delete("selection");
        this.removed.delete("problems");
        this.changed.fire();
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (this.editor && event.uris.some((uri) => uri.toString() === this.editor!.document.uri.toString())) this.changed.fire();
      }),
    ];
  }

  /** The editor chat talks about: the active one, or the last one that was. */
  get lastEditor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active && isCode(active.document)) this.editor = active;
    return this.editor && !this.editor.document.isClosed ? this.editor : undefined;
  }

  pin(uri: vscode.Uri): void {
    this.pinned.set(uri.toString(), uri);
    this.changed.fire();
  }

  remove(id: string): void {
    if (id.startsWith("pinned:")) this.pinned.delete(id.slice(7));
    else this.removed.add(id);
    this.changed.fire();
  }

  chips(): ContextChip[] {
    return this.plan().map(({ id, kind, label, detail }) => ({ id, kind, label, detail }));
  }

  /** The items for a message; with a target (from a command), that range replaces the selection. */
  async collect(target?: ChatTarget): Promise<ChatContextItem[]> {
    const items: ChatContextItem[] = [];
    for (const part of this.plan(target)) {
      const document = await vscode.workspace.openTextDocument(part.uri);
      const uri = document.uri.toString();
      if (part.kind === "problems") {
        items.push({ kind: "problems", label: part.label, uri, range: toRange(part.range ?? fullRange(document)), text: part.problems!.join("\n") });
      } else {
        const range = part.range ?? fullRange(document);
        items.push({ kind: part.kind, label: part.label, uri, languageId: document.languageId, range: toRange(range), text: document.getText(range).slice(0, MAX_ATTACHMENT_CHARS) });
      }
    }
    return items;
  }

  /** Decides what is attached; chips and messages both come from here, so they always agree. */
  private plan(target?: ChatTarget): Array<ContextChip & { uri: vscode.Uri; range?: vscode.Range; problems?: string[] }> {
    const out: Array<ContextChip & { uri: vscode.Uri; range?: vscode.Range; problems?: string[] }> = [];
    const editor = this.lastEditor;
    const uri = target?.uri ?? editor?.document.uri;
    if (uri) {
      const name = basename(uri);
      const selection = target?.range ?? (editor && !editor.selection.isEmpty ? editor.selection : undefined);
      const attachFile = vscode.workspace.getConfiguration("enclave", uri).get<boolean>("chat.attachCurrentFile", true);
      const selectionName = selection ? selectionLabel(name, selection.start, selection.end) : name;
      if (selection && (target || !this.removed.has("selection"))) {
        const label = selectionName;
        out.push({ id: "selection", kind: "selection", label, detail: `the selection ${label}`, uri, range: new vscode.Range(selection.start, selection.end) });
      } else if (!selection && (target || (attachFile && !this.removed.has("file")))) {
        out.push({ id: "file", kind: "file", label: name, detail: `the current file ${name}`, uri });
      }
      // Problems in the lines the chip names (an end at column 0 of the next line is not in it).
      const lines = selection ? selectedLines(selection.start, selection.end) : undefined;
      const problems = vscode.languages.getDiagnostics(uri)
        .filter((d) => countsAsProblem(d.severity) && (!lines || (d.range.end.line >= lines.first - 1 && d.range.start.line <= lines.last - 1)));
      if (problems.length && (target || !this.removed.has("problems"))) {
        const where = selectionName;
        const label = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
        out.push({ id: "problems", kind: "problems", label, detail: `${label} in ${where}`, uri, range: selection, problems: problems.slice(0, MAX_PROBLEMS).map(describeDiagnostic) });
      }
    }
    for (const [key, pinnedUri] of this.pinned) {
      if (pinnedUri.toString() === uri?.toString() && out.some((p) => p.kind === "file")) continue;
      out.push({ id: `pinned:${key}`, kind: "file", label: basename(pinnedUri), detail: `the file ${vscode.workspace.asRelativePath(pinnedUri)}`, uri: pinnedUri });
    }
    return out;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** One problem as the model reads it: where, how bad, who says so, what. */
export function describeDiagnostic(d: vscode.Diagnostic): string {
  const severity = ["error", "warning", "info", "hint"][d.severity] ?? "problem";
  const code = typeof d.code === "object" ? d.code.value : d.code;
  const source = [d.source, code].filter((x) => x !== undefined && x !== "").join(" ");
  return `- line ${d.range.start.line + 1}: ${severity}${source ? ` (${source})` : ""}: ${d.message.replace(/\s+/g, " ")}`;
}

function isCode(document: vscode.TextDocument): boolean {
  return document.uri.scheme === "file" || document.uri.scheme === "untitled" || document.uri.scheme === "vscode-remote" || document.uri.scheme === "vscode-userdata";
}

function fullRange(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(0, 0, document.lineCount, 0);
}

function toRange(r: vscode.Range): ChatContextItem["range"] {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

function basename(uri: vscode.Uri): string {
  return uri.path.split("/").pop() || uri.toString();
}
