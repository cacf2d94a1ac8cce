/**
 * The CLI contract of the codebase index, end to end through `node dist/cli.js`, on a small
 * repository under test/fixtures/index-repo (copied, because the index is written inside it).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ensureModels } from "../fixtures/gguf";
import { repoRoot } from "./harness";

const cli = path.join(repoRoot, "dist", "cli.js");
const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });

interface Hit { path: string; startLine: number; endLine: number; symbol: string | null; score: number }

/** A copy of the fixture plus what its .gitignore excludes and a binary file, which git cannot keep. */
function fixtureCopy(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-index-"));
  fs.cpSync(path.join(repoRoot, "test", "fixtures", "index-repo"), root, { recursive: true });
  fs.mkdirSync(path.join(root, "generated"));
  fs.writeFileSync(path.join(root, "generated", "users_pb2.py"), "def get_user_by_id(user_id):\n    return None\n");
  fs.writeFileSync(path.join(root, "server.trace"), "get_user_by_id took 3 ms\n");
  fs.writeFileSync(path.join(root, "logo.png"), Buffer.from("PNG\0\0get_user_by_id", "latin1"));
  return root;
}

test("enclave index builds the index, search finds the right function first, --queries answers in JSONL", { timeout: 120_000 }, () => {
  const root = fixtureCopy();
  try {
    const indexed = run(["index", root]);
    assert.equal(indexed.status, 0, indexed.stderr);
    assert.match(indexed.stdout, /^files: 6\nchunks: \d+\nseconds: \d+\.\d\d\n$/);

    const search = run(["search", "--root", root, "--top", "3", "--json", "get", "user", "by", "id"]);
    assert.equal(search.status, 0, search.stderr);
    const hits = JSON.parse(search.stdout) as Hit[];
    assert.equal(hits.length, 3);
    assert.deepEqual(hits[0], { path: "app/users.py", startLine: 16, endLine: 18, symbol: "UserStore.get_user_by_id", score: hits[0]!.score });
    assert.ok(hits.every((h, i) => i === 0 || h.score <= hits[i - 1]!.score), "best first");
    assert.ok(!hits.some((h) => h.path.startsWith("generated/") || h.path === "server.trace" || h.path === "logo.png"), "ignored and binary files are not indexed");

    // Beside the repository, not in it: a new file inside would be indexed by the next run.
    const queries = `${root}-queries.txt`;
    fs.writeFileSync(queries, "retry with backoff\ninvoice total with discount\n\nledger balance for an account\n");
    const batch = run(["search", "--root", root, "--queries", queries, "--top", "2"]);
    assert.equal(batch.status, 0, batch.stderr);
    const lines = batch.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Hit[]);
    assert.equal(lines.length, 4, "one line per query line");
    assert.equal(lines[0]![0]!.symbol, "RetryWithBackoff");
    assert.equal(lines[1]![0]!.symbol, "computeInvoiceTotal");
    assert.deepEqual(lines[2], []);
    assert.deepEqual([lines[3]![0]!.path, lines[3]![0]!.symbol, lines[3]![0]!.startLine], ["billing/ledger.c", "ledger_balance", 9]);

    // Thousands of queries cost one load, and their megabytes of JSONL reach the pipe whole before exit.
    fs.writeFileSync(queries, Array.from({ length: 3000 }, (_, i) => `user password invoice ledger retry ${i}`).join("\n") + "\n");
    const many = run(["search", "--root", root, "--queries", queries, "--top", "20"]);
    assert.equal(many.status, 0, many.stderr);
    assert.ok(many.stdout.length > 1_000_000, `${many.stdout.length} bytes`);
    const answers = many.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Hit[]);
    assert.equal(answers.length, 3000);
    assert.ok(answers.every((a) => a.length === 20));

    // A second run with nothing changed chunks nothing again.
    const again = run(["index", root]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, /\(0 files chunked, 0 removed/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(`${root}-queries.txt`, { force: true });
  }
});

test("bad input gets a clear message and exit 2", { timeout: 120_000 }, () => {
  const root = fixtureCopy();
  const missing = path.join(root, "no-such-dir");
  try {
    const cases: Array<[string[], RegExp]> = [
      [["index"], /a directory is required/],
      [["index", missing], /no such directory/],
      [["index", "--embedding-model", path.join(root, "embed.gguf"), root], /--embedding-model .*embed\.gguf: no such file/],
      [["index", "--embedding-model", path.join(root, "README.md"), root], /--embedding-model: .*README\.md/],
      [["search", "--root", root, "retry"], /has no index yet .*: run `enclave index/],
      [["search", "--root", missing, "retry"], /no such directory/],
      [["search", "--root", root], /needs a QUERY or --queries FILE/],
      [["search", "--root", root, "--queries", path.join(root, "missing.txt")], /--queries .*: no such file/],
      [["search", "--root", root, "--top", "zero", "x"], /--top takes a whole number/],
    ];
    for (const [args, message] of cases) {
      const result = run(args);
      assert.equal(result.status, 2, `${args.join(" ")}: ${result.stderr}`);
      assert.match(result.stderr, message, args.join(" "));
      assert.equal(result.stdout, "", args.join(" "));
    }
    assert.ok(!fs.existsSync(path.join(root, ".enclave")), "a refused --embedding-model writes no index");
    const help = run(["search", "--help"]);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--queries FILE/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("--embedding-model embeds every chunk with a generated GGUF model; search embeds its queries with the same model, and falls back to keywords when it is gone", { timeout: 180_000 }, async () => {
  const { tiny } = await ensureModels();
  const root = fixtureCopy();
  const model = `${root}-embed.gguf`;
  fs.copyFileSync(tiny, model);
  try {
    const indexed = run(["index", "--embedding-model", model, root]);
    assert.equal(indexed.status, 0, indexed.stderr);
    const chunks = Number(/^chunks: (\d+)$/m.exec(indexed.stdout)?.[1]);
    assert.ok(chunks > 5, indexed.stdout);
    assert.match(indexed.stderr, new RegExp(`${chunks} chunks embedded with enclave-fixture-tiny \\([\\d.]+ chunks/s; ${chunks} of ${chunks} have a vector\\)`));
    // One int8 vector of the model's 64 dimensions and a 4-byte id per chunk, after a one-line header.
    const vectors = fs.readFileSync(path.join(root, ".enclave", "index", "vectors.bin"));
    assert.equal(vectors.length - vectors.indexOf(10) - 1, chunks * (4 + 64));

    const again = run(["index", "--embedding-model", model, root]);
    assert.match(again.stderr, new RegExp(`\\(0 files chunked, 0 removed, 0 unreadable, 0 chunks embedded .*${chunks} of ${chunks} have a vector`), "nothing is embedded twice");

    const hybrid = run(["search", "--root", root, "--top", "5", "ledger", "balance"]);
    assert.equal(hybrid.status, 0, hybrid.stderr);
    assert.equal(hybrid.stderr, "");
    const hits = JSON.parse(hybrid.stdout) as Hit[];
    assert.equal(hits.length, 5);
    assert.ok(hits.some((h) => h.symbol === "ledger_balance"), JSON.stringify(hits));

    fs.rmSync(model);
    const keywordOnly = run(["search", "--root", root, "--top", "1", "ledger", "balance"]);
    assert.equal(keywordOnly.status, 0, keywordOnly.stderr);
    assert.match(keywordOnly.stderr, /embedding model .* is not used .*searching by keywords alone/);
    assert.equal((JSON.parse(keywordOnly.stdout) as Hit[])[0]?.symbol, "ledger_balance");
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(model, { force: true });
  }
});
