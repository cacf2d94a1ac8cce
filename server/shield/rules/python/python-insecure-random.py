import random
import secrets
import string


def make_user(chars=string.ascii_letters):
    # ruleid: python-insecure-random
    password = "".join(random.choice(chars) for _ in range(12))
    # ruleid: python-insecure-random
    api_key = "%032x" % random.getrandbits(128)
    user = {}
    # ruleid: python-insecure-random
    user["reset_token"] = str(random.randint(100000, 999999))
    # ok: python-insecure-random
    delay = random.uniform(0.5, 1.5)
    # ok: python-insecure-random
    token = secrets.token_urlsafe(32)
    return user, password, api_key, delay, token


def generate_session_id():
    # ruleid: python-insecure-random
    return "".join(random.choices(string.hexdigits, k=32))


def shuffle_deck(deck):
    # ok: python-insecure-random
    return random.sample(deck, len(deck))
