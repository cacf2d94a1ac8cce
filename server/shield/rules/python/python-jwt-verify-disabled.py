import jwt


def user_from(token, key):
    # ruleid: python-jwt-verify-disabled
    claims = jwt.decode(token, options={"verify_signature": False})
    # ruleid: python-jwt-verify-disabled
    legacy = jwt.decode(token, key, verify=False)
    # ruleid: python-jwt-verify-disabled
    anyone = jwt.decode(token, key, algorithms=["none"])
    # ok: python-jwt-verify-disabled
    good = jwt.decode(token, key, algorithms=["HS256"])
    # ok: python-jwt-verify-disabled
    opts = jwt.decode(token, key, algorithms=["RS256"], options={"verify_signature": True})
    return claims, legacy, anyone, good, opts


def header_only(token):
    # ok: python-jwt-verify-disabled
    return jwt.get_unverified_header(token)["kid"]
