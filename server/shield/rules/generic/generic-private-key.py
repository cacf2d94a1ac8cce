# ruleid: generic-private-key
KEY = """-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEA...
-----END RSA PRIVATE KEY-----"""
# ruleid: generic-private-key
OTHER = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----"
# ok: generic-private-key
PUBLIC = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqh\n-----END PUBLIC KEY-----"
# ok: generic-private-key
key = open("/etc/app/key.pem").read()

# Code Shield's test snippet (ALL-R-009)
# ruleid: generic-private-key
k = """-----BEGIN PRIVATE KEY-----a-----END PRIVATE KEY-----"""
# ok: generic-private-key
pub = """-----BEGIN PUBLIC KEY-----a-----END PUBLIC KEY-----"""
