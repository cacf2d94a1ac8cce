import os

from flask import request, send_file, send_from_directory


@app.route("/download")
def download():
    # ruleid: python-path-traversal
    return send_file(request.args["name"])


@app.route("/read")
def read():
    name = request.args.get("file")
    # ruleid: python-path-traversal
    path = os.path.join("/srv/data", name)
    # ruleid: python-path-traversal
    with open(name) as f:
        return f.read() + path


@app.route("/safe")
def safe():
    name = request.args.get("file")
    # ok: python-path-traversal
    with open("/srv/data/index.txt") as f:
        # ok: python-path-traversal
        return send_from_directory("/srv/data", name) + f.read()


def local(config_name):
    # ok: python-path-traversal
    return open(os.path.join("/etc/app", config_name))
