import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { parseSlashCommand, slashCompletions } from "../../common/slashCommand";
import { Composer } from "../../media/chat/composer";

test("one rule for slash commands: a known name followed by whitespace or the end", () => {
  assert.deepEqual(parseSlashCommand("/fix-it now"), { text: "/fix-it now" });
  assert.deepEqual(parseSlashCommand("/fix it now"), { command: "fix", text: "it now" });
  assert.deepEqual(parseSlashCommand("  /Doc"), { command: "doc", text: "" });
  assert.deepEqual(parseSlashCommand("/clear"), { command: "clear", text: "" });
  assert.deepEqual(parseSlashCommand("/fixed"), { text: "/fixed" });
  assert.deepEqual(slashCompletions("/fi"), ["fix"]);
  assert.deepEqual(slashCompletions("/"), ["explain", "fix", "tests", "doc", "clear"]);
  assert.deepEqual(slashCompletions("/fix-it"), []);
  assert.deepEqual(slashCompletions("/fix now"), []);
});

/** A composer in a DOM of its own, with the keys a user presses. */
function composerIn(): { composer: Composer; sent: string[]; type(text: string): void; press(key: string): void; suggestions(): string[] } {
  const dom = new JSDOM("<!DOCTYPE html><body><div id='c'></div></body>");
  const g = globalThis as Record<string, unknown>;
  g.document = dom.window.document;
  const sent: string[] = [];
  const composer = new Composer(dom.window.document.getElementById("c")!, { send: (t) => sent.push(t), stop: () => undefined, addFile: () => undefined });
  const input = composer.input;
  return {
    composer, sent,
    type(text) {
      input.value += text;
      input.dispatchEvent(new dom.window.InputEvent("input", { data: text.slice(-1) }));
    },
    press(key) {
      input.dispatchEvent(new dom.window.KeyboardEvent("keydown", { key, cancelable: true }));
    },
    suggestions: () => [...dom.window.document.querySelectorAll<HTMLElement>("#suggestions:not([hidden]) [data-command]")].map((e) => e.dataset.command!),
  };
}

test("the webview's composer reads commands with the same parser: /fix-it is text, /fi offers /fix", () => {
  const c = composerIn();
  c.type("/fi");
  assert.deepEqual(c.suggestions(), ["fix"]);
  c.type("x-it now");
  assert.deepEqual(c.suggestions(), [], "no command is offered for /fix-it");
  c.press("Enter");
  assert.deepEqual(c.sent, ["/fix-it now"]);
  assert.deepEqual(parseSlashCommand(c.sent[0]!), { text: "/fix-it now" }, "the host reads it as text too");

  const d = composerIn();
  d.type("/fi");
  d.press("Enter"); // Picks the suggestion instead of sending "/fi".
  assert.equal(d.composer.input.value, "/fix ");
  d.type("the loop");
  d.press("Enter");
  assert.deepEqual(parseSlashCommand(d.sent[0]!), { command: "fix", text: "the loop" });
});
