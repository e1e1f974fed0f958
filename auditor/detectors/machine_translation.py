"""Machine-translated English: a calibrated probability per document, and the sentences behind it.

The probability comes from the linear model of :mod:`auditor.mt_model` (docs/mt-model.md), run on
the article text: the document with the spans of chrome findings that delete (the boilerplate
rules run before detectors) set aside. It is computed for English texts of at least
``MIN_WORDS`` words of article text; otherwise it is null with a reason. The result is kept in the
document's context (``ctx.cache["mt"]``) and becomes the report's ``mt`` field.

The model is a resource: loaded once per process and path (``load_model``), chosen by the
``mt_model`` option (``--mt-model``, configuration ``mt_model``), the shipped model by default.
"""
from __future__ import annotations

from ..document import count_words
from ..mt_model import ModelError, load_model
from . import Context, Hit

MIN_WORDS = 50
DEFAULT_THRESHOLD = 0.5
# The document-level finding costs BASE_COST points at the threshold, rising linearly to
# BASE_COST + SLOPE_COST at probability 1 (docs/scoring.md).
BASE_COST = 10.0
SLOPE_COST = 30.0
EVIDENCE_SENTENCES = 3
EVIDENCE_MIN_WORDS = 8


def article_text(ctx: Context) -> str:
    """The document's text without the chrome spans found so far, pieces joined by line breaks."""
    text = ctx.document.text
    spans = sorted(ctx.cache.get("chrome_spans", ()))
    if not spans:
        return text
    pieces, at = [], 0
    for start, end in spans:
        if start > at:
            pieces.append(text[at:start])
        at = max(at, end)
    pieces.append(text[at:])
    return "\n".join(pieces)


def _chrome_covers(ctx: Context, start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in ctx.cache.get("chrome_spans", ()))


def threshold(ctx: Context, rule) -> float:
    value = ctx.options.get("mt_threshold")
    if value is None:
        value = rule.spec.get("options", {}).get("threshold", DEFAULT_THRESHOLD)
    return float(value)


def assess(ctx: Context) -> dict:
    """The document's ``mt`` result, computed once: ``{probability, reason, model}``."""
    found = ctx.cache.get("mt")
    if found is not None:
        return found
    path = ctx.options.get("mt_model")
    try:
        model = load_model(path)
    except ModelError as exc:
        result = {"probability": None, "reason": str(exc), "model": None}
        ctx.cache["mt"] = result
        return result
    language = ctx.cache.get("language", "und")
    text = article_text(ctx)
    words = count_words(text)
    result = {"probability": None, "reason": None, "model": model.name}
    if language != "en":
        result["reason"] = ("language undetermined" if language == "und"
                            else f"not English (language {language})")
    elif words < MIN_WORDS:
        result["reason"] = f"{words} words of article text, under {MIN_WORDS}"
    else:
        result["probability"] = round(model.probability(text), 4)
    ctx.cache["mt"] = result
    return result


def document_cost(probability: float, at: float) -> float:
    """Points charged for a flagged document: BASE_COST at the threshold, up to BASE_COST + SLOPE_COST."""
    rise = (probability - at) / max(1e-9, 1.0 - at)
    return round(BASE_COST + SLOPE_COST * min(1.0, max(0.0, rise)), 1)


def machine_translated(ctx: Context, rule):
    """TR201: one document-level hit when the probability reaches the threshold."""
    result = assess(ctx)
    p = result["probability"]
    at = threshold(ctx, rule)
    if p is None or p < at:
        return
    yield Hit(rule, 0, 0, values={"probability": f"{p:.2f}", "model": result["model"]},
              confidence=1.0, **_cost(document_cost(p, at)))


def evidence(ctx: Context, rule):
    """TR202: on a flagged document, the sentences the model scores highest, each with its score."""
    result = assess(ctx)
    p = result["probability"]
    at = threshold(ctx, rule)
    if p is None or p < at:
        return
    model = load_model(ctx.options.get("mt_model"))
    scored = []
    for sentence in ctx.document.sentences:
        if count_words(sentence.text) < EVIDENCE_MIN_WORDS or _chrome_covers(ctx, sentence.start, sentence.end):
            continue
        scored.append((model.probability(sentence.text), sentence))
    scored.sort(key=lambda item: (-item[0], item[1].start))
    for score, sentence in scored[:EVIDENCE_SENTENCES]:
        if score < at:
            break
        yield Hit(rule, sentence.start, sentence.end, values={"score": f"{score:.2f}"}, confidence=round(score, 3))


def _cost(points: float) -> dict:
    """The hit's own cost, where the findings API supports it."""
    return {"cost": points} if "cost" in Hit.__dataclass_fields__ else {}
