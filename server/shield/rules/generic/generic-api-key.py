import os

# ruleid: generic-api-key
AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
# ruleid: generic-api-key
GITHUB_TOKEN = "ghp_0123456789abcdefghijABCDEFGHIJ012345"
# ruleid: generic-api-key
headers = {"Authorization": "Bearer xoxb-1234567890-abcdefghij"}
# ok: generic-api-key
AWS_ACCESS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]
# ok: generic-api-key
token = "ghp_short"
