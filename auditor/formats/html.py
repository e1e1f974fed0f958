"""Per-document HTML report: the text with every finding highlighted, its message and its fix.

Everything that comes from the article (text, findings' text, messages, replacements, the path)
is escaped by Jinja2's autoescape; the page loads nothing (inline CSS, no script, and a
Content-Security-Policy that forbids fetching anything).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from auditor.core.findings import Severity

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = _num
    return env


def _num(value, digits: int = 1) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        text = f"{value:,.{digits}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    return f"{value:,}"


def fix_label(fix) -> str:
    if fix is None:
        return "no fix: a person decides"
    if fix.action == "delete":
        return f"delete ({fix.safety})"
    return f"replace with “{fix.replacement}” ({fix.safety})"


def segments(text: str, findings: list) -> list[dict]:
    """The text cut at every finding boundary: each piece with the findings covering it.

    Overlapping findings are shown at once (the piece takes the most severe one's colour); a
    finding that covers no character is shown as a point marker where it starts.
    """
    points: dict[int, list[int]] = {}
    cuts = {0, len(text)}
    for i, f in enumerate(findings):
        if f.end <= f.start:
            points.setdefault(f.start, []).append(i)
            cuts.add(f.start)
        else:
            cuts.update((f.start, f.end))
    cuts = sorted(c for c in cuts if 0 <= c <= len(text))
    spans = sorted((f.start, f.end, i) for i, f in enumerate(findings) if f.end > f.start)
    out: list[dict] = []
    active: list[tuple[int, int]] = []  # (end, index)
    first_piece: set[int] = set()
    k = 0
    for a, b in zip(cuts, cuts[1:] + [None]):
        for i in points.get(a, ()):
            out.append({"text": "", "ids": [i], "severity": findings[i].severity.value, "point": True,
                        "anchor": i, "anchors": [], "title": _title(findings, [i])})
        if b is None or a == b:
            continue
        while k < len(spans) and spans[k][0] <= a:
            active.append((spans[k][1], spans[k][2]))
            k += 1
        active = [(end, i) for end, i in active if end > a]
        covering = sorted(i for end, i in active)
        piece = {"text": text[a:b], "ids": covering, "point": False, "anchor": None, "anchors": []}
        if covering:
            top = max(covering, key=lambda i: findings[i].severity.rank)
            piece["severity"] = findings[top].severity.value
            piece["title"] = _title(findings, covering)
            fresh = [i for i in covering if i not in first_piece]
            if fresh:
                piece["anchor"] = fresh[0]
                first_piece.update(fresh)
            piece["anchors"] = fresh
        out.append(piece)
    return out


def _title(findings: list, ids: list[int]) -> str:
    return "\n".join(f"{findings[i].code} {findings[i].severity.value}: {findings[i].message}" for i in ids)


def render_one(report, index_href: str | None = None) -> str:
    doc = report.document
    findings = report.presented
    counts = {s.value: 0 for s in Severity}
    for f in findings:
        counts[f.severity.value] += 1
    rows = [{
        "n": i, "line": f.line, "column": f.column, "code": f.code, "name": f.name,
        "category": f.category.value, "severity": f.severity.value, "confidence": f.confidence,
        "text": _excerpt(f.text), "message": f.message, "fix": fix_label(f.fix),
        "fix_action": f.fix.action if f.fix else None,
    } for i, f in enumerate(findings)]
    return environment().get_template("document.html.j2").render(
        title=doc.id, path=_source(doc), id=doc.id, report=report.to_dict(), counts=counts, rows=rows,
        segments=segments(doc.text, findings), index_href=index_href,
    )


def _source(doc) -> str | None:
    """Where the document was read from: the file (and the record's number), or its URL."""
    meta = doc.meta or {}
    if meta.get("url"):
        return meta["url"]
    if meta.get("kind") == "record":
        return f"{meta.get('file')}, record {meta.get('record')}"
    return doc.path


def _excerpt(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
