/** The codebase index chunks by syntax: functions, methods and classes named, statements grouped, windows otherwise. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { chunkFile } from "../../server/index/chunker";

async function outline(file: string, text: string): Promise<string[]> {
  return (await chunkFile(file, text)).map((c) => `${c.startLine}-${c.endLine} ${c.kind} ${c.symbol ?? "-"}`);
}

test("Python: imports grouped, class header, methods with their decorators, functions with their comments", async () => {
  const text = [
    "import os",                      // 1
    "import sys",                     // 2
    "",                               // 3
    "class Cache:",                   // 4
    '    """Keeps values."""',        // 5
    "    limit = 10",                 // 6
    "",                               // 7
    "    @property",                  // 8
    "    def size(self):",            // 9
    "        return 0",               // 10
    "",                               // 11
    "# Reads the whole file.",        // 12
    "def read_all(path):",            // 13
    "    with open(path) as f:",      // 14
    "        return f.read()",        // 15
  ].join("\n");
  assert.deepEqual(await outline("a.py", text), ["1-2 statements -", "4-6 class Cache", "8-10 method Cache.size", "12-15 function read_all"]);
});

test("TypeScript: exported functions, arrow functions, interfaces, classes with methods", async () => {
  const text = [
    'import { x } from "./x";',                    // 1
    "/** Finds a user. */",                          // 2
    "export function getUserById(id: number) {",     // 3
    "  return x(id);",                               // 4
    "}",                                             // 5
    "export const double = (n: number) => n * 2;",   // 6
    "interface Point { x: number; y: number }",      // 7
    "export class Session {",                        // 8
    "  private token = '';",                         // 9
    "  refresh(): void {",                           // 10
    "    this.token = 'new';",                       // 11
    "  }",                                           // 12
    "}",                                             // 13
  ].join("\n");
  assert.deepEqual(await outline("a.ts", text), [
    "1-1 statements -", "2-5 function getUserById", "6-6 function double", "7-7 type Point", "8-9 class Session", "10-12 method Session.refresh",
  ]);
});

test("Go: functions, methods named after their receiver, types", async () => {
  const text = [
    "package retry",                                   // 1
    "",                                                // 2
    "type Policy struct { Max int }",                  // 3
    "",                                                // 4
    "// Do runs fn until it succeeds.",                // 5
    "func Do(fn func() error) error {",                // 6
    "\treturn fn()",                                   // 7
    "}",                                               // 8
    "",                                                // 9
    "func (p *Policy) Allows(n int) bool {",           // 10
    "\treturn n < p.Max",                              // 11
    "}",                                               // 12
  ].join("\n");
  assert.deepEqual(await outline("r.go", text), ["1-1 statements -", "3-3 type Policy", "5-8 function Do", "10-12 method Policy.Allows"]);
});

test("C: functions named through their declarators, includes grouped", async () => {
  const text = [
    "#include <stdio.h>",                          // 1
    "#include <string.h>",                         // 2
    "",                                            // 3
    "static int *find_slot(int *table, int key) {", // 4
    "    return table + key;",                     // 5
    "}",                                           // 6
    "int main(void) {",                            // 7
    "    return 0;",                               // 8
    "}",                                           // 9
  ].join("\n");
  assert.deepEqual(await outline("m.c", text), ["1-2 statements -", "4-6 function find_slot", "7-9 function main"]);
});

test("Java: the class header and fields, then each constructor and method", async () => {
  const text = [
    "package shop;",                               // 1
    "",                                            // 2
    "public class Cart {",                         // 3
    "    private int items;",                      // 4
    "    public Cart() { items = 0; }",            // 5
    "    /** Adds one item. */",                   // 6
    "    public void add() {",                     // 7
    "        items++;",                            // 8
    "    }",                                       // 9
    "}",                                           // 10
  ].join("\n");
  assert.deepEqual(await outline("Cart.java", text), ["1-1 statements -", "3-4 class Cart", "5-5 method Cart.Cart", "6-9 method Cart.add"]);
});

test("a language without a grammar, and a very long function, become overlapping 60-line windows", async () => {
  const lines = Array.from({ length: 130 }, (_, i) => `line ${i + 1}`).join("\n");
  assert.deepEqual(await outline("notes.txt", lines), ["1-60 window -", "51-110 window -", "101-130 window -"]);
  const body = Array.from({ length: 150 }, (_, i) => `    x${i} = ${i}`).join("\n");
  assert.deepEqual(await outline("long.py", `def long():\n${body}\n`), ["1-60 function long", "51-110 function long", "101-151 function long"]);
});
