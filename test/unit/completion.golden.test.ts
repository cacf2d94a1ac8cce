import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cursorLine } from "../../server/completion/cursorLine";
import { postprocess } from "../../server/completion/postprocess";
import { loadSyntax, parsesCleanly, readSyntax } from "../../server/completion/syntaxFacts";

const dir = join(__dirname, "..", "..", "..", "test", "fixtures", "completion");
const CURSOR = "<CURSOR>";

interface GoldenCase {
  readonly file: string;
  readonly headers: Record<string, string>;
  readonly document: string;
  readonly raw: string;
  readonly expected: string;
}

/** Reads a case file: `key: value` headers, then `--- document`, `--- raw` and `--- expected` sections. */
function readCase(file: string): GoldenCase {
  let content = readFileSync(join(dir, file), "utf8");
  if (content.endsWith("\n")) content = content.slice(0, -1);
  const lines = content.split("\n");
  const headers: Record<string, string> = {};
  const sections: Record<string, string[]> = {};
  let current: string[] | undefined;
  for (const line of lines) {
    const header = /^--- (\w+)$/.exec(line);
    if (header) sections[header[1]!] = current = [];
    else if (current) current.push(line);
    else {
      const kv = /^(\w+):\s*(.*)$/.exec(line);
      if (kv) headers[kv[1]!] = kv[2]!;
    }
  }
  for (const name of ["document", "raw", "expected"]) assert.ok(sections[name], `${file}: missing --- ${name}`);
  return { file, headers, document: sections.document!.join("\n"), raw: sections.raw!.join("\n"), expected: sections.expected!.join("\n") };
}

const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();

test("there are at least 30 golden post-processing cases", () => {
  assert.ok(files.length >= 30, `${files.length} cases`);
});

for (const file of files) {
  test(`golden: ${file.replace(/\.txt$/, "")}`, async () => {
    const c = readCase(file);
    const language = c.headers.language ?? "plaintext";
    const offset = c.document.indexOf(CURSOR);
    assert.ok(offset >= 0 && c.document.indexOf(CURSOR, offset + 1) < 0, "exactly one cursor marker");
    const text = c.document.slice(0, offset) + c.document.slice(offset + CURSOR.length);
    await loadSyntax(language);
    const cursor = cursorLine(text, offset);
    const facts = readSyntax(cursor, language);
    if (c.headers.mode) assert.equal(facts.mode, c.headers.mode, `${c.headers.note} (mode)`);
    const result = postprocess(c.raw, {
      cursor, mode: facts.mode, maxLines: Number(c.headers.maxLines ?? 8), parsedBefore: facts.parses,
      parses: (t) => parsesCleanly(t, language),
    });
    assert.equal(result.text, c.expected, c.headers.note);
    if (c.headers.droppedBy) assert.equal(result.droppedBy, c.headers.droppedBy, `${c.headers.note} (dropped by)`);
  });
}
