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

# Code Shield's test snippets (language-agnostic ALL-R-010..015)
# ruleid: generic-api-key
t1 = "ghp_123456789012345678901234567890123456"
# ruleid: generic-api-key
t2 = "AIza1234567890abcdefghijklmnopqrstuvwxyz-_"
# ruleid: generic-api-key
t3 = "ya29.ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# ruleid: generic-api-key
t4 = "sk_live_123456789012345678901234"
# ruleid: generic-api-key
t5 = "SK12345678901234567890123456789012"
# ruleid: generic-api-key
t6 = "HEROKU_API_KEY=1234567890123456789012345678901234567890"
# ok: generic-api-key
t7 = "sk_test_123456789012345678901234"
# ok: generic-api-key
t8 = "ya29."
