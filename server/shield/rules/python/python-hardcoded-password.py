import os

# ruleid: python-hardcoded-password
DB_PASSWORD = "s3cr3t-P@ss"
# ruleid: python-hardcoded-password
api_key = 'sk_test_4eC39HqLyjWDarjtT1zdp7dc'
# ok: python-hardcoded-password
password = os.environ["DB_PASSWORD"]
# ok: python-hardcoded-password
SECRET_KEY = ""
# ok: python-hardcoded-password
password_hint = "the usual one"
# ok: python-hardcoded-password
api_key = "<your-api-key>"


def connect(user):
    # ruleid: python-hardcoded-password
    return db.connect(user=user, password="hunter2")


config = {
    # ruleid: python-hardcoded-password
    "client_secret": "9f8a7b6c5d4e3f2a1b0c",
    # ok: python-hardcoded-password
    "password": os.getenv("PW"),
}
