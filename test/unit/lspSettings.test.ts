// LspSettings against a fake client connection: a malformed didChangeConfiguration keeps the
// current settings (with a warning) instead of resetting them all to the defaults.

import { test } from "node:test";
import assert from "node:assert/strict";
import { availableParallelism } from "node:os";
import type { Connection } from "vscode-languageserver/node";
import { LspSettings } from "../../server/lspSettings";
import { createLogger } from "../../server/logger";

function setup(pull: boolean, answer: () => unknown = () => ({})) {
  const lines: string[] = [];
  const log = createLogger((level, line) => lines.push(`${level}: ${line}`), () => "debug");
  const connection = { workspace: { getConfiguration: async () => answer() } } as unknown as Connection;
  return { lines, settings: (initial: unknown) => new LspSettings(connection, log, pull, initial) };
}

test("a push-only client's malformed changes are ignored with a warning and the settings stay", async () => {
  const { lines, settings: make } = setup(false);
  const settings = make({ model: "/m.gguf", completion: { maxTokens: 12 } });
  for (const payload of [{ enclave: "x" }, null, undefined, { enclave: null }, { enclave: [1] }, "x", 5]) {
    assert.equal(settings.update(payload), false, JSON.stringify(payload));
  }
  const current = await settings.get();
  assert.equal(current.model, "/m.gguf");
  assert.equal(current["completion.maxTokens"], 12);
  const warnings = lines.filter((l) => l.startsWith("warn: Ignored a workspace/didChangeConfiguration"));
  assert.equal(warnings.length, 7);
  assert.match(warnings[0]!, /\(got \{"enclave":"x"\}\); the current settings stay\.$/);

  assert.equal(settings.update({ enclave: { model: "/other.gguf" } }), true);
  assert.equal((await settings.get()).model, "/other.gguf");
});

test("a pulling client's change only means 'read again' (VS Code sends null), and a malformed answer keeps what was sent before", async () => {
  let answer: unknown = { model: "/pulled.gguf" };
  const { lines, settings: make } = setup(true, () => answer);
  const settings = make({ model: "/initial.gguf" });
  assert.equal(settings.update(null), true);
  assert.equal((await settings.get()).model, "/pulled.gguf");
  answer = "x";
  assert.equal((await settings.get()).model, "/initial.gguf");
  assert.equal(lines.filter((l) => l.startsWith("warn:")).length, 0);
});

test("values clamped to the machine are warned about once", async () => {
  const { lines, settings: make } = setup(false);
  const settings = make({ threads: 256 });
  for (let i = 0; i < 3; i++) assert.equal((await settings.get()).threads, Math.min(256, availableParallelism()));
  assert.equal(lines.filter((l) => l.includes("enclave.threads: 256 is more than")).length, 1);
});
