import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";
import { parseWorkspaceMention } from "../../common/workspaceMention";
import { findCitations, matchSource } from "../../media/chat/citations";
import { renderMessage } from "../../media/chat/messageView";
import { purifyOptions } from "../../media/chat/sanitizeConfig";
import type { CodebaseHit } from "../../server/chat/codebaseSearch";
import { FolderCodebase } from "../../server/chat/folderCodebase";
import { userContent } from "../../server/chat/renderTurns";
import { fitSources, renderSources } from "../../server/chat/workspaceSources";
import { repoRoot } from "../server/harness";

test("citations: path:line and path:start-end, in prose, code and parentheses; versions and URLs are not citations", () => {
  const found = findCitations("See app/retry.go:17-31 and `billing/invoice.js:4`, (users.py:12–14), ./src/a.ts:L3-L5.");
  assert.deepEqual(found.map((c) => [c.path, c.startLine, c.endLine]), [
    ["app/retry.go", 17, 31], ["billing/invoice.js", 4, 4], ["users.py", 12, 14], ["src/a.ts", 3, 5],
  ]);
  assert.equal(found[0]!.index, 4);
  assert.equal(found[0]!.length, "app/retry.go:17-31".length);
  assert.deepEqual(findCitations("node v1.2:3, retry.go:0, a/b.go:9-3").map((c) => [c.path, c.startLine, c.endLine]), [["a/b.go", 9, 9]], "a version is not a path, line 0 is no line, a backwards range is its first line");
  assert.equal(findCitations("http://example.org:8080/").length, 0, "a port is not a line");
  const sources = [{ path: "app/retry.go" }, { path: "pkg/users.py" }];
  assert.equal(matchSource("app/retry.go", sources), sources[0]);
  assert.equal(matchSource("users.py", sources), sources[1], "a cited file name matches the source that ends with it");
  assert.equal(matchSource("other.go", sources), undefined);
});

test("@workspace is read at word starts in any case and left out of the question; e-mail addresses are not mentions", () => {
  assert.deepEqual(parseWorkspaceMention("@workspace where is X defined?"), { text: "where is X defined?", workspace: true });
  assert.deepEqual(parseWorkspaceMention("where is X, @Workspace?"), { text: "where is X,?", workspace: true });
  assert.deepEqual(parseWorkspaceMention("mail me@workspace.org"), { text: "mail me@workspace.org", workspace: false });
  assert.deepEqual(parseWorkspaceMention("@workspaces"), { text: "@workspaces", workspace: false });
});

const hit = (n: number, lines: number): CodebaseHit => ({
  path: `f${n}.py`, label: `f${n}.py`, uri: `file:///w/f${n}.py`, startLine: 10, endLine: 10 + lines - 1, symbol: `f${n}`, kind: "function", score: 10 - n,
  text: Array.from({ length: lines }, (_, i) => `x${i} = ${i}`).join("\n"),
});
/** One token per four characters, a stand-in for a tokenizer in a unit test. */
const count = (text: string) => Math.ceil(text.length / 4);

test("retrieval keeps hits in rank order within the token budget and passes over one that does not fit", () => {
  const hits = [hit(1, 5), hit(2, 200), hit(4, 30), hit(3, 5)];
  const budget = 100;
  const kept = fitSources(hits, budget, count);
  assert.deepEqual(kept.map((s) => s.path), ["f1.py", "f3.py"], "the big hits are skipped, the small last one fits");
  assert.ok(count(renderSources(kept)) <= budget);
  for (const skipped of [hits[1]!, hits[2]!]) assert.ok(count(renderSources([...kept, { ...skipped }])) > budget, `${skipped.path} would not have fit`);
  assert.equal(fitSources(hits, 10_000, count).length, 4, "with room, all go");
  // Not even the best hit fits: its first lines go, with the range shortened to match.
  const cut = fitSources([hit(2, 200)], budget, count);
  assert.equal(cut.length, 1);
  assert.equal(cut[0]!.startLine, 10);
  assert.equal(cut[0]!.endLine, 10 + cut[0]!.text.split("\n").length - 1);
  assert.ok(cut[0]!.endLine < 209 && cut[0]!.endLine > 10);
  assert.ok(count(renderSources(cut)) <= budget);
  assert.deepEqual(fitSources(hits, 0, count), []);
});

test("the prompt carries each source under its citation, after the question, and asks for that form", () => {
  const [source] = fitSources([hit(1, 3)], 1000, count);
  const content = userContent({ id: "u", role: "user", text: "where is f1?", createdAt: 0, sources: [source!] });
  assert.ok(content.startsWith("where is f1?\n\n"));
  assert.match(content, /Cite the pieces you use as path:startLine-endLine, for example f1\.py:10-12\./);
  assert.match(content, /\nf1\.py:10-12 \(f1\)\n```\nx0 = 0\nx1 = 1\nx2 = 2\n```$/);
});

test("an answer's citations of its sources become buttons, sanitised, with a Sources list and the chunks sent folded away", () => {
  const purify = createDOMPurify(new JSDOM("").window as unknown as Parameters<typeof createDOMPurify>[0]);
  const sanitize = (html: string) => purify.sanitize(html, purifyOptions()) as string;
  const sources = [{ path: "app/retry.go", startLine: 17, endLine: 31, symbol: "RetryWithBackoff", text: "func RetryWithBackoff() {}" }, { path: "app/users.py", startLine: 1, endLine: 4, symbol: null, text: "x <b>" }];
  const html = renderMessage({ id: "a", role: "assistant", text: "It is in app/retry.go:17-31, not `other.go:3` or `app/retry.go:20`.", sources }, sanitize);
  const dom = new JSDOM(html).window.document;
  const buttons = [...dom.querySelectorAll(".answer button.citation")];
  assert.deepEqual(buttons.map((b) => [b.getAttribute("data-path"), b.getAttribute("data-start"), b.getAttribute("data-end"), b.textContent]), [
    ["app/retry.go", "17", "31", "app/retry.go:17-31"], ["app/retry.go", "20", "20", "app/retry.go:20"],
  ]);
  assert.match(dom.querySelector(".answer")!.textContent!, /not other\.go:3/, "a path that was not sent stays text");
  assert.deepEqual([...dom.querySelectorAll(".source-list button.citation")].map((b) => b.textContent), ["app/retry.go:17-31"], "Sources lists what the answer cites");
  const sent = dom.querySelector("details.sent-chunks")!;
  assert.match(sent.querySelector("summary")!.textContent!, /2 chunks from the workspace were sent/);
  assert.equal(sent.querySelectorAll("pre code").length, 2);
  assert.equal(sent.querySelectorAll("b").length, 0, "chunk text is escaped");
  const user = new JSDOM(renderMessage({ id: "u", role: "user", text: "where?", sources }, sanitize)).window.document;
  assert.equal(user.querySelector(".badge")?.textContent, "@workspace");
});

test("the in-memory codebase finds definitions by name and follows file changes", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "enclave-codebase-"));
  fs.cpSync(path.join(repoRoot, "test", "fixtures", "index-repo"), root, { recursive: true });
  try {
    const codebase = new FolderCodebase(() => [root]);
    assert.equal(codebase.ready, false);
    const defs = await codebase.definitions(["Next", "hash_password", "missing"]);
    assert.equal(codebase.ready, true);
    assert.deepEqual(defs.map((d) => [d.path, d.symbol, d.startLine, d.endLine]), [["app/retry.go", "Backoff.Next", 33, 40], ["app/users.py", "hash_password", 30, 31]]);
    const top = (await codebase.search("retry with backoff", 3))[0]!;
    assert.deepEqual([top.path, top.symbol, top.startLine], ["app/retry.go", "RetryWithBackoff", 17]);
    fs.writeFileSync(path.join(root, "app", "users.py"), "def renamed_hash(password):\n    return password\n");
    await new Promise((resolve) => setTimeout(resolve, 2100));
    assert.deepEqual((await codebase.definitions(["hash_password", "renamed_hash"])).map((d) => d.symbol), ["hash_password"], "completions get the last walk's definitions: no walk of every file while typing");
    await codebase.search("renamed hash", 1);
    assert.deepEqual((await codebase.definitions(["hash_password", "renamed_hash"])).map((d) => d.symbol), ["renamed_hash"], "a question walks again, and the definitions follow");
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
