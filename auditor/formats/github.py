"""`--format github`: GitHub Actions workflow commands, shown as annotations on the lines.

One command per finding: ``::error`` for errors, ``::warning`` for warnings, ``::notice`` for info
findings (with ``--show-info``), in the form
``::error file=F,line=L,col=C,title=CODE name::message``, up to ``--max-annotations`` of each kind
(GitHub shows 10 of each per step); past that, one annotation per file says what was left out.
A record's annotation goes on its record file (the line the record starts on, when known). A
document that fails the gate and an input that could not be read get an ``::error`` of their
own, so the failing job says why.
Values are escaped as the Actions toolkit does: ``%``, CR and LF in the message; also ``:`` and
``,`` in the properties.
"""
from __future__ import annotations

from auditor.formats import Tally
from auditor.engine.gate import gate_key
from auditor.formats.location import relative_path

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


# GitHub shows 10 error and 10 warning annotations (and 10 notices) per step; the rest are only in the log.
DEFAULT_MAX_ANNOTATIONS = 10


def render(reports: list, errors: list, *, show_info: bool = False, failed: frozenset | set = frozenset(),
           max_annotations: int = DEFAULT_MAX_ANNOTATIONS) -> str:
    import io

    out = io.StringIO()
    stream = GithubStream(out, show_info=show_info, max_annotations=max_annotations)
    for r in reports:
        stream.add(r, gate_key(r) in failed)
    stream.close(errors)
    return out.getvalue()


class GithubStream:
    """Annotations printed as reports come: up to ``max_annotations`` of each kind (error, warning,
    notice), then one summary annotation per file for what was left out."""

    def __init__(self, out, *, show_info: bool = False, max_annotations: int = DEFAULT_MAX_ANNOTATIONS):
        self.out = out
        self.show_info = show_info
        self.max_annotations = max_annotations
        self.printed = {"error": 0, "warning": 0, "notice": 0}
        self.left_out: dict[str, dict] = {}  # file -> {"error": n, "warning": n, "notice": n, "gate": n, "codes": {}}
        self.tally = Tally()
        self.failed = 0

    def _emit(self, kind: str, message: str, file: str, code: str | None = None, **properties) -> None:
        if self.printed[kind] < self.max_annotations:
            self.printed[kind] += 1
            self.out.write(command(kind, message, file=file, **properties) + "\n")
            return
        counts = self.left_out.setdefault(file, {"error": 0, "warning": 0, "notice": 0, "gate": 0, "codes": {}})
        if code is None:
            counts["gate"] += 1
        else:
            counts[kind] += 1
            counts["codes"][code] = counts["codes"].get(code, 0) + 1

    def add(self, r, fails: bool = False) -> None:
        self.tally.add(r)
        doc = r.document
        meta = doc.meta or {}
        record = meta.get("kind") == "record"
        # A record's annotation goes on its record file, at the line the record starts on when known.
        file = _file(meta.get("file"), meta.get("file_id") or doc.id) if record else _file(doc.path, doc.id)
        where = f"{doc.id}: " if record else ""
        for f in r.presented:
            if f.severity.value == "info" and not self.show_info:
                continue
            if record:
                line, col, end = meta.get("line"), None, None
            else:
                line, col = f.line or None, f.column or None
                end = f.end_line if f.end_line > f.line else None
            self._emit(COMMAND[f.severity.value], where + describe(f), file, f.code, line=line, col=col,
                       endLine=end, title=f"{f.code} {f.name}")
        if fails:
            self.failed += 1
            counts = r.counts()
            self._emit("error", f"{doc.id if record else file}: score {r.score.score:g} ({r.verdict}); "
                                f"{counts['error']} error(s), {counts['warning']} warning(s)",
                       file, line=meta.get("line") if record else None, title="auditor gate")

    def close(self, errors: list) -> None:
        for file, counts in self.left_out.items():
            parts = [f"{counts[k]:,} {k}(s)" for k in ("error", "warning", "notice") if counts[k]]
            if counts["gate"]:
                parts.append(f"{counts['gate']:,} document(s) failing the gate")
            codes = sorted(counts["codes"].items(), key=lambda kv: (-kv[1], kv[0]))[:5]
            top = " ".join(f"{c}×{n}" if n > 1 else c for c, n in codes)
            kind = "error" if counts["error"] or counts["gate"] else "warning" if counts["warning"] else "notice"
            self.out.write(command(kind, f"{file}: not annotated (over {self.max_annotations} per kind): "
                                         + ", ".join(parts) + (f"; most frequent {top}" if top else ""),
                                   file=file, title="auditor: more findings") + "\n")
        for e in errors:
            self.out.write(command("error", f"{e.path}: {e.message}", file=_file(e.path, e.path),
                                   title="auditor input error") + "\n")
        s = self.tally.summary(errors)
        v = s["verdicts"]
        self.out.write(
            f"auditor: {s['documents']} document(s): {v['pass']} pass, {v['warn']} warn, {v['fail']} fail; "
            f"{self.failed} fail the gate" + (f"; {len(errors)} input error(s)" if errors else "") + "\n"
        )
