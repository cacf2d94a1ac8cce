from Crypto.Cipher import AES, ARC4, DES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def encrypt(key, data):
    # ruleid: python-weak-cipher
    c1 = DES.new(key, DES.MODE_CBC)
    # ruleid: python-weak-cipher
    c2 = AES.new(key, AES.MODE_ECB)
    # ruleid: python-weak-cipher
    c3 = ARC4.new(key)
    # ruleid: python-weak-cipher
    c4 = Cipher(algorithms.TripleDES(key), modes.CBC(iv))
    # ruleid: python-weak-cipher
    c5 = Cipher(algorithms.AES(key), modes.ECB())
    # ok: python-weak-cipher
    c6 = AES.new(key, AES.MODE_GCM)
    # ok: python-weak-cipher
    note = "never use DES.new( or MODE_ECB"
    # ok: python-weak-cipher
    # DES.new(key) was what the old code did
    return c1, c2, c3, c4, c5, c6, note
