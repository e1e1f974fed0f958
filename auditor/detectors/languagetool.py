"""Grammar from a LanguageTool server: matches become findings; their rate decides the severity.

A handful of LanguageTool matches is normal in good copy (style hints, disputed commas), so
matches are info and cost nothing, unless their rate per 1,000 words is unusual for edited
news: then they are warnings and the score charges them (docs/grammar.md has the calibration).
"""
from __future__ import annotations

from . import Context, Hit

# Matches per 1,000 words above which grammar is unusual: 0.5% of bbc-dev articles reach it
# (docs/grammar.md has the distribution).
UNUSUAL_RATE = 20.0
# LanguageTool rules that fire on the conventions of edited news, not on errors: a quotation
# that runs over several paragraphs opens each one without closing the previous
# (EN_UNPAIRED_QUOTES, 1,548 of 3,117 matches on bbc-dev), house styles on commas, "at the
# weekend", "afterwards", superlatives, and capitalized names LanguageTool does not know.
DISABLED_RULES = (
    "EN_UNPAIRED_QUOTES", "COMMA_COMPOUND_SENTENCE", "COMMA_COMPOUND_SENTENCE_2",
    "SENT_START_CONJUNCTIVE_LINKING_ADVERB_COMMA", "MISSING_COMMA_AFTER_INTRODUCTORY_PHRASE",
    "THE_SUPERLATIVE", "EN_SPECIFIC_CASE", "UPPERCASE_SENTENCE_START", "AT_THE_WEEKEND",
    "AFTERWARDS_US", "UNLIKELY_OPENING_PUNCTUATION", "QUOTATION_MARKS_COMMA",
)
MIN_WORDS_FOR_RATE = 150
LANGUAGE_CODES = {"en": "en-US", "es": "es", "pt": "pt-PT", "ca": "ca-ES"}
_checkers: dict = {}
# Servers that failed for good (timeouts and retries spent) in this process: the documents after
# that are skipped at once with the same reason, so a dead server costs one document's retries,
# not every document's.
_failed: dict = {}


def _status(ctx: Context, status: str, reason: str) -> None:
    ctx.cache["grammar"] = {"status": status, "reason": reason}


def _checker(url: str, timeout: float):
    from ..grammar import GrammarChecker

    key = (url, timeout)
    if key not in _checkers:
        _checkers[key] = GrammarChecker(url, timeout=timeout, disabled_rules=DISABLED_RULES)
    return _checkers[key]


def matches(ctx: Context, rule):
    options = ctx.options
    if options.get("grammar") is False:
        _status(ctx, "off", "turned off (--no-grammar)")
        return
    url = options.get("languagetool_url")
    if not url:
        _status(ctx, "off", options.get("grammar_reason") or "no LanguageTool server configured")
        return
    language = ctx.cache.get("language", "und")
    code = LANGUAGE_CODES.get(language)
    if code is None:
        _status(ctx, "skipped", f"no grammar rules for language '{language}'")
        return
    from ..grammar import GrammarUnavailable

    from ..grammar import LanguageNotSupported

    key = (url, float(options.get("grammar_timeout", 30)))
    if key in _failed:
        _status(ctx, "skipped", f"{_failed[key]} (earlier in this run; not tried again)")
        return
    try:
        found = _checker(*key).check(ctx.document.text, code)
    except GrammarUnavailable as exc:
        if not isinstance(exc, LanguageNotSupported):
            _failed[key] = str(exc)
        _status(ctx, "skipped", str(exc))
        return
    words = ctx.document.words
    rate = 1000.0 * len(found) / max(words, MIN_WORDS_FOR_RATE)
    unusual = rate >= UNUSUAL_RATE
    _status(ctx, "checked", f"LanguageTool {code}: {len(found)} match(es), {rate:.1f} per 1,000 words"
            + (" (unusual)" if unusual else ""))
    for m in found:
        if m.end <= m.start:
            continue
        replacement = m.replacements[0] if m.replacements else None
        yield Hit(rule, m.start, m.end, {"lt_message": m.message, "lt_rule": m.rule_id},
                  fix_replacement=replacement, no_fix=replacement is None,
                  severity=None if unusual else "info")
