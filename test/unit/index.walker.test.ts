/** Which files the codebase index reads: .gitignore rules (nested too), excludes, binaries, size, symlinks. */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { walkedFileAt, walkFiles } from "../../server/index/walker";

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-walk-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

test("root and nested .gitignore rules, negation, default and extra excludes apply", () => {
  const root = tree({
    ".gitignore": "dist/\n*.log\n!keep.log\n",
    "src/a.ts": "x", "src/keep.log": "x", "src/debug.log": "x", "dist/out.js": "x",
    "lib/.gitignore": "secret.py\n/local/\n", "lib/secret.py": "x", "lib/ok.py": "x", "lib/local/l.py": "x", "local/top.py": "x",
    "node_modules/p/index.js": "x", ".git/config": "x", ".enclave/index/chunks.json": "x", "fixtures/big.json": "x",
  });
  try {
    const files = walkFiles(root, { exclude: ["fixtures/"] }).map((f) => f.path);
    assert.deepEqual(files, [".gitignore", "lib/.gitignore", "lib/ok.py", "local/top.py", "src/a.ts", "src/keep.log"]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("files over the size limit are skipped and directory symlinks are not followed", () => {
  const root = tree({ "small.py": "x = 1\n", "large.py": "x".repeat(2000), "pkg/mod.py": "y = 2\n" });
  try {
    fs.symlinkSync(root, path.join(root, "pkg", "loop"));
    fs.symlinkSync(path.join(root, "small.py"), path.join(root, "link.py"));
    const files = walkFiles(root, { maxFileBytes: 1000 }).map((f) => f.path);
    assert.deepEqual(files, ["link.py", "pkg/mod.py", "small.py"]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test("enclave.index.exclude patterns and a file's own verdict (for watcher updates) follow the same rules as the walk", () => {
  const root = tree({
    ".gitignore": "*.log\n", "src/a.ts": "x", "src/gen/out.ts": "x", "docs/notes.md": "x", "src/b.test.ts": "x",
    "lib/.gitignore": "private/\n", "lib/private/k.py": "x", "lib/ok.py": "x", "app.log": "x",
  });
  try {
    const exclude = ["src/gen/", "*.test.ts", "docs"];
    const files = walkFiles(root, { exclude }).map((f) => f.path);
    assert.deepEqual(files, [".gitignore", "lib/.gitignore", "lib/ok.py", "src/a.ts"]);
    for (const rel of ["src/a.ts", "lib/ok.py", "src/gen/out.ts", "src/b.test.ts", "docs/notes.md", "lib/private/k.py", "app.log", "missing.py", "../outside.py"]) {
      assert.equal(walkedFileAt(root, rel, { exclude })?.path, files.includes(rel) ? rel : undefined, rel);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
