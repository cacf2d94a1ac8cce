import os

# ruleid: generic-graph-api-token
PAGE_TOKEN = "EAAGm0PX4ZCpsBAKZBZCfOvWz3ZAqJmBdZBgxZCoFqQVrxW0Hk6jHhvTQpZBNyuY1xWZA3ZCS7Ro5pGvbY3HWxZAOAvHeZBdzl6vZCZBmG8jZBe3Z"
# ruleid: generic-graph-api-token
token = "AR12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
# ok: generic-graph-api-token
PAGE_TOKEN = os.environ["PAGE_TOKEN"]
# ok: generic-graph-api-token
short = "EAAGm0PX4ZCpsBAKZBZCfOvWz3"
# ok: generic-graph-api-token
digest = "3f786850e387550fdab836ed7e6dc881de23001b3f786850e387550fdab836ed7e6dc881de23001b3f786850e387550fdab8"
