import hmac


def check(request, expected_signature, user):
    sent = request.headers.get("X-Signature")
    # ruleid: python-timing-compare
    if sent == expected_signature:
        pass
    # ruleid: python-timing-compare
    if user.api_key != request.args["key"]:
        raise PermissionError()
    # ruleid: python-timing-compare
    ok = hmac.new(k, msg, "sha256").hexdigest() == request.headers["X-Hub-Signature"].digest
    # ok: python-timing-compare
    if hmac.compare_digest(sent, expected_signature):
        pass
    # ok: python-timing-compare
    if user.token == None or user.token == "":
        pass
    # ok: python-timing-compare
    if len(user.token) == 32:
        pass
    return ok
