"""Copies packages of a Python tree with each function's docstring blanked out (line numbers kept)
and writes cases.json beside the copy: for each function, its path, def line, name and the first
sentence of the docstring, which is the query. Usage: strip_docstrings.py SRC DST PKG,PKG,..."""
import ast, json, os, re, sys
src, dst = sys.argv[1], sys.argv[2]
cases = []
for d in sys.argv[3].split(","):
    for base, _, files in os.walk(os.path.join(src, d)):
        if "__pycache__" in base: continue
        for f in files:
            if not f.endswith(".py"): continue
            p = os.path.join(base, f); rel = os.path.relpath(p, src)
            text = open(p, encoding="utf-8").read(); lines = text.split("\n")
            try: tree = ast.parse(text)
            except SyntaxError: continue
            for node in ast.walk(tree):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant) and isinstance(node.body[0].value.value, str):
                    doc = node.body[0].value.value.strip()
                    first = re.split(r"(?<=\.)\s", doc.replace("\n", " "))[0].strip()
                    if len(first.split()) < 4: continue
                    e = node.body[0]
                    for i in range(e.lineno - 1, e.end_lineno): lines[i] = ""
                    cases.append({"path": rel, "line": node.lineno, "name": node.name, "query": first})
            os.makedirs(os.path.dirname(os.path.join(dst, rel)), exist_ok=True)
            open(os.path.join(dst, rel), "w", encoding="utf-8").write("\n".join(lines))
json.dump(cases, open(os.path.join(os.path.dirname(dst), "cases.json"), "w"))
print(len(cases), "cases")
