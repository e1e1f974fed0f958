"""`--format text`: findings grouped by file, for people at a terminal."""
from __future__ import annotations

import unicodedata

from auditor.formats import summary

# ANSI styles, used only when ``color`` is true (the CLI: stdout is a terminal and NO_COLOR is unset).
_STYLE = {"bold": "1", "dim": "2", "error": "1;31", "warning": "1;33", "info": "1;36",
          "pass": "1;32", "warn": "1;33", "fail": "1;31"}
EXCERPT_WIDTH = 100  # longer lines are shown as a window around the finding


# Printed above the summary when `check` ran on several documents without the corpus pass.
CORPUS_OFF_NOTE = ("note: no corpus pass (lines repeated across the inputs, copies of one article): add --corpus "
                   "to check them; `auditor report` runs it by default, so its verdicts can differ")


def render(reports: list, errors: list, show_info: bool = False, color: bool = False,
           failed: frozenset | set | None = None, show_suppressed: bool = False, corpus_note: str = "") -> str:
    out = report_lines(reports, show_info, color, failed, show_suppressed) + error_lines(errors, color)
    if corpus_note and len(reports) > 1:
        out.append(note_line(corpus_note, color))
    out.append(summary_line(summary(reports, errors), errors, _suppressed_note(reports), failed))
    return "\n".join(out) + "\n"


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_STYLE[style]}m{text}\x1b[0m" if color else text


def error_lines(errors: list, color: bool = False) -> list[str]:
    """A line for each input that could not be read."""
    return [f"{_paint(e.path, 'bold', color)}: {_paint('error', 'error', color)}: {e.message}" for e in errors]


def note_line(note: str, color: bool = False) -> str:
    return _paint(note, "dim", color)


def report_lines(reports: list, show_info: bool = False, color: bool = False,
                 failed: frozenset | set | None = None, show_suppressed: bool = False) -> list[str]:
    """The lines ``render`` prints for the reports: each document's line and its findings (the
    streamed output prints them document by document, and its own summary at the end)."""
    def paint(text: str, style: str) -> str:
        return _paint(text, style, color)

    out = []
    for r in reports:
        doc = r.document
        gate = ""
        if failed is not None and r.verdict != "fail" and (doc.id, doc.path) in failed:
            gate = ", " + paint("fails the gate", "fail")  # by --fail-under or --fail-on
        mt = (getattr(r, "mt", None) or {}).get("probability")
        mt = f", MT probability {mt:.2f}" if mt is not None else ""
        copy = f"; a copy of {r.copy_of}" if getattr(r, "copy_of", None) else ""
        verdict = paint(r.verdict, r.verdict)
        out.append(f"{paint(doc.path or doc.id, 'bold')}: score {r.score.score:g} ({verdict}){mt}{gate}{copy}")
        shown = [f for f in r.presented if show_info or f.severity.value != "info"]
        gutter = len(str(max((f.line for f in shown), default=1)))
        for f in shown:
            fix = ""
            if f.fix:
                fix = " [fix: delete]" if f.fix.action == "delete" else f" [fix: → {f.fix.replacement}]"
                if f.fix.safety == "unsafe":
                    fix = fix[:-1] + ", unsafe]"
            severity = paint(f"{f.severity.value:<7}", f.severity.value)
            related = f" (also {', '.join(f.related)})" if f.related and "block" not in f.extra else ""
            if f.document_level:
                out.append(f"  document {severity} {paint(f.code, 'bold')} {f.message}{related}")
                continue
            out.append(f"  {f.line}:{f.column} {severity} {paint(f.code, 'bold')} {f.message}{related}{fix}")
            source, pad, width = excerpt(doc, f)
            out.append(f"    {paint(str(f.line).rjust(gutter) + ' |', 'dim')} {source}")
            out.append(f"    {paint(' ' * gutter + ' |', 'dim')} {' ' * pad}{paint('^' * width, f.severity.value)}")
        if show_suppressed:
            for s in getattr(r, "suppressed", []):
                f = s.finding
                text = " ".join(f.text.split())
                text = text if len(text) <= 70 else text[:69] + "…"
                out.append(paint(f"  {f.line}:{f.column} suppressed {f.code} \"{text}\" ({s.reason})", "dim"))
    return out


def summary_line(s: dict, errors: list, suppressed_note: str = "", failed: frozenset | set | None = None) -> str:
    """The last line: documents, verdicts and findings of the run (``s`` from ``formats.summary``)."""
    v = s["verdicts"]
    return (
        f"{s['documents']} document(s): {v['pass']} pass, {v['warn']} warn, {v['fail']} fail; "
        f"{s['findings']['error']} error(s), {s['findings']['warning']} warning(s)"
        + (f"; {len(errors)} input error(s)" if errors else "")
        + suppressed_note
        + (f"; {len(failed)} fail the gate" if failed is not None else "")
    )


def _suppressed_note(reports: list) -> str:
    from auditor.engine.gate import suppressed_counts

    counts = suppressed_counts(reports)
    if counts is None:
        return ""
    note = f"; {counts['config']} suppressed by configuration" if counts["config"] else ""
    return note + (f"; {counts['baseline']} in the baseline" if counts["baseline"] else "")


def _cell(ch: str) -> tuple[str, int]:
    """How one character is shown in an excerpt, and how many terminal columns it takes."""
    if ch == "\t" or unicodedata.category(ch) == "Cc":
        return " ", 1
    if unicodedata.category(ch) == "Cf":  # zero-width and direction marks: invisible
        return "", 0
    if unicodedata.combining(ch):
        return ch, 0
    return ch, 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def excerpt(doc, f) -> tuple[str, int, int]:
    """(source line, caret offset, caret width) for a finding: its first line, shown whole or as a
    window around the finding, with carets under the flagged characters (terminal columns)."""
    text = doc.text
    line_start = doc.line_starts[f.line - 1]
    line_end = len(text)
    for stop in ("\n", "\r"):
        i = text.find(stop, line_start)
        if i != -1:
            line_end = min(line_end, i)
    a = f.start - line_start
    b = min(f.end, line_end) - line_start
    line = text[line_start:line_end]
    left, right = 0, len(line)
    if len(line) > EXCERPT_WIDTH:
        left = max(0, min(a - 30, len(line) - EXCERPT_WIDTH))
        right = min(len(line), left + EXCERPT_WIDTH)
    shown, pad, width = [], 0, 0
    if left > 0:
        shown.append("…")
        pad += 1
    for i in range(left, right):
        ch, w = _cell(line[i])
        shown.append(ch)
        if i < a:
            pad += w
        elif i < b:
            width += w
    if right < len(line):
        shown.append("…")
    return "".join(shown), pad, max(1, width)
