/**
 * Asks for an inline edit's instruction: VS Code's quick pick, whose first row is always what the
 * user typed (so Enter takes the typed text even when it fuzzy-matches an old one) and whose other
 * rows are the recent instructions, most recent first, kept in the extension's global memento.
 */
import * as vscode from "vscode";

const HISTORY_KEY = "enclave.edit.instructionHistory";
const HISTORY_SIZE = 20;

export class InstructionHistory {
  constructor(private readonly memento: vscode.Memento) {}

  recent(): string[] {
    return this.memento.get<string[]>(HISTORY_KEY, []);
  }

  async remember(instruction: string): Promise<void> {
    const text = instruction.trim();
    if (!text) return;
    await this.memento.update(HISTORY_KEY, [text, ...this.recent().filter((t) => t !== text)].slice(0, HISTORY_SIZE));
  }
}

/** Resolves with the instruction, or undefined when the user dismissed the input. */
export function askInstruction(history: InstructionHistory, title: string, placeholder: string): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem>();
  pick.title = title;
  pick.placeholder = placeholder;
  pick.ignoreFocusOut = false;
  pick.matchOnDescription = false;
  const recent = history.recent().map((label): vscode.QuickPickItem => ({ label, description: "recent" }));
  const refresh = (): void => {
    const typed = pick.value.trim();
    pick.items = typed ? [{ label: typed, description: "edit with this instruction", alwaysShow: true }, ...recent.filter((r) => r.label !== typed)] : recent;
  };
  refresh();
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: string | undefined): void => {
      if (done) return;
      done = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidChangeValue(refresh);
    pick.onDidAccept(() => finish((pick.selectedItems[0]?.label ?? pick.value).trim() || undefined));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}
