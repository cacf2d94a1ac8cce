import os

from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
    # ruleid: python-flask-debug
    app.run(debug=True)
    # ruleid: python-flask-debug
    app.run(host="0.0.0.0", port=8080, debug=True)
    # ok: python-flask-debug
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
    # ok: python-flask-debug
    app.run(debug=False)
    # ok: python-flask-debug
    logging.basicConfig(debug=True)
