import { test } from "node:test";
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { asUnprivileged, openTempDir, runCli } from "./kit";

const vulnerable = "import os\ndef run(x):\n    os.system(x)\n";

/**
 * A tree with what a real checkout can hold: an unreadable file, an unreadable folder, a link
 * to a file scanned under its own name too, a link to a file only reachable through it (inside
 * node_modules, which is not walked), a link to a folder (a loop back to the root), a link
 * leaving the tree and a broken link. The scan runs as an unprivileged user, for whom mode 000
 * means unreadable (root reads everything).
 */
function oddTree(): { root: string; outside: string } {
  const root = openTempDir("enclave-scan-tree-");
  const outside = openTempDir("enclave-scan-outside-");
  writeFileSync(join(outside, "elsewhere.py"), vulnerable);
  mkdirSync(join(root, "src"));
  writeFileSync(join(root, "src", "app.py"), vulnerable);
  writeFileSync(join(root, "secret.py"), vulnerable);
  mkdirSync(join(root, "locked"));
  writeFileSync(join(root, "locked", "hidden.py"), vulnerable);
  mkdirSync(join(root, "node_modules", "pkg"), { recursive: true });
  writeFileSync(join(root, "node_modules", "pkg", "generated.py"), vulnerable);
  mkdirSync(join(root, "links"));
  symlinkSync(join(root, "src", "app.py"), join(root, "links", "same-as-app.py"));
  symlinkSync(join("..", "node_modules", "pkg", "generated.py"), join(root, "links", "tool.py"));
  symlinkSync(root, join(root, "links", "loop"));
  symlinkSync(join(outside, "elsewhere.py"), join(root, "links", "outside.py"));
  symlinkSync(join(root, "nowhere.py"), join(root, "links", "broken.py"));
  chmodSync(join(root, "secret.py"), 0o000);
  chmodSync(join(root, "locked"), 0o000);
  return { root, outside };
}

test("enclave scan reports unreadable entries and links as skipped with reasons, prints the rest, and exits per --fail-on", async () => {
  const { root, outside } = oddTree();
  const never = await runCli(["scan", "--fail-on", "never", root], { ...asUnprivileged(), cwd: root });
  assert.equal(never.code, 0, never.stderr);
  assert.doesNotMatch(never.stderr, /EACCES|\n\s+at /, "no stack trace");
  assert.deepEqual(never.stderr.trim().split("\n").map((l) => l.replace(`${root}/`, "")).sort(), [
    "links/broken.py: skipped (symbolic link that cannot be followed: its target does not exist)",
    "links/loop: skipped (symbolic link to a folder; links to folders are not followed)",
    `links/outside.py: skipped (symbolic link to ${outside}/elsewhere.py, outside the scanned folder)`,
    `links/same-as-app.py: skipped (the same file as ${root}/src/app.py, which is scanned)`,
    "locked/: skipped (cannot read this folder: permission denied)",
    "node_modules: skipped (node_modules is not scanned)",
    "secret.py: skipped (cannot read it: permission denied)",
  ]);
  assert.match(never.stdout, /src\/app\.py:3:5 error /);
  assert.match(never.stdout, /links\/tool\.py:3:5 error /, "a link to a file inside the tree is followed");
  assert.match(never.stdout.trim().split("\n").at(-1)!, /^2 findings .* in 2 files scanned, 7 skipped$/, never.stdout);

  // The default --fail-on error fails on the findings of the readable files, not on the skips;
  // --json stays one array of findings (the skips go to stderr).
  const failing = await runCli(["scan", "--json", root], { ...asUnprivileged(), cwd: root });
  assert.equal(failing.code, 1, failing.stderr);
  const findings = JSON.parse(failing.stdout) as Array<{ path: string }>;
  assert.deepEqual(findings.map((f) => f.path.replace(`${root}/`, "")).sort(), ["links/tool.py", "src/app.py"]);
  assert.equal(failing.stderr.trim().split("\n").length, 7);

  // An unreadable file named on the command line is skipped the same way.
  const named = await runCli(["scan", join(root, "secret.py"), join(root, "src", "app.py")], { ...asUnprivileged(), cwd: root });
  assert.equal(named.code, 1);
  assert.match(named.stderr, /secret\.py: skipped \(cannot read it: permission denied\)/);
  assert.match(named.stdout, /1 finding .* in 1 file scanned, 1 skipped/);
});
