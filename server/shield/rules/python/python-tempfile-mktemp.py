import os
import tempfile
from tempfile import mktemp


def scratch():
    # ruleid: python-tempfile-mktemp
    name = tempfile.mktemp(suffix=".txt")
    # ruleid: python-tempfile-mktemp
    other = mktemp()
    # ruleid: python-tempfile-mktemp
    legacy = os.tempnam()
    # ok: python-tempfile-mktemp
    fd, path = tempfile.mkstemp()
    # ok: python-tempfile-mktemp
    doc = "tempfile.mktemp() is unsafe"
    return name, other, legacy, fd, path, doc


def scratch():
    # ok: python-tempfile-mktemp
    return tempfile.mkdtemp(prefix="enclave-")
