from Crypto.Cipher import AES


def encrypt(key, data):
    # ruleid: python-fixed-iv
    iv = "0000000000000000"
    # ruleid: python-fixed-iv
    initialization_vector = b"abcdefghijklmnop"
    # ruleid: python-fixed-iv
    self.nonce = b"fixednonce12"
    # ok: python-fixed-iv
    iv = os.urandom(16)
    # ok: python-fixed-iv
    nonce = secrets.token_bytes(12)
    # ok: python-fixed-iv
    ivy = "plant"
    # ok: python-fixed-iv
    iv = ""
    return AES.new(key, AES.MODE_CBC, iv).encrypt(data)
