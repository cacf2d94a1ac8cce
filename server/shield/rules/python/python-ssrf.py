import requests
from flask import request
from urllib.request import urlopen


@app.route("/proxy")
def proxy():
    # ruleid: python-ssrf
    return requests.get(request.args["url"]).text


@app.route("/preview")
def preview():
    target = request.args.get("target")
    # ruleid: python-ssrf
    page = urlopen(target).read()
    # ruleid: python-ssrf
    meta = requests.post(target, timeout=3)
    # ok: python-ssrf
    health = requests.get("https://status.example.com/health")
    # ok: python-ssrf
    args = request.args.get("q")
    return page, meta, health, args


def fetch(url):
    # ok: python-ssrf
    return requests.get(url, timeout=5)
