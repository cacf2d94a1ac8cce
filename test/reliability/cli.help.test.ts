import { test } from "node:test";
import assert from "node:assert/strict";
import { runCli } from "./kit";

const commands = ["complete", "status", "chat", "bench", "scan", "serve", "audit", "index", "search", "help"];

test("every command answers --help and -h with its usage on stdout and exit 0, without doing its work", async () => {
  for (const command of commands) {
    for (const flag of ["--help", "-h"]) {
      // serve would load a model and listen, audit would print the log: --help must win over both.
      const result = await runCli([command, flag, "--model", "/nonexistent.gguf"], { timeoutMs: 20_000 });
      assert.equal(result.code, 0, `${command} ${flag}: ${result.stderr}`);
      assert.match(result.stdout, command === "help" ? /^Usage: enclave <command>/ : new RegExp(`^(Usage: enclave ${command}|usage: enclave ${command})`), `${command} ${flag}`);
      assert.equal(result.stderr, "", `${command} ${flag}`);
    }
  }
  const top = await runCli(["--help"]);
  assert.equal(top.code, 0);
  for (const command of commands) assert.match(top.stdout, new RegExp(`^  ${command}\\b`, "m"), command);
});

test("a flag that needs a value still says so, with the command's usage, and exits 2", async () => {
  const result = await runCli(["audit", "--last"]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--last needs a value[\s\S]*Usage: enclave audit/);
});
