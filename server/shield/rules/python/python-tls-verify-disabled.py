import httpx
import requests


def fetch(url, session):
    # ruleid: python-tls-verify-disabled
    r = requests.get(url, verify=False)
    # ruleid: python-tls-verify-disabled
    session.post(url, json={}, verify=False, timeout=5)
    # ruleid: python-tls-verify-disabled
    client = httpx.Client(verify=False)
    # ok: python-tls-verify-disabled
    ok1 = requests.get(url, verify=True)
    # ok: python-tls-verify-disabled
    ok2 = requests.get(url, verify="/etc/ssl/corp-ca.pem")
    # ok: python-tls-verify-disabled
    claims = jwt.decode(token, verify=False)
    return r, client, ok1, ok2, claims
