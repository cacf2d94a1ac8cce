/**
 * The index of a workspace with several folders (server/index/folderIndexes.ts): one search over
 * all of them with folder-prefixed labels and each file's own URI, a change sent to every folder
 * that holds the file (nested folders both index it), definitions in the order of the names.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { FolderIndexes, withUris } from "../../server/index/folderIndexes";
import { WorkspaceIndex } from "../../server/index/workspaceIndex";

function write(file: string, text: string, tick: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  // A later mtime for each write, as an editor's save gives.
  const at = new Date(Date.now() + 10_000 * tick);
  fs.utimesSync(file, at, at);
}

test("several folders are searched as one, labelled by folder, and a change reaches every folder holding the file", async () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-folders-"));
  try {
    const api = path.join(base, "api");
    const web = path.join(base, "web");
    const inner = path.join(web, "widgets");
    write(path.join(api, "README.md"), "# api\n\nThe payment service.\n", 1);
    write(path.join(api, "charge.py"), "def charge_card(card, cents):\n    return card.charge(cents)\n", 1);
    write(path.join(web, "README.md"), "# web\n\nThe storefront.\n", 1);
    write(path.join(inner, "cart.ts"), "export function renderCart(items: string[]): string {\n  return items.join(', ');\n}\n", 1);
    const folders = new FolderIndexes();
    for (const root of [api, web, inner]) folders.set(root, WorkspaceIndex.inMemory(root));
    const walked = await folders.refresh();
    assert.equal(walked.files, 5, "cart.ts is in web and in its nested folder widgets");
    assert.deepEqual(folders.counts().files, 5);

    const [charge] = withUris(await folders.search("charge card", 1));
    assert.deepEqual([charge?.path, charge?.label, charge?.uri], ["charge.py", "api/charge.py", pathToFileURL(path.join(api, "charge.py")).href]);
    const readmes = withUris(await folders.search("README", 10)).filter((h) => h.path === "README.md").map((h) => h.label).sort();
    assert.deepEqual(readmes, ["api/README.md", "web/README.md"], "the same path in two folders is told apart");

    write(path.join(inner, "cart.ts"), "export function renderCheckout(items: string[]): string {\n  return items.join(' + ');\n}\n", 2);
    assert.deepEqual(await folders.applyChanges([path.join(inner, "cart.ts"), path.join(base, "elsewhere.py")]), { chunked: 2, removed: 0 });
    const labels = withUris(await folders.search("render checkout", 10)).filter((h) => h.symbol === "renderCheckout").map((h) => h.label).sort();
    assert.deepEqual(labels, ["web/widgets/cart.ts", "widgets/cart.ts"]);
    assert.equal((await folders.search("render cart", 10)).filter((h) => h.symbol === "renderCart").length, 0, "the old function is gone from both");

    const defs = folders.definitions(["renderCheckout", "charge_card"]).map((h) => `${h.symbol}@${h.label}`);
    assert.deepEqual(defs.slice(-1), ["charge_card@api/charge.py"], "in the order of the names asked");
    assert.ok(defs.slice(0, -1).every((d) => d.startsWith("renderCheckout@")), defs.join(", "));

    folders.delete(api);
    const [alone] = withUris(await folders.search("charge card", 1));
    assert.notEqual(alone?.symbol, "charge_card", "a removed folder is no longer searched");
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
});

test("a single folder's paths are cited as they are", async () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-folder-"));
  try {
    write(path.join(base, "lib", "retry.go"), "package lib\n\nfunc RetryWithBackoff(n int) int {\n\treturn n * 2\n}\n", 1);
    const folders = new FolderIndexes();
    folders.set(base, WorkspaceIndex.inMemory(base));
    await folders.refresh();
    const [hit] = withUris(await folders.search("retry with backoff", 1));
    assert.deepEqual([hit?.path, hit?.label], ["lib/retry.go", "lib/retry.go"]);
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
});
