import hashlib
from Crypto.Hash import MD5


def sign(secret, payload):
    # ruleid: python-weak-hash
    digest = hashlib.md5(secret + payload).hexdigest()
    # ruleid: python-weak-hash
    h = hashlib.sha1()
    # ruleid: python-weak-hash
    n = hashlib.new("md5", payload)
    # ruleid: python-weak-hash
    m = MD5.new(payload)
    # ok: python-weak-hash
    good = hashlib.sha256(payload).hexdigest()
    # ok: python-weak-hash
    etag = hashlib.md5(payload, usedforsecurity=False).hexdigest()
    # ok: python-weak-hash
    other = hashlib.new("sha512", payload)
    return digest, h, n, m, good, etag, other


def icd_cases():
    # ruleid: python-weak-hash
    hashlib.new('sha1')
    # ruleid: python-weak-hash
    hashlib.md5()
    # ok: python-weak-hash
    hashlib.new('sha256')
    # ok: python-weak-hash
    hashlib.md5(b"etag", usedforsecurity=False)
