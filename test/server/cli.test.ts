import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureModels, SCRIPTED_MODEL_SCRIPTS } from "../fixtures/gguf";
import { repoRoot } from "./harness";

const cli = join(repoRoot, "dist", "cli.js");
const run = (args: string[], input?: string) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", input, timeout: 60_000 });

test("enclave status, complete and chat run the server's code on a real model", async () => {
  const { scripted } = await ensureModels();
  const status = run(["status", "--model", scripted]);
  assert.equal(status.status, 0, status.stderr);
  assert.match(status.stdout, /model: +enclave-fixture-scripted \(generated demo model/);
  assert.match(status.stdout, /backend: +CPU, 1 thread/);
  assert.match(status.stdout, /fim: +yes/);

  const file = join(mkdtempSync(join(tmpdir(), "enclave-cli-")), "add.py");
  writeFileSync(file, "def add(a, b):\n    \n");
  const complete = run(["complete", "--model", scripted, "--file", file, "--line", "2", "--column", "5"]);
  assert.equal(complete.status, 0, complete.stderr);
  assert.equal(complete.stdout.trim(), SCRIPTED_MODEL_SCRIPTS.default.text);

  const chat = run(["chat", "--model", scripted, "How", "do", "I", "list", "files?"]);
  assert.equal(chat.status, 0, chat.stderr);
  assert.equal(chat.stdout.trim(), SCRIPTED_MODEL_SCRIPTS.chat.text.trim());
  const repl = run(["chat", "--model", scripted, "--max-tokens", "16"], "one\ntwo\n\n");
  assert.equal(repl.status, 0, repl.stderr);
  assert.equal(repl.stdout.trim().split("\n").filter((l) => l.startsWith("Here is")).length, 2, repl.stdout);
});

test("bad command lines exit 2 with the usage, a missing model exits 1 with a clear message", () => {
  const unknown = run(["frobnicate"]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /Unknown command "frobnicate"[\s\S]*Usage: enclave/);
  const missingFlag = run(["complete", "--model", "x.gguf"]);
  assert.equal(missingFlag.status, 2);
  assert.match(missingFlag.stderr, /--file is required/);
  const missingModel = run(["status", "--model", "/nonexistent/m.gguf"]);
  assert.equal(missingModel.status, 1);
  assert.match(missingModel.stderr, /\/nonexistent\/m\.gguf cannot be used: the file does not exist/);
});
