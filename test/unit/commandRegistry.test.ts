// One registry owns workspace/executeCommand: every feature's command is reachable and listed,
// where a second connection.onExecuteCommand used to replace the first silently.

import { test } from "node:test";
import assert from "node:assert/strict";
import type { Connection, ExecuteCommandParams } from "vscode-languageserver/node";
import { CommandRegistry } from "../../server/commandRegistry";

function fakeConnection() {
  let handler: ((params: ExecuteCommandParams) => Promise<unknown>) | undefined;
  const connection = { onExecuteCommand: (h: typeof handler) => { handler = h; return { dispose: () => { handler = undefined; } }; } } as unknown as Connection;
  return { connection, run: (command: string, ...args: unknown[]) => handler!({ command, arguments: args }) };
}

test("commands from several features all run through the one handler, and all are listed", async () => {
  const registry = new CommandRegistry();
  const { connection, run } = fakeConnection();
  registry.listen(connection);
  const calls: string[] = [];
  registry.add("enclave.a", (args) => { calls.push(`a ${JSON.stringify(args)}`); return 1; });
  const b = registry.add("enclave.b", () => { calls.push("b"); });
  assert.deepEqual(registry.commands, ["enclave.a", "enclave.b"]);
  assert.equal(await run("enclave.a", 7), 1);
  assert.equal(await run("enclave.b"), null);
  assert.deepEqual(calls, ["a [7]", "b"]);
  b.dispose();
  assert.deepEqual(registry.commands, ["enclave.a"]);
  await assert.rejects(run("enclave.b"), /The Enclave server has no command enclave\.b\./);
});

test("a command registered twice is a bug, reported at once", () => {
  const registry = new CommandRegistry();
  registry.add("enclave.a", () => null);
  assert.throws(() => registry.add("enclave.a", () => null), /enclave\.a is registered twice/);
});
