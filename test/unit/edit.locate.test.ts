/**
 * Where a chat code block belongs (server/edit/editLocate.ts), in Python, TypeScript, Go and C:
 * the block's first definition is named, and the document's same-named definition is the target.
 * A name that only appears in a call or comment, a block in another language, or a block that
 * defines nothing gives no target (the client then asks for a merge edit).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { dedent, firstDefinition, locateBlock } from "../../server/edit/editLocate";

async function located(document: string, languageId: string, code: string, blockLanguage?: string) {
  const r = await locateBlock(document, languageId, code, blockLanguage);
  return r && { startLine: r.startLine, endLine: r.endLine, symbol: r.symbol, kind: r.kind };
}

const python = [
  "import os",                         // 0
  "",                                  // 1
  "def helper():",                     // 2
  "    return parse('x')  # parse",    // 3
  "",                                  // 4
  "class Parser:",                     // 5
  "    def parse(self, text):",        // 6
  "        return text.split()",       // 7
  "",                                  // 8
  "    def reset(self):",              // 9
  "        self.items = []",           // 10
].join("\n");

test("Python: a method copied out of its class (indented), a whole class, a decorated function, no match", async () => {
  assert.deepEqual(await located(python, "python", "    def parse(self, text):\n        return text.split(',')\n", "python"), { startLine: 6, endLine: 7, symbol: "parse", kind: "method" });
  assert.deepEqual(await located(python, "python", "class Parser:\n    pass\n"), { startLine: 5, endLine: 10, symbol: "Parser", kind: "class" });
  assert.deepEqual(await located(python, "python", "@cache\ndef helper():\n    return 1\n", "py"), { startLine: 2, endLine: 3, symbol: "helper", kind: "function" });
  assert.equal(await located(python, "python", "def tokenize(s):\n    return s\n"), undefined);
  assert.equal(await located(python, "python", "print(parse('x'))\n"), undefined, "a call defines nothing");
  assert.equal(await located(python, "python", "def parse(s):\n    pass\n", "javascript"), undefined, "a block in another language");
});

const typescript = [
  "export interface Options { verbose: boolean }", // 0
  "",                                               // 1
  "export class Client {",                          // 2
  "  /** Sends one request. */",                    // 3
  "  send(body: string): Promise<void> {",          // 4
  "    return post(body);",                         // 5
  "  }",                                            // 6
  "}",                                              // 7
  "",                                               // 8
  "export const retry = async (n: number) => {",    // 9
  "  for (let i = 0; i < n; i++) await tick();",    // 10
  "};",                                             // 11
].join("\n");

test("TypeScript: a method written without its class, with its JSDoc; an arrow-function const; an interface", async () => {
  assert.deepEqual(await located(typescript, "typescript", "/** Sends it. */\nsend(body: string): Promise<void> {\n  return postTwice(body);\n}\n", "ts"), { startLine: 3, endLine: 6, symbol: "send", kind: "method" });
  assert.deepEqual(await located(typescript, "typescript", "send(body: string) {\n  return 1;\n}\n"), { startLine: 4, endLine: 6, symbol: "send", kind: "method" }, "no comment in the block: the document's stays");
  assert.deepEqual(await located(typescript, "typescript", "const retry = async (n: number) => {\n  return n;\n};\n", "typescript"), { startLine: 9, endLine: 11, symbol: "retry", kind: "function" });
  assert.deepEqual(await located(typescript, "typescript", "function retry(n: number) { return n; }\n", "js"), { startLine: 9, endLine: 11, symbol: "retry", kind: "function" }, "JavaScript blocks fit TypeScript files");
  assert.deepEqual(await located(typescript, "typescript", "interface Options { verbose: boolean; quiet: boolean }\n"), { startLine: 0, endLine: 0, symbol: "Options", kind: "class" });
});

const go = [
  "package main",                               // 0
  "",                                           // 1
  "type Cache struct {",                        // 2
  "\titems map[string]string",                  // 3
  "}",                                          // 4
  "",                                           // 5
  "func (c *Cache) Get(key string) string {",   // 6
  "\treturn c.items[key]",                      // 7
  "}",                                          // 8
  "",                                           // 9
  "func Get(key string) string {",              // 10
  "\treturn \"\"",                              // 11
  "}",                                          // 12
].join("\n");

test("Go: a method (receiver) and a function of the same name; a struct type", async () => {
  assert.deepEqual(await located(go, "go", "func (c *Cache) Get(key string) string {\n\treturn c.items[key] + \"!\"\n}\n", "go"), { startLine: 6, endLine: 8, symbol: "Get", kind: "method" });
  assert.deepEqual(await located(go, "go", "func Get(key string) string {\n\treturn key\n}\n", "golang"), { startLine: 10, endLine: 12, symbol: "Get", kind: "function" }, "the same kind first: a function, not the method");
  assert.deepEqual(await located(go, "go", "type Cache struct {\n\titems map[string]int\n}\n"), { startLine: 2, endLine: 4, symbol: "Cache", kind: "class" });
});

const c = [
  "#include <string.h>",                        // 0
  "",                                           // 1
  "/* Copies safely. */",                       // 2
  "static char *copy(const char *s) {",         // 3
  "  return strdup(s);",                        // 4
  "}",                                          // 5
  "",                                           // 6
  "int main(void) { return 0; }",               // 7
].join("\n");

test("C: a function whose name sits in a pointer declarator; a one-line main", async () => {
  assert.deepEqual(await located(c, "c", "char *copy(const char *s) {\n  size_t n = strlen(s) + 1;\n  return memcpy(malloc(n), s, n);\n}\n", "c"), { startLine: 3, endLine: 5, symbol: "copy", kind: "function" });
  assert.deepEqual(await located(c, "c", "int main(void) {\n  return 1;\n}\n"), { startLine: 7, endLine: 7, symbol: "main", kind: "function" });
  assert.equal(await located(c, "c", "int helper(void);\n"), undefined, "a prototype is no definition");
});

test("the block's first definition and dedent", async () => {
  assert.deepEqual(await firstDefinition("x = 1\n\ndef a():\n    def b():\n        pass\n", "python"), { name: "a", kind: "function", withComments: false });
  assert.equal(await firstDefinition("just words", "plaintext"), undefined);
  assert.equal(dedent("    a\n\n      b\n"), "a\n\n  b\n");
});
