"""How findings are shown: one finding per span, one finding per run of chrome lines.

The engine reports every rule's hits (the raw findings, which the score, cleaning, suppressions
and baselines use). People and CI platforms see them grouped:

- one span, one finding: when several rules hit the same characters, the most severe finding is
  shown and the other rules' codes are listed in its ``related``; a language or chrome finding
  inside a span that chrome deletes is folded into that span's finding the same way;
- a run of consecutive chrome lines (only blank lines between them) is one block finding: its span
  covers the run, it carries the code, severity and fix of its most severe member, and its
  message gives the count and the line range (``extra["block"]`` has the details).

Document-level findings are shown as they are, first. Grouping never changes a score or a fix.
"""
from __future__ import annotations

from dataclasses import replace

from auditor.core.findings import Category, Finding, Fix

_FOLDABLE = (Category.BOILERPLATE, Category.LANGUAGE)


def present(findings: list[Finding], text: str) -> list[Finding]:
    """The findings as shown: same-span findings merged, chrome line runs made blocks."""
    document = [f for f in findings if f.document_level]
    spans = _merge_same_span([f for f in findings if not f.document_level])
    return document + _blocks(spans, text)


def _rank(f: Finding) -> tuple:
    return (f.severity.rank, f.confidence, f.fix is not None, f.end - f.start)


def _deletes(f: Finding) -> bool:
    return f.category == Category.BOILERPLATE and f.fix is not None and f.fix.action == "delete"


def _merge_same_span(findings: list[Finding]) -> list[Finding]:
    by_span: dict[tuple[int, int], list[Finding]] = {}
    for f in findings:
        by_span.setdefault((f.start, f.end), []).append(f)
    merged = []
    for group in by_span.values():
        top = max(group, key=_rank)
        others = sorted({f.code for f in group if f is not top} | set(top.related))
        merged.append(replace(top, related=others) if others else top)
    merged.sort(key=lambda f: (f.start, -f.end, -f.severity.rank, f.code))
    # Fold language and chrome findings nested inside a span that chrome deletes.
    out: list[Finding] = []
    for f in merged:
        host = out[-1] if out else None
        if (host is not None and _deletes(host) and f.category in _FOLDABLE
                and host.start <= f.start and f.end <= host.end and f.severity.rank <= host.severity.rank):
            codes = sorted(set(host.related) | {f.code} | set(f.related))
            out[-1] = replace(host, related=[c for c in codes if c != host.code])
            continue
        out.append(f)
    return out


def _blocks(findings: list[Finding], text: str) -> list[Finding]:
    out: list[Finding] = []
    run: list[Finding] = []

    def close():
        if len(run) == 1:
            out.append(run[0])
        elif run:
            out.append(_block(run, text))
        run.clear()

    for f in findings:
        if f.category != Category.BOILERPLATE:
            close()
            out.append(f)
            continue
        # Consecutive: nothing but white space between the previous chrome span and this one.
        if run and not (f.start >= run[-1].end and not text[run[-1].end:f.start].strip()):
            close()
        run.append(f)
    close()
    out.sort(key=lambda f: (f.start, -f.severity.rank, f.code))
    return out


def _block(members: list[Finding], text: str) -> Finding:
    top = max(members, key=lambda f: (f.severity.rank, f.confidence))
    counts: dict[str, int] = {}
    for f in members:
        counts[f.code] = counts.get(f.code, 0) + 1
    first, last = members[0], members[-1]
    codes = ", ".join(f"{code} ×{n}" if n > 1 else code for code, n in sorted(counts.items()))
    lines = f"line {first.line}" if first.line == last.end_line else f"lines {first.line}-{last.end_line}"
    safe = all(f.fix is not None and f.fix.action == "delete" and f.fix.safety == "safe" for f in members)
    related = sorted(({f.code for f in members} | {c for f in members for c in f.related}) - {top.code})
    return replace(
        top,
        start=first.start, end=last.end, text=text[first.start:last.end], line=first.line, column=first.column,
        end_line=last.end_line, end_column=last.end_column,
        message=f"{len(members)} pieces of web chrome in a row ({lines}): {codes}",
        fix=Fix("delete", "safe") if safe else None,
        related=related,
        extra={**top.extra, "block": {"count": len(members), "codes": counts,
                                      "lines": [first.line, last.end_line]}},
    )
