// Files `enclave complete --file` cannot use: a FIFO made it wait forever and /dev/zero made it
// read until memory ran out; a missing file or a folder gave a bare ENOENT or EISDIR.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { openTempDir, repoRoot, runCli } from "./kit";

test("enclave complete --file that is no regular file exits 2 at once, naming it", async () => {
  const dir = openTempDir("enclave-inputs-");
  const fifo = join(dir, "pipe.py");
  execFileSync("mkfifo", [fifo]);
  mkdirSync(join(dir, "folder.py"));
  const model = join(repoRoot, "test", "fixtures", "models", "tiny.gguf");
  const cases: Array<[string, RegExp]> = [
    [fifo, /pipe\.py: is not a regular file/],
    ["/dev/zero", /\/dev\/zero: is not a regular file/],
    [join(dir, "folder.py"), /folder\.py: is a directory/],
    [join(dir, "missing.py"), /missing\.py: no such file/],
  ];
  for (const [file, message] of cases) {
    const ran = await runCli(["complete", "--model", model, "--file", file, "--line", "1", "--column", "1"], { timeoutMs: 20_000 });
    assert.equal(ran.code, 2, `${file}: exit ${ran.code} after ${ran.ms.toFixed(0)} ms; ${ran.stderr}`);
    assert.match(ran.stderr, message);
    assert.doesNotMatch(ran.stderr, /\n\s+at /, "no stack trace");
  }
});

test("a --model that is a pipe or a device is named as such, not as a directory", async () => {
  const dir = openTempDir("enclave-inputs-");
  const fifo = join(dir, "model.gguf");
  execFileSync("mkfifo", [fifo]);
  for (const model of [fifo, "/dev/zero"]) {
    const ran = await runCli(["status", "--model", model], { timeoutMs: 20_000 });
    assert.equal(ran.code, 1, `${model}: exit ${ran.code}; ${ran.stderr}`);
    assert.match(ran.stderr, /cannot be used: it is not a regular file \(a pipe or a device\)/, ran.stderr);
  }
});
