"""Grammar from a LanguageTool server: matches become findings; their rate decides the severity.

A handful of LanguageTool matches is normal in good copy (style hints, disputed commas), so
matches are info and cost nothing, unless their rate per 1,000 words is unusual for edited
news: then they are warnings and the score charges them (docs/grammar.md has the calibration).
"""
from __future__ import annotations

from auditor.detectors import Context, Hit

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
# LanguageTool's style suggestions ("continue to remain high" -> "remain high") are a matter of
# taste, not errors: they are reported as info without a fix, and never make a rate unusual.
# Typography, semantics (a weekday that does not fit the date) and false friends stay errors:
# they are what careless copy and machine translation leave.
STYLE_CATEGORIES = frozenset({"STYLE", "REDUNDANCY", "PLAIN_ENGLISH", "WIKIPEDIA", "COLLOQUIALISMS",
                              "REGIONALISMS"})
STYLE_ISSUE_TYPES = frozenset({"style", "locale-violation", "register"})


def _status(ctx: Context, status: str, reason: str) -> None:
    ctx.cache["grammar"] = {"status": status, "reason": reason}


def is_style(match) -> bool:
    """Whether a LanguageTool match is a style suggestion rather than an error."""
    return match.category in STYLE_CATEGORIES or match.issue_type in STYLE_ISSUE_TYPES


def _session(options: dict):
    """The run's GrammarSession; a library call that gives only a URL gets one for this document."""
    session = options.get("grammar_session")
    if session is None and options.get("languagetool_url"):
        from auditor.resources.grammar_session import GrammarSession, default_timeout

        session = GrammarSession(options["languagetool_url"], options.get("grammar_timeout") or default_timeout())
    return session


def matches(ctx: Context, rule):
    options = ctx.options
    if not options.get("grammar"):
        _status(ctx, "off", "not asked for (--grammar turns it on)")
        return
    session = _session(options)
    if session is None:
        _status(ctx, "off", options.get("grammar_reason") or "no LanguageTool server configured")
        return
    language = ctx.need("language")
    code = LANGUAGE_CODES.get(language)
    if code is None:
        _status(ctx, "skipped", f"no grammar rules for language '{language}'")
        return
    from auditor.resources.grammar_client import GrammarUnavailable

    try:
        found = session.check(ctx.document.text, code, DISABLED_RULES)
    except GrammarUnavailable as exc:
        _status(ctx, "skipped", str(exc))
        return
    errors = [m for m in found if not is_style(m)]
    words = ctx.document.words
    rate = 1000.0 * len(errors) / max(words, MIN_WORDS_FOR_RATE)
    unusual = rate >= UNUSUAL_RATE
    styles = len(found) - len(errors)
    _status(ctx, "checked", f"LanguageTool {code}: {len(errors)} match(es), {rate:.1f} per 1,000 words"
            + (" (unusual)" if unusual else "") + (f"; {styles} style suggestion(s)" if styles else ""))
    for m in found:
        if m.end <= m.start:
            continue
        style = is_style(m)
        replacement = m.replacements[0] if m.replacements and not style else None
        yield Hit(rule, m.start, m.end, {"lt_message": m.message, "lt_rule": m.rule_id},
                  fix_replacement=replacement, no_fix=replacement is None,
                  severity="info" if style or not unusual else None)
