"""`--format github`: GitHub Actions workflow commands, shown as annotations on the lines.

One command per finding: ``::error`` for errors, ``::warning`` for warnings, ``::notice`` for info
findings (with ``--show-info``), in the form
``::error file=F,line=L,col=C,title=CODE name::message``. A document that fails the gate and an
input that could not be read get an ``::error`` of their own, so the failing job says why.
Values are escaped as the Actions toolkit does: ``%``, CR and LF in the message; also ``:`` and
``,`` in the properties.
"""
from __future__ import annotations

from . import summary
from ..gate import gate_key
from .location import relative_path

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{kind}{' ' + props if props else ''}::{escape_data(message)}"


def _file(path: str | None, name: str) -> str:
    return relative_path(path, name)[0]


def describe(f) -> str:
    """The finding's message, its text when the message does not quote it, and its fix."""
    text = " ".join(f.text.split())
    message = f.message
    if text and text not in " ".join(message.split()):
        if len(text) > 80:
            text = text[:79] + "…"
        message += f': "{text}"'
    if f.fix:
        if f.fix.action == "delete":
            message += " [fix: delete" + (", unsafe]" if f.fix.safety == "unsafe" else "]")
        else:
            message += f" [fix: → {f.fix.replacement}" + (", unsafe]" if f.fix.safety == "unsafe" else "]")
    return message


def render(reports: list, errors: list, *, show_info: bool = False, failed: frozenset | set = frozenset()) -> str:
    out = []
    for r in reports:
        doc = r.document
        file = _file(doc.path, doc.id)
        for f in r.presented:
            if f.severity.value == "info" and not show_info:
                continue
            out.append(command(COMMAND[f.severity.value], describe(f), file=file, line=f.line or None, col=f.column or None,
                               endLine=f.end_line if f.end_line > f.line else None,
                               title=f"{f.code} {f.name}"))
        if gate_key(r) in failed:
            counts = r.counts()
            out.append(command("error", f"{file}: score {r.score.score:g} ({r.verdict}); "
                                        f"{counts['error']} error(s), {counts['warning']} warning(s)",
                               file=file, title="auditor gate"))
    for e in errors:
        out.append(command("error", f"{e.path}: {e.message}", file=_file(e.path, e.path),
                           title="auditor input error"))
    s = summary(reports, errors)
    v = s["verdicts"]
    out.append(
        f"auditor: {s['documents']} document(s): {v['pass']} pass, {v['warn']} warn, {v['fail']} fail; "
        f"{len(failed)} fail the gate" + (f"; {len(errors)} input error(s)" if errors else "")
    )
    return "\n".join(out) + "\n"
