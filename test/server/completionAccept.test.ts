import { test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import {
  DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExecuteCommandRequest, InlineCompletionRequest,
  InlineCompletionTriggerKind, type InlineCompletionList,
} from "vscode-languageserver-protocol/node";
import { CompletionAcceptedCommand } from "../../common/protocol";
import { ensureModels } from "../fixtures/gguf";
import { startServer, type RunningServer } from "./harness";

/** Asks for ghost text at the end of `text`'s line `line` (as VS Code does while typing). */
async function suggestionAt(server: RunningServer, uri: string, text: string, offset: number): Promise<string> {
  const before = text.slice(0, offset).split("\n");
  const list = (await server.connection.sendRequest(InlineCompletionRequest.type, {
    textDocument: { uri }, position: { line: before.length - 1, character: before[before.length - 1]!.length },
    context: { triggerKind: InlineCompletionTriggerKind.Automatic },
  })) as InlineCompletionList | null;
  return (list?.items[0]?.insertText as string | undefined) ?? "";
}

/**
 * Accepting a suggestion and asking again at the end of it, as Tab does: the scripted model
 * answers "return a + b" to any prompt, which right after an accepted `return name` (or
 * `return a + b`) would start the line over (`return namereturn a + b`). Both the model path
 * (after a block) and the prefetch path (after a single line) are checked.
 */
test("the suggestion after an accepted one does not repeat the line it completes", async () => {
  const { scripted } = await ensureModels();
  const server = await startServer({ model: scripted });
  try {
    await server.waitForStatus((s) => s.state === "ready");
    for (const [name, start] of [["block.py", "def greet(name):"], ["line.py", "def add(a, b):\n    "]] as const) {
      const uri = pathToFileURL(`/tmp/enclave-accept-test/${name}`).href;
      let text = `${start}\n`;
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "python", version: 1, text } });
      const first = await suggestionAt(server, uri, text, start.length);
      assert.match(first, /return (name|a \+ b)$/, `${name}: the scripted suggestion, got ${JSON.stringify(first)}`);
      // Give the prefetch of the single-line case time to finish, so the next request uses it.
      await new Promise((r) => setTimeout(r, 1500));
      text = start + first + "\n";
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
      await server.connection.sendRequest(ExecuteCommandRequest.type, { command: CompletionAcceptedCommand.command, arguments: [{ uri, text: first, line: 0, character: 0 }] });
      const next = await suggestionAt(server, uri, text, start.length + first.length);
      const line = text.slice(0, start.length + first.length).split("\n").pop()! + next.split("\n")[0];
      assert.doesNotMatch(line, /return \S*return/, `${name}: the line would read ${JSON.stringify(line)}`);
    }
  } finally {
    await server.stop();
  }
});
