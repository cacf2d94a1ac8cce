import json
import marshal
import pickle
import shelve


def restore(request, path):
    # ruleid: python-unsafe-deserialization
    obj = pickle.loads(request.data)
    with open(path, "rb") as f:
        # ruleid: python-unsafe-deserialization
        state = pickle.load(f)
    # ruleid: python-unsafe-deserialization
    code = marshal.loads(request.body)
    # ruleid: python-unsafe-deserialization
    db = shelve.open(path)
    # ok: python-unsafe-deserialization
    data = json.loads(request.data)
    # ok: python-unsafe-deserialization
    blob = pickle.dumps(state)
    # ok: python-unsafe-deserialization
    cache = shelve.open("cache.db")
    return obj, code, db, data, blob, cache


import pickle as pkl
from pickle import loads
import dill
import jsonpickle


def icd_cases(param):
    # ruleid: python-unsafe-deserialization
    pkl.loads(param)
    # ruleid: python-unsafe-deserialization
    pickle.loads(param, "other")
    # ruleid: python-unsafe-deserialization
    loads(param)
    # ruleid: python-unsafe-deserialization
    dill.loads(param)
    # ruleid: python-unsafe-deserialization
    jsonpickle.unpickler.decode(param)
    # ok: python-unsafe-deserialization
    pickle.loads("string")
    # ok: python-unsafe-deserialization
    jsonpickle.encode(param)
