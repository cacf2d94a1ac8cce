from jinja2 import Environment, FileSystemLoader, select_autoescape

# ruleid: python-autoescape-disabled
env = Environment(loader=FileSystemLoader("templates"), autoescape=False)
# ruleid: python-autoescape-disabled
raw = Environment(autoescape=False)
# ok: python-autoescape-disabled
safe = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())
# ok: python-autoescape-disabled
also = Environment(autoescape=True)

# ok: python-autoescape-disabled
html = Environment(autoescape=select_autoescape(["html", "xml"]), trim_blocks=False)
