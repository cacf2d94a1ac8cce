from flask import redirect, request, url_for


@app.route("/login", methods=["POST"])
def login():
    # ruleid: python-open-redirect
    return redirect(request.args.get("next"))


def after_logout(request):
    target = request.GET.get("return_to", "/")
    # ruleid: python-open-redirect
    return HttpResponseRedirect(target)


@app.route("/home")
def home():
    # ok: python-open-redirect
    return redirect(url_for("index"))


def go():
    # ok: python-open-redirect
    return redirect("/dashboard")


def back_home():
    # ok: python-open-redirect
    return redirect(request.url_root)
