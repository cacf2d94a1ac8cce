from django.utils.html import format_html
from django.utils.safestring import mark_safe
from markupsafe import Markup


def greet(user):
    # ruleid: python-mark-safe
    html = mark_safe("<b>Hello " + user.name + "</b>")
    # ruleid: python-mark-safe
    other = Markup(f"<i>{user.bio}</i>")
    # ok: python-mark-safe
    good = format_html("<b>Hello {}</b>", user.name)
    # ok: python-mark-safe
    icon = mark_safe("<svg></svg>")
    return html, other, good, icon


def render(value):
    # ok: python-mark-safe
    return format_html("<i>{}</i>", value)
