"""index.html: the corpus dashboard of `auditor report`.

Self-contained: inline CSS, inline SVG charts and a few lines of inline script (sortable
tables); a Content-Security-Policy forbids loading anything else. All text that comes from the
documents (ids, paths, sites, rule messages) is escaped by Jinja2's autoescape.
"""
from __future__ import annotations

from auditor.formats.html import environment


def render(context: dict) -> str:
    return environment().get_template("dashboard.html.j2").render(**context)
