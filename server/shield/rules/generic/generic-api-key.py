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

# ruleid: generic-api-key
GCP_OAUTH = "ya29.a0AfH6SMBx3kJq9Xn2YpQrStUvWxYz0123456789"
# ruleid: generic-api-key
TWILIO_KEY = "SK0123456789abcdef0123456789abcdef"
# ruleid: generic-api-key
ENV = "HEROKU_API_KEY=0123456789abcdef0123456789abcdef01234567"
# ok: generic-api-key
SKU = "SK-1234"
# ok: generic-api-key
HEROKU_API_KEY = os.environ["HEROKU_API_KEY"]
