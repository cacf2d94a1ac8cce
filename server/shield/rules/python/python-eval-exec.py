import ast


def calc(expr, code, request):
    # ruleid: python-eval-exec
    value = eval(expr)
    # ruleid: python-eval-exec
    exec(code, {})
    # ruleid: python-eval-exec
    eval(request.args.get("q"))
    # ok: python-eval-exec
    eval("1 + 1")
    # ok: python-eval-exec
    safe = ast.literal_eval(expr)
    # ok: python-eval-exec
    model.eval()
    return value, safe


def icd_cases(var):
    # ok: python-eval-exec
    eval()
    # ok: python-eval-exec
    exec("hardcoded_string")
    # ruleid: python-eval-exec
    eval(var)
    # ruleid: python-eval-exec
    exec(var)


def sandbox(expr, src, namespace):
    # ruleid: python-eval-exec
    eval(expr, {"__builtins__": None}, {})
    # ok: python-eval-exec
    exec(src, globals(), namespace)
    # ok: python-eval-exec
    return eval(compile(src, "<generated>", "eval"), namespace)
