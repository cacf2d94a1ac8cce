import os

# ruleid: generic-graph-api-token
ACCESS_TOKEN = "EAAGm0PX4ZCpsBAKZCZBz7Tq1h2ZB9Xc3ZA7nS8rLkY5wQ2eVb0ZCmR4pT6uJ9iO1aS3dF5gH7jK9lZ0xC2vB4nM6qW8eR0tY2uI4oP6aS8dF0gH2jK4lZ6xC8vB0nM2qW4eR"
# ruleid: generic-graph-api-token
token = 'IGQVJYeUk4NjBsX3JMTkVtQ0x1WkR3Qnp5dGx4b2FmN0V4cHh0cDZAiSVVzVUlGM2JYd0RNNmVxcE5YcmxjN0lBRXFhNW9zMkVEQjBaVU9PZAHNmOWtMU3lvc3BUaE1B'
# ok: generic-graph-api-token
ACCESS_TOKEN = os.environ["GRAPH_TOKEN"]
# ok: generic-graph-api-token
DIGEST = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
# ok: generic-graph-api-token
short = "EAAGm0PX4ZCpsBA"
