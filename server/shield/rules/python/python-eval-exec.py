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
