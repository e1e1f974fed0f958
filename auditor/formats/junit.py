"""`--format junit`: JUnit XML, for CI systems that show test reports.

One ``<testsuite>`` for the run (inside ``<testsuites>``) and one ``<testcase>`` per document.
A document that fails the gate is a ``<failure>`` whose text lists its findings; an input that
could not be read is an ``<error>``. Findings of passing documents go to ``<system-out>``.
No timestamps or durations, so the output of a run is reproducible.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from auditor.formats import summary
from auditor.formats.github import describe
from auditor.engine.gate import gate_key
from auditor.formats.location import relative_path

# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _finding_lines(r, show_info: bool) -> list[str]:
    return [f"{f.line}:{f.column} {f.severity.value} {f.code} {f.name}: {describe(f)}"
            for f in r.presented if show_info or f.severity.value != "info"]


def render(reports: list, errors: list, *, show_info: bool = False, failed: frozenset | set = frozenset()) -> str:
    tests = len(reports) + len(errors)
    failures = sum(1 for r in reports if gate_key(r) in failed)
    counts = {"tests": str(tests), "failures": str(failures), "errors": str(len(errors)), "skipped": "0"}
    root = ET.Element("testsuites", {"name": "auditor", **{k: v for k, v in counts.items() if k != "skipped"}})
    suite = ET.SubElement(root, "testsuite", {"name": "auditor", **counts})
    s = summary(reports, errors)
    props = ET.SubElement(suite, "properties")
    ET.SubElement(props, "property", {"name": "mean_score", "value": str(s["mean_score"])})
    for r in reports:
        doc = r.document
        name, _ = relative_path(doc.path, doc.id)
        case = ET.SubElement(suite, "testcase", {"classname": "auditor", "name": _clean(name)})
        if doc.path is not None:
            case.set("file", _clean(name))
        lines = _finding_lines(r, show_info)
        head = f"score {r.score.score:g} ({r.verdict})"
        suppressed = getattr(r, "suppressed", None)
        if suppressed:
            head += f"; {len(suppressed)} suppressed"
        if gate_key(r) in failed:
            c = r.counts()
            failure = ET.SubElement(case, "failure", {
                "message": _clean(f"{head}: {c['error']} error(s), {c['warning']} warning(s)"),
                "type": "auditor.gate",
            })
            failure.text = _clean("\n".join([head, *lines]) + "\n")
        else:
            out = ET.SubElement(case, "system-out")
            out.text = _clean("\n".join([head, *lines]) + "\n")
    for e in errors:
        name, _ = relative_path(e.path, e.path)
        case = ET.SubElement(suite, "testcase", {"classname": "auditor", "name": _clean(name)})
        error = ET.SubElement(case, "error", {"message": _clean(e.message), "type": "auditor.input-error"})
        error.text = _clean(f"{e.path}: {e.message}\n")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
