import yaml


def read_config(stream, text):
    # ruleid: python-yaml-load
    config = yaml.load(stream)
    # ruleid: python-yaml-load
    data = yaml.load(text, Loader=yaml.Loader)
    # ruleid: python-yaml-load
    docs = list(yaml.load_all(stream))
    # ruleid: python-yaml-load
    raw = yaml.unsafe_load(text)
    # ok: python-yaml-load
    safe = yaml.safe_load(stream)
    # ok: python-yaml-load
    also_safe = yaml.load(text, Loader=yaml.SafeLoader)
    # ok: python-yaml-load
    json_like = json.load(stream)
    return config, data, docs, raw, safe, also_safe, json_like
