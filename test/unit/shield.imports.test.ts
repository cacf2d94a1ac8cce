/**
 * Where a fix's import goes in each language, and the .gitignore matching Scan Workspace uses.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { importEdit } from "../../server/shield/importInserter";

/** The text with the import edit applied (it is always an insertion). */
function withImport(text: string, languageId: string, imports: string[]): string {
  const edit = importEdit(text, languageId, imports);
  if (!edit) return text;
  const lines = text.split("\n");
  const offset = lines.slice(0, edit.line).reduce((n, l) => n + l.length + 1, 0) + edit.column;
  return text.slice(0, offset) + edit.newText + text.slice(offset);
}

test("imports go after the last import, after the header, or on top with a blank line", () => {
  const cases: [string, string, string[], string][] = [
    ["python", '"""Doc."""\n\nx = 1\n', ["import ast"], '"""Doc."""\nimport ast\n\nx = 1\n'],
    ["python", '#!/usr/bin/env python3\n"""Doc\nmore."""\nx = 1\n', ["import ast"], '#!/usr/bin/env python3\n"""Doc\nmore."""\nimport ast\n\nx = 1\n'],
    ["python", "from a import (\n    b,\n)\nx = 1\n", ["import ast"], "from a import (\n    b,\n)\nimport ast\nx = 1\n"],
    ["python", "def f():\n    import os\n", ["import ast"], "import ast\n\ndef f():\n    import os\n"],
    ["java", "package p;\n\nclass A {}\n", ["import java.security.SecureRandom;"], "package p;\nimport java.security.SecureRandom;\n\nclass A {}\n"],
    ["c", "#include <string.h>\n#include \"x.h\"\nint a;\n", ["#include <stdio.h>"], "#include <string.h>\n#include \"x.h\"\n#include <stdio.h>\nint a;\n"],
    ["php", "<?php\nnamespace App;\n\nuse Foo\\Bar;\n$x = 1;\n", ["use Baz\\Qux;"], "<?php\nnamespace App;\n\nuse Foo\\Bar;\nuse Baz\\Qux;\n$x = 1;\n"],
    ["php", "<?php\n$x = 1;\n", ["use Baz\\Qux;"], "<?php\nuse Baz\\Qux;\n\n$x = 1;\n"],
    ["typescript", "import a from \"a\";\nconst b = require(\"b\");\nlet c = 1;\n", ["import { randomBytes } from \"node:crypto\";"], "import a from \"a\";\nconst b = require(\"b\");\nimport { randomBytes } from \"node:crypto\";\nlet c = 1;\n"],
    ["rust", "use std::io;\nfn main() {}\n", ["use rand::rngs::OsRng;"], "use std::io;\nuse rand::rngs::OsRng;\nfn main() {}\n"],
    ["python", "import os", ["import ast"], "import os\nimport ast"],
  ];
  for (const [languageId, before, imports, after] of cases) assert.equal(withImport(before, languageId, imports), after, `${languageId}: ${JSON.stringify(before)}`);
});

test("an import already there is not added again; several missing ones are added in order", () => {
  assert.equal(importEdit("import ast\nx = 1\n", "python", ["import ast"]), undefined);
  assert.equal(withImport("import os\nx = 1\n", "python", ["import shlex", "import subprocess", "import os"]), "import os\nimport shlex\nimport subprocess\nx = 1\n");
  assert.equal(withImport("import os\r\nx = 1\r\n", "python", ["import ast"]), "import os\r\nimport ast\r\nx = 1\r\n");
});

test("a byte order mark stays first, header lines count only at the top, imports in Python strings are text, CRLF is kept", () => {
  const cases: [string, string, string[], string][] = [
    ["java", "\uFEFFpackage p;\n\nclass A {}\n", ["import java.security.SecureRandom;"], "\uFEFFpackage p;\nimport java.security.SecureRandom;\n\nclass A {}\n"],
    ["python", "\uFEFFimport os\nx = 1\n", ["import ast"], "\uFEFFimport os\nimport ast\nx = 1\n"],
    ["python", "\uFEFFx = 1\n", ["import ast"], "\uFEFFimport ast\n\nx = 1\n"],
    ["python", "#!/usr/bin/env python3\r\n# -*- coding: utf-8 -*-\r\nx = 1\r\n", ["import ast"], "#!/usr/bin/env python3\r\n# -*- coding: utf-8 -*-\r\nimport ast\r\n\r\nx = 1\r\n"],
    ["php", "\uFEFF<?php\r\ndeclare(strict_types=1);\r\n\r\n$x = 1;\r\n", ["use Baz\\Qux;"], "\uFEFF<?php\r\ndeclare(strict_types=1);\r\nuse Baz\\Qux;\r\n\r\n$x = 1;\r\n"],
    ["python", "def f():\n# coding: a comment in a function\n    return 1\n", ["import ast"], "import ast\n\ndef f():\n# coding: a comment in a function\n    return 1\n"],
    ["python", "import os\nUSAGE = '''\nimport mylib\n'''\n", ["import ast"], "import os\nimport ast\nUSAGE = '''\nimport mylib\n'''\n"],
    ["python", '"""Usage:\n\nfrom mylib import run\n"""\nx = 1\n', ["import ast"], '"""Usage:\n\nfrom mylib import run\n"""\nimport ast\n\nx = 1\n'],
  ];
  for (const [languageId, before, imports, after] of cases) assert.equal(withImport(before, languageId, imports), after, `${languageId}: ${JSON.stringify(before)}`);
  assert.equal(importEdit("\uFEFFimport ast\nx = 1\n", "python", ["import ast"]), undefined, "an import on the first line after the mark is found");
});
