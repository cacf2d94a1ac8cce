import ssl
import urllib.request


def open_url(url):
    # ruleid: python-ssl-unverified-context
    ctx = ssl._create_unverified_context()
    context = ssl.create_default_context()
    # ruleid: python-ssl-unverified-context
    context.check_hostname = False
    # ruleid: python-ssl-unverified-context
    context.verify_mode = ssl.CERT_NONE
    # ok: python-ssl-unverified-context
    context.verify_mode = ssl.CERT_REQUIRED
    # ok: python-ssl-unverified-context
    context.check_hostname = True
    return urllib.request.urlopen(url, context=ctx)


def wrap(sock, context):
    # ruleid: python-ssl-unverified-context
    tls = ssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)
    # ok: python-ssl-unverified-context
    will_verify = context.verify_mode != ssl.CERT_NONE
    # ok: python-ssl-unverified-context
    if context.verify_mode == CERT_NONE:
        pass
    # ok: python-ssl-unverified-context
    _create_stdlib_context = _create_unverified_context
    return tls


# ok: python-ssl-unverified-context
def _create_unverified_context(protocol=None, *, cert_reqs=CERT_NONE, check_hostname=False):
    pass
