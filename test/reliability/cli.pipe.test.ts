import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cliPath, openTempDir, run } from "./kit";

/**
 * The reader of the pipe: another process that waits a moment before it reads (so the pipe
 * fills while the CLI is still writing) and then parses all of stdin as JSON.
 */
const reader = `setTimeout(() => {
  const chunks = [];
  process.stdin.on("data", (c) => chunks.push(c)).on("end", () => {
    const text = Buffer.concat(chunks).toString();
    try {
      const value = JSON.parse(text);
      process.stdout.write(JSON.stringify({ bytes: text.length, items: Array.isArray(value) ? value.length : value.entries.length }));
    } catch (error) {
      process.stdout.write(JSON.stringify({ bytes: text.length, error: error.message }));
    }
  });
}, 300);`;

/** `node dist/cli.js ARGS | node -e reader` in a shell: a real pipe between two processes. */
async function throughPipe(args: string[]): Promise<{ bytes: number; items?: number; error?: string; code: number | null; stderr: string }> {
  const quoted = [process.execPath, cliPath, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const result = await run("/bin/sh", ["-c", `${quoted} | '${process.execPath}' -e '${reader.replace(/'/g, "'\\''")}'`], { timeoutMs: 120_000 });
  assert.equal(result.code, 0, result.stderr);
  return { ...(JSON.parse(result.stdout) as { bytes: number; items?: number; error?: string }), code: result.code, stderr: result.stderr };
}

test("enclave scan --json of more than 1 MB reaches a reader through a pipe whole, and parses", async (t) => {
  const dir = openTempDir("enclave-pipe-");
  mkdirSync(join(dir, "src"));
  // 4,000 findings: each JSON finding is ~300 bytes, so well over 1 MB of output.
  const lines: string[] = ["import os"];
  for (let i = 0; i < 4000; i++) lines.push(`def run${i}(x):`, "    os.system(x)");
  writeFileSync(join(dir, "src", "many.py"), `${lines.join("\n")}\n`);
  const out = await throughPipe(["scan", "--json", "--fail-on", "never", dir]);
  assert.equal(out.error, undefined, `the JSON was cut: ${out.bytes} bytes`);
  assert.ok(out.bytes > 1_000_000, `${out.bytes} bytes`);
  assert.equal(out.items, 4000);
  t.diagnostic(`scan --json: ${out.bytes} bytes, ${out.items} findings through the pipe`);
});

test("enclave audit --json of a large audit log reaches a reader through a pipe whole, and parses", async (t) => {
  const dir = openTempDir("enclave-pipe-");
  const file = join(dir, "audit.jsonl");
  const events: string[] = [];
  for (let i = 0; i < 8000; i++) {
    events.push(JSON.stringify({ id: `7-${i}`, event: "refused", time: "2026-01-01T10:00:00.000Z", process: "server", pid: 7, kind: "tcp", host: `host${i}.example.com`, port: 443, reason: `Enclave refused to connect to host${i}.example.com:443: no setting names it.` }));
  }
  writeFileSync(file, `${events.join("\n")}\n`);
  const out = await throughPipe(["audit", "--json", "--file", file]);
  assert.equal(out.error, undefined, `the JSON was cut: ${out.bytes} bytes`);
  assert.ok(out.bytes > 1_000_000, `${out.bytes} bytes`);
  assert.equal(out.items, 8000);
  t.diagnostic(`audit --json: ${out.bytes} bytes, ${out.items} entries through the pipe`);
});

test("enclave scan --json with nobody reading stderr still writes every finding to stdout", async (t) => {
  const dir = openTempDir("enclave-pipe-");
  // A skipped file comes first in the walk, so a note goes to the closed stderr before any finding.
  writeFileSync(join(dir, "a-big.py"), `x = 1\n${"# padding line\n".repeat(80_000)}`);
  for (let i = 0; i < 50; i++) writeFileSync(join(dir, `b${i}.py`), "import os\nos.system(input())\n".repeat(20));
  const child = spawn(process.execPath, [cliPath, "scan", "--json", dir], { stdio: ["ignore", "pipe", "pipe"] });
  // The reader of stderr goes away before the CLI has loaded: every note it writes meets EPIPE.
  child.stderr.destroy();
  let stdout = "";
  child.stdout.on("data", (c: Buffer) => { stdout += c.toString(); });
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  clearTimeout(timer);
  assert.equal(code, 1, "findings exit 1, as with a reader on stderr");
  assert.equal((JSON.parse(stdout) as unknown[]).length, 1000, `stdout was cut at ${stdout.length} bytes`);
  t.diagnostic(`scan --json with stderr closed: ${stdout.length} bytes on stdout`);
});
