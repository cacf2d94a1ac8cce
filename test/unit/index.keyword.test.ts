/**
 * The typed-array keyword index ranks exactly as minisearch's BM25+ did with the same options
 * (the library it replaced, still used by the benchmark's baseline), on real code nobody here
 * wrote; removals, merges and a save/load round trip change nothing but what they should.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import MiniSearch from "minisearch";
import { KeywordIndex, type KeywordDocument } from "../../server/index/keywordIndex";
import { stemTerm, tokenize } from "../../server/index/tokenize";

const SOURCES = ["/usr/lib/python3.11/textwrap.py", "/usr/lib/python3.11/shlex.py", "/usr/lib/python3.11/csv.py", "/usr/lib/python3.11/fnmatch.py"].filter((f) => fs.existsSync(f));

/** 25-line pieces of the sources, each named after its first def or class (or nothing). */
function documents(): KeywordDocument[] {
  const out: KeywordDocument[] = [];
  for (const file of SOURCES) {
    const lines = fs.readFileSync(file, "utf8").split("\n");
    for (let i = 0; i < lines.length; i += 25) {
      const content = lines.slice(i, i + 25).join("\n");
      out.push({ id: out.length + 1, symbol: /(?:def|class) (\w+)/.exec(content)?.[1] ?? "", path: `lib/${file.split("/").pop()}`, content });
    }
  }
  return out;
}

function reference(docs: readonly KeywordDocument[]): MiniSearch<KeywordDocument> {
  const search = new MiniSearch<KeywordDocument>({ fields: ["symbol", "path", "content"], storeFields: [], tokenize, processTerm: stemTerm, searchOptions: { boost: { symbol: 6, path: 1.5 }, combineWith: "OR" } });
  search.addAll(docs);
  return search;
}

const QUERIES = ["wrap text into lines", "split a shell command like string", "quote", "dialect delimiter sniff", "translate a shell pattern to a regular expression", "fill paragraph width", "textwrap", "punctuation chars", "self", "nothing_matches_this_xyz"];

function assertSameRanking(ours: KeywordIndex, theirs: MiniSearch<KeywordDocument>, label: string): void {
  for (const query of QUERIES) {
    const expected = theirs.search(query).slice(0, 10).map((r) => ({ id: r.id as number, score: r.score }));
    const got = ours.query(query, 10);
    assert.deepEqual(got.map((h) => h.id), expected.map((h) => h.id), `${label}: "${query}" ranks the same chunks`);
    for (const [i, hit] of got.entries()) assert.ok(Math.abs(hit.score - expected[i]!.score) < 1e-9 * Math.max(1, expected[i]!.score), `${label}: "${query}" #${i} score ${hit.score} vs ${expected[i]!.score}`);
  }
}

test("ranks as minisearch's BM25+ with the same fields, boosts and terms", { skip: SOURCES.length < 2 && "the Python standard library is not here" }, () => {
  const docs = documents();
  const ours = KeywordIndex.empty();
  ours.add(docs);
  assert.equal(ours.documentCount, docs.length);
  assertSameRanking(ours, reference(docs), "fresh");
  assert.ok(ours.query("wrap text", 3).length === 3);
  assert.deepEqual(ours.query("zzqqxx", 5), []);
  assert.deepEqual(ours.query("", 5), []);
});

test("removed chunks are gone at once and the ranking equals a fresh index of what is left, before and after a merge", { skip: SOURCES.length < 2 && "the Python standard library is not here" }, () => {
  const docs = documents();
  const ours = KeywordIndex.empty();
  // Added in small batches, as file updates arrive: postings stay pending, not yet merged.
  for (let i = 0; i < docs.length; i += 7) ours.add(docs.slice(i, i + 7));
  const removed = docs.filter((d) => d.id % 3 === 0).map((d) => d.id);
  ours.remove(removed);
  const left = docs.filter((d) => d.id % 3 !== 0);
  assert.equal(ours.documentCount, left.length);
  assertSameRanking(ours, reference(left), "after removal");
  // A save merges; the loaded copy must rank the same and keep accepting updates.
  const loaded = KeywordIndex.deserialize(ours.serialize());
  assertSameRanking(loaded, reference(left), "merged, saved and loaded");
  const back = docs.filter((d) => d.id % 3 === 0).map((d) => ({ ...d, id: d.id + 10_000 }));
  loaded.add(back);
  assertSameRanking(loaded, reference([...left, ...back]), "re-added under new ids");
  assert.throws(() => loaded.add([back[0]!]), /already indexed/);
});

test("bytes that are not an index, or are cut short, are refused with a message", () => {
  const index = KeywordIndex.empty();
  index.add([{ id: 1, symbol: "load_user", path: "users.py", content: "def load_user(user_id):\n    return db.get(user_id)\n" }]);
  const bytes = index.serialize();
  assert.equal(KeywordIndex.deserialize(bytes).query("load user", 1)[0]?.id, 1);
  assert.throws(() => KeywordIndex.deserialize(bytes.subarray(0, bytes.length - 3)), /cut short/);
  assert.throws(() => KeywordIndex.deserialize(Buffer.from("{\"documentCount\":1}")), /not an Enclave keyword index|cut short/);
});

test("a damaged word in the range table or the postings is refused, not followed", () => {
  const index = KeywordIndex.empty();
  index.add([
    { id: 1, symbol: "load_user", path: "users.py", content: "def load_user(user_id):\n    return db.get(user_id)\n" },
    { id: 2, symbol: "save_user", path: "users.py", content: "def save_user(user):\n    db.put(user)\n" },
  ]);
  const bytes = index.serialize();
  const termCount = bytes.readUInt32LE(4);
  const termBytes = bytes.readUInt32LE(8);
  const postings = bytes.readUInt32LE(12);
  const ranges = 24 + termBytes + ((4 - (termBytes % 4)) % 4);
  const docs = ranges + 4 * (termCount + 1);
  // A range that runs far past the postings (once, a 6-file index took 33 s to merge through it).
  const range = Buffer.from(bytes);
  range.writeUInt32LE(0x7ffffff0, ranges + 4 * Math.floor(termCount / 2));
  assert.throws(() => KeywordIndex.deserialize(range), /does not match the postings/);
  // A posting naming a chunk slot that does not exist.
  const slot = Buffer.from(bytes);
  slot.writeUInt32LE(1_000, docs + 4 * (postings - 1));
  assert.throws(() => KeywordIndex.deserialize(slot), /does not match the postings/);
});

test("a term counted past its field's limit saturates instead of spilling into another field", () => {
  const index = KeywordIndex.empty();
  const many = "token ".repeat(300);
  index.add([
    { id: 1, symbol: "", path: "a.txt", content: many },
    { id: 2, symbol: "token", path: "b.txt", content: "other words" },
    { id: 3, symbol: "", path: "c.txt", content: "unrelated" },
  ]);
  const hits = index.query("token", 5);
  assert.deepEqual(hits.map((h) => h.id).sort(), [1, 2]);
  assert.equal(hits[0]?.id, 2, "a symbol match (boost 6) outranks a content match");
});

test("terms whose chunks are all gone leave the dictionary once they are many", () => {
  const index = KeywordIndex.empty();
  // A generated file full of one-off identifiers, changed once: its first version's terms die.
  const minted = (version: string) => Array.from({ length: 70_000 }, (_, i) => `gen${version}x${i.toString(36)}`).join(" ");
  index.add([{ id: 1, symbol: "", path: "bundle.js", content: minted("a") }, { id: 2, symbol: "keep_me", path: "keep.py", content: "def keep_me(): pass" }]);
  index.remove([1]);
  index.add([{ id: 3, symbol: "", path: "bundle.js", content: minted("b") }]);
  const before = index.termCount;
  const loaded = KeywordIndex.deserialize(index.serialize());
  assert.ok(before > 140_000, `${before} terms before the merge`);
  const fresh = KeywordIndex.empty();
  fresh.add([{ id: 2, symbol: "keep_me", path: "keep.py", content: "def keep_me(): pass" }, { id: 3, symbol: "", path: "bundle.js", content: minted("b") }]);
  assert.equal(index.termCount, fresh.termCount, "after the merge the dictionary holds only the live chunks' terms");
  assert.equal(loaded.termCount, index.termCount);
  assert.equal(loaded.query("keep me", 1)[0]?.id, 2);
  assert.equal(loaded.query("genbx1", 1)[0]?.id, 3);
  assert.deepEqual(loaded.query("genax1", 1), []);
});

test("ids keep growing as files are re-chunked, the index does not: removed chunks' slots are reused", () => {
  const index = KeywordIndex.empty();
  const doc = (id: number, name: string): KeywordDocument => ({ id, symbol: name, path: `src/${name}.py`, content: `def ${name}(value):\n    return value + ${id % 7}\n` });
  index.add(Array.from({ length: 100 }, (_, i) => doc(i + 1, `helper_${i}`)));
  const fresh = index.serialize().length;
  // 3,000 saves of the same file, each re-chunking 10 functions under new ids.
  let nextId = 101;
  let current = Array.from({ length: 10 }, (_, i) => i + 1);
  for (let save = 0; save < 3000; save++) {
    index.remove(current);
    current = Array.from({ length: 10 }, () => nextId++);
    index.add(current.map((id, i) => doc(id, `helper_${i}`)));
  }
  assert.equal(index.documentCount, 100);
  const bytes = index.serialize();
  assert.ok(bytes.length < fresh + 1100 * 17, `${bytes.length} bytes after 30,000 re-chunked chunks, ${fresh} fresh`);
  const loaded = KeywordIndex.deserialize(bytes);
  assert.deepEqual(loaded.query("helper_3", 1).map((h) => h.id), [current[3]]);
  assert.equal(loaded.query("helper_50", 1)[0]?.id, 51, "an untouched chunk keeps its id");
  loaded.add([doc(nextId, "after_load")]);
  assert.equal(loaded.query("after load", 1)[0]?.id, nextId);
});
