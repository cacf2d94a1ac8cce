/**
 * The region an edit at the cursor rewrites (server/edit/editRegion.ts) in Python, TypeScript, Go
 * and C: the innermost function, method or class, with its decorators, `export` and the comment
 * right above it; a multi-line statement outside any definition; else the cursor's line.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { findEditRegion } from "../../server/edit/editRegion";

/** The region's lines as text, plus its kind and symbol, for readable assertions. */
async function regionAt(text: string, languageId: string, line: number, character = 4) {
  const r = await findEditRegion(text, languageId, { line, character });
  return { lines: text.split("\n").slice(r.startLine, r.endLine + 1).join("\n"), kind: r.kind, symbol: r.symbol, startLine: r.startLine, endLine: r.endLine };
}

const python = [
  "import os",                       // 0
  "",                                // 1
  "class Store:",                    // 2
  "    # Reads one key.",            // 3
  "    @cached",                     // 4
  "    def get(self, key):",         // 5
  "        value = self.data[key]",  // 6
  "        return value",            // 7
  "",                                // 8
  "def main():",                     // 9
  "    for x in range(3):",          // 10
  "        print(x)",                // 11
  "",                                // 12
  "if __name__ == '__main__':",      // 13
  "    main()",                      // 14
  "x = 1",                           // 15
].join("\n");

test("Python: a method with its decorator and comment, a function, the class, an if block, a plain line", async () => {
  assert.deepEqual(await regionAt(python, "python", 6), { lines: python.split("\n").slice(3, 8).join("\n"), kind: "method", symbol: "get", startLine: 3, endLine: 7 });
  assert.equal((await regionAt(python, "python", 11)).symbol, "main");
  assert.equal((await regionAt(python, "python", 11)).kind, "function");
  assert.deepEqual(await regionAt(python, "python", 10, 0), await regionAt(python, "python", 10, 8), "a cursor in the indentation means the line's code");
  const cls = await regionAt(python, "python", 2, 2);
  assert.deepEqual([cls.kind, cls.symbol, cls.startLine, cls.endLine], ["class", "Store", 2, 7]);
  const block = await regionAt(python, "python", 14);
  assert.deepEqual([block.kind, block.startLine, block.endLine], ["block", 13, 14]);
  assert.deepEqual(await regionAt(python, "python", 15, 2), { lines: "x = 1", kind: "line", symbol: undefined, startLine: 15, endLine: 15 });
});

const typescript = [
  "import { x } from './x';",                   // 0
  "",                                           // 1
  "/** Adds two numbers. */",                   // 2
  "export function add(a: number, b: number) {", // 3
  "  return a + b;",                            // 4
  "}",                                          // 5
  "",                                           // 6
  "export class Counter {",                     // 7
  "  private n = 0;",                           // 8
  "  increment(by = 1): number {",              // 9
  "    this.n += by;",                          // 10
  "    return this.n;",                         // 11
  "  }",                                        // 12
  "  reset = () => {",                          // 13
  "    this.n = 0;",                            // 14
  "  };",                                       // 15
  "}",                                          // 16
  "",                                           // 17
  "const double = (v: number): number => {",    // 18
  "  return v * 2;",                            // 19
  "};",                                         // 20
  "[1, 2].map((v) => {",                        // 21
  "  return v + 1;",                            // 22
  "});",                                        // 23
].join("\n");

test("TypeScript: an exported function with its JSDoc, a method, an arrow-function field and const, a class, a callback statement", async () => {
  const add = await regionAt(typescript, "typescript", 4);
  assert.deepEqual([add.kind, add.symbol, add.startLine, add.endLine], ["function", "add", 2, 5]);
  const method = await regionAt(typescript, "typescript", 10);
  assert.deepEqual([method.kind, method.symbol, method.startLine, method.endLine], ["method", "increment", 9, 12]);
  const field = await regionAt(typescript, "typescript", 14);
  assert.deepEqual([field.kind, field.symbol, field.startLine, field.endLine], ["method", "reset", 13, 15]);
  const cls = await regionAt(typescript, "typescript", 8);
  assert.deepEqual([cls.kind, cls.symbol, cls.startLine, cls.endLine], ["class", "Counter", 7, 16]);
  const arrow = await regionAt(typescript, "typescript", 19);
  assert.deepEqual([arrow.kind, arrow.symbol, arrow.startLine, arrow.endLine], ["function", "double", 18, 20]);
  const callback = await regionAt(typescript, "typescript", 22);
  assert.deepEqual([callback.kind, callback.startLine, callback.endLine], ["block", 21, 23], "a callback is no definition: its statement is the region");
});

const go = [
  "package main",                                // 0
  "",                                            // 1
  "// Server serves.",                           // 2
  "type Server struct {",                        // 3
  "\taddr string",                               // 4
  "}",                                           // 5
  "",                                            // 6
  "func (s *Server) Start() error {",            // 7
  "\treturn nil",                                // 8
  "}",                                           // 9
  "",                                            // 10
  "func main() {",                               // 11
  "\ts := &Server{}",                            // 12
  "\t_ = s.Start()",                             // 13
  "}",                                           // 14
].join("\n");

test("Go: a method with a receiver, a function, a struct type with its comment", async () => {
  const method = await regionAt(go, "go", 8, 1);
  assert.deepEqual([method.kind, method.symbol, method.startLine, method.endLine], ["method", "Start", 7, 9]);
  const main = await regionAt(go, "go", 13, 1);
  assert.deepEqual([main.kind, main.symbol, main.startLine, main.endLine], ["function", "main", 11, 14]);
  const type = await regionAt(go, "go", 4, 1);
  assert.deepEqual([type.kind, type.symbol, type.startLine, type.endLine], ["class", "Server", 2, 5]);
});

const c = [
  "#include <stdio.h>",                          // 0
  "",                                            // 1
  "struct point {",                              // 2
  "  int x, y;",                                 // 3
  "};",                                          // 4
  "",                                            // 5
  "static int *make(int n) {",                   // 6
  "  int *p = malloc(n * sizeof(int));",         // 7
  "  return p;",                                 // 8
  "}",                                           // 9
  "",                                            // 10
  "int main(void) {",                            // 11
  "  printf(\"%d\\n\", 1);",                     // 12
  "  return 0;",                                 // 13
  "}",                                           // 14
].join("\n");

test("C: a function returning a pointer (the name is inside declarators), main, a struct", async () => {
  const make = await regionAt(c, "c", 7, 2);
  assert.deepEqual([make.kind, make.symbol, make.startLine, make.endLine], ["function", "make", 6, 9]);
  const main = await regionAt(c, "c", 12, 2);
  assert.deepEqual([main.kind, main.symbol, main.startLine, main.endLine], ["function", "main", 11, 14]);
  const point = await regionAt(c, "c", 3, 2);
  assert.deepEqual([point.kind, point.symbol, point.startLine, point.endLine], ["class", "point", 2, 4]);
});

test("a language without a grammar gets the cursor's line; a position past the end is clamped", async () => {
  assert.deepEqual(await regionAt("a\nb\nc", "plaintext", 1), { lines: "b", kind: "line", symbol: undefined, startLine: 1, endLine: 1 });
  assert.equal((await regionAt(python, "python", 99, 0)).endLine, 15);
});
