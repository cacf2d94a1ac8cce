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
