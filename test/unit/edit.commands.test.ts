// package.json and src/edit/inlineEditCommands.ts name the inline edit's commands and context
// keys twice (the manifest cannot import); this keeps them in step, and keeps Ctrl+I, Ctrl+Enter
// and Escape bound only where they should be.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { InlineEditCommands, InlineEditContext } from "../../src/edit/inlineEditCommands";

interface Keybinding { command: string; key: string; mac?: string; when?: string }
const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "..", "package.json"), "utf8"));
const commands = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
const keybindings: Keybinding[] = manifest.contributes.keybindings;

test("every inline edit command is contributed", () => {
  for (const id of Object.values(InlineEditCommands)) assert.ok(commands.has(id), `${id} is not in contributes.commands`);
});

test("Ctrl+I / Cmd+I runs Edit with Instructions only in a writable editor with the model ready and no suggest widget", () => {
  const binding = keybindings.find((k) => k.command === InlineEditCommands.editWithInstructions);
  assert.ok(binding);
  assert.equal(binding.key, "ctrl+i");
  assert.equal(binding.mac, "cmd+i");
  for (const clause of ["editorTextFocus", "!editorReadonly", "!suggestWidgetVisible", "enclave.modelState == ready"]) assert.ok(binding.when?.includes(clause), `${clause} missing from ${binding.when}`);
});

test("Ctrl+Enter and Escape are bound only while an inline edit is pending", () => {
  const accept = keybindings.find((k) => k.command === InlineEditCommands.accept);
  const reject = keybindings.find((k) => k.command === InlineEditCommands.reject);
  assert.equal(accept?.key, "ctrl+enter");
  assert.ok(accept?.when?.includes(InlineEditContext.review), accept?.when);
  assert.equal(reject?.key, "escape");
  assert.ok(reject?.when?.includes(InlineEditContext.pending), reject?.when);
  assert.ok(reject?.when?.includes("!suggestWidgetVisible") && reject.when.includes("!findWidgetVisible"), "Escape still closes VS Code's own widgets first");
});
