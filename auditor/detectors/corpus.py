"""Detectors that read the corpus context (the first pass over all inputs)."""
from __future__ import annotations

from auditor.resources.corpus import MAX_REPEATED_LINE_WORDS, normalize_line
from auditor.detectors import Context, Hit

DEFAULT_MIN_DOCUMENTS = 3


def repeated_lines(ctx: Context, rule):
    """Lines that recur in at least N documents of the corpus are template chrome (cc_net)."""
    corpus = ctx.corpus
    if corpus is None:
        return
    option = ctx.options.get("repeated_min_documents")
    minimum = option or rule.spec.get("options", {}).get("min_documents", DEFAULT_MIN_DOCUMENTS)
    title = ctx.document.title
    for line in ctx.document.content_lines:
        if title is not None and line.index == title.index:
            continue  # headlines are content, even when several copies share one
        if len(line.text.split()) > MAX_REPEATED_LINE_WORDS:
            continue
        key = normalize_line(line.text)
        if not key:
            continue
        count = corpus.line_documents.get(key, 0)
        if count >= minimum:
            yield Hit(rule, line.start, line.end, {"count": count}, whole=True)  # the line recurs whole
