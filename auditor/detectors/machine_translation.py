"""Machine-translated English: a calibrated probability per document, and the sentences behind it.

The probability comes from the linear model of :mod:`auditor.mt_model` (docs/mt-model.md), run on
the article text: the document with the spans that data rules delete as web chrome set aside
(the ``chrome_spans`` stage). It is computed for English texts of at least ``MIN_WORDS`` words
of article text; otherwise it is null with a reason. The result is the ``mt`` stage
(:func:`assess`, computed once per document whichever rules are selected): the report's ``mt``
field, and what TR201 and TR202 read.

The model is a resource: loaded once per process and path (``load_model``), chosen by the
``mt_model`` option (``--mt-model``, configuration ``mt_model``), the shipped model by default.
"""
from __future__ import annotations

from auditor.core.document import count_words
from auditor.detectors import Context, Hit

MIN_WORDS = 50
DEFAULT_THRESHOLD = 0.5
# The document-level finding costs BASE_COST points at the threshold, rising linearly to
# BASE_COST + SLOPE_COST at probability 1 (docs/scoring.md).
BASE_COST = 10.0
SLOPE_COST = 30.0
EVIDENCE_SENTENCES = 3
EVIDENCE_POOL = 500  # sentences scored at most per document
EVIDENCE_MIN_WORDS = 8


def article_text(ctx: Context) -> str:
    """The document's text without its chrome spans, the pieces joined by line breaks."""
    text = ctx.document.text
    spans = ctx.need("chrome_spans")
    if not spans:
        return text
    pieces, at = [], 0
    for start, end in spans:
        if start > at:
            pieces.append(text[at:start])
        at = max(at, end)
    pieces.append(text[at:])
    return "\n".join(pieces)


def _touches_chrome(ctx: Context, start: int, end: int) -> bool:
    """Whether a sentence overlaps chrome (a headline with a site label after it, a caption)."""
    return any(a < end and start < b for a, b in ctx.need("chrome_spans"))


def threshold(ctx: Context, rule) -> float:
    value = ctx.options.get("mt_threshold")
    if value is None:
        value = rule.spec.get("options", {}).get("threshold", DEFAULT_THRESHOLD)
    return float(value)


def assess(ctx: Context) -> dict:
    """The ``mt`` stage: ``{probability, reason, model}`` of the document (the model is loaded
    only when there is an English article text to score)."""
    return assess_many([ctx])[0]


def assess_many(contexts: list[Context]) -> list[dict]:
    """``assess`` of each context; the texts one model scores are scored together (the model's
    ``probabilities``: the same values, numpy's cost per call paid once)."""
    results: list[dict | None] = []
    by_model: dict = {}  # model option -> [(index, article text)]
    for ctx in contexts:
        text = _scored_text(ctx)
        if isinstance(text, dict):
            results.append(text)
            continue
        by_model.setdefault(ctx.options.get("mt_model"), []).append((len(results), text))
        results.append(None)
    if by_model:
        # Imported here: numpy comes with the model, and a run without English text needs neither.
        from auditor.resources.mt_model import ModelError, load_model

        for option, pending in by_model.items():
            try:
                model = load_model(option)
            except ModelError as exc:
                for i, _ in pending:
                    results[i] = {"probability": None, "reason": str(exc), "model": None}
                continue
            probabilities = model.probabilities([text for _, text in pending])
            for (i, _), p in zip(pending, probabilities):
                results[i] = {"probability": round(p, 4), "reason": None, "model": model.name}
    return results


def _scored_text(ctx: Context) -> str | dict:
    """The article text the model scores, or the ``mt`` result of a document it does not score."""
    language = ctx.need("language")
    if language != "en":
        reason = "language undetermined" if language == "und" else f"not English (language {language})"
        return {"probability": None, "reason": reason, "model": None}
    text = article_text(ctx)
    # Without chrome the article text is the document's: its word count is the document's.
    words = ctx.document.words if text is ctx.document.text else count_words(text)
    if words < MIN_WORDS:
        return {"probability": None, "reason": f"{words} words of article text, under {MIN_WORDS}", "model": None}
    return text


def document_cost(probability: float, at: float) -> float:
    """Points charged for a flagged document: BASE_COST at the threshold, up to BASE_COST + SLOPE_COST."""
    rise = (probability - at) / max(1e-9, 1.0 - at)
    return round(BASE_COST + SLOPE_COST * min(1.0, max(0.0, rise)), 1)


def _flagged(ctx: Context, rule) -> tuple[dict, float, float] | None:
    """The mt stage's result, its probability and the threshold, when the document is flagged."""
    result = ctx.need("mt")
    p = result["probability"]
    at = threshold(ctx, rule)
    if p is None or p < at:
        return None
    return result, p, at


def machine_translated(ctx: Context, rule):
    """TR201: one document-level hit when the probability reaches the threshold."""
    flagged = _flagged(ctx, rule)
    if flagged is None:
        return
    result, p, at = flagged
    yield Hit(rule, 0, 0, values={"probability": f"{p:.2f}", "model": result["model"]},
              confidence=1.0, cost=document_cost(p, at))


def evidence(ctx: Context, rule):
    """TR202: on a flagged document, the sentences the model scores highest, each with its score."""
    flagged = _flagged(ctx, rule)
    if flagged is None:
        return
    at = flagged[2]
    from auditor.resources.mt_model import load_model

    model = load_model(ctx.options.get("mt_model"))
    candidates = [s for s in ctx.document.sentences
                  if count_words(s.text) >= EVIDENCE_MIN_WORDS and not _touches_chrome(ctx, s.start, s.end)]
    if len(candidates) > EVIDENCE_POOL:
        # A book-length text: sentences spread evenly over it stand for the rest, so the cost of the
        # evidence stays bounded (an article has far fewer sentences than this).
        step = len(candidates) / EVIDENCE_POOL
        candidates = [candidates[int(k * step)] for k in range(EVIDENCE_POOL)]
    scored = [(model.probability(sentence.text), sentence) for sentence in candidates]
    scored.sort(key=lambda item: (-item[0], item[1].start))
    for score, sentence in scored[:EVIDENCE_SENTENCES]:
        if score < at:
            break
        yield Hit(rule, sentence.start, sentence.end, values={"score": f"{score:.2f}"}, confidence=round(score, 3))
