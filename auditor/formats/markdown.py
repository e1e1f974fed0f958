"""Per-document Markdown report."""
from __future__ import annotations


def _cell(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("|", "\\|").replace("`", "'")


def _mt(report) -> str:
    mt = getattr(report, "mt", None) or {}
    if mt.get("probability") is None:
        return f"machine translation n/a ({mt.get('reason') or 'not computed'})"
    return f"machine translation {mt['probability']:.2f}"


def render_one(report) -> str:
    doc = report.document
    out = [
        f"# Audit: {doc.path or doc.id}",
        "",
        f"**Score {report.score.score:g}/100 — {report.verdict}** · language {report.language} · "
        f"{doc.words} words · grammar {report.grammar.get('status')} · {_mt(report)}",
        "",
        "## Why this score",
        "",
    ]
    out += [f"- {line}" for line in report.score.explanation]
    if report.grammar.get("reason"):
        out.append(f"- grammar: {report.grammar['reason']}")
    out += ["", "## Findings", ""]
    if not report.presented:
        out.append("No findings.")
    else:
        out += ["| line:col | code | severity | text | message | fix |", "|---|---|---|---|---|---|"]
        for f in report.presented:
            fix = "—"
            if f.fix:
                fix = f"{f.fix.action} ({f.fix.safety})"
                if f.fix.action == "replace":
                    fix = f"→ `{_cell(f.fix.replacement, 40)}` ({f.fix.safety})"
            out.append(
                f"| {f'{f.line}:{f.column}' if not f.document_level else 'document'} | {f.code} {f.name} | {f.severity.value} | `{_cell(f.text)}` "
                f"| {_cell(f.message, 120)} | {fix} |"
            )
    return "\n".join(out) + "\n"
