/**
 * Which files Scan Workspace reads when a repository holds odd things named .gitignore: a folder
 * of that name threw EISDIR and ended the whole scan, and a FIFO blocked the server's thread.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { workspaceFiles } from "../../server/shield/workspaceScan";

test("a .gitignore that is a folder or a FIFO is not read, and the files beside it are still listed", { timeout: 10_000 }, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-ws-"));
  try {
    fs.mkdirSync(path.join(root, "a", ".gitignore"), { recursive: true });
    fs.writeFileSync(path.join(root, "a", "app.py"), "x = 1\n");
    fs.mkdirSync(path.join(root, "b"));
    execFileSync("mkfifo", [path.join(root, "b", ".gitignore")]);
    fs.writeFileSync(path.join(root, "b", "lib.py"), "x = 1\n");
    fs.writeFileSync(path.join(root, ".gitignore"), "skipped.py\n");
    fs.writeFileSync(path.join(root, "skipped.py"), "x = 1\n");
    const files = workspaceFiles(root).map((f) => path.relative(root, f));
    assert.deepEqual(files, [path.join("a", "app.py"), path.join("b", "lib.py")]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
