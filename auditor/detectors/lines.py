"""kind: lines — tests on the shape of each trimmed line (length, case, punctuation, separators)."""
from __future__ import annotations

import re

from auditor.detectors import Context, Hit

_TERMINAL = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_SEPARATORS = re.compile(r"\s[|»›>•·]\s|^[|»›>•·]\s|\s[|»›>•·]$")
_SEPARATOR_CHARS = "|»›>•·"  # most lines hold none: the regular expression is not run on them


def _has_separator(text: str) -> bool:
    if text.isascii():  # only two of the separators are ASCII: most lines are looked through twice
        return "|" in text or ">" in text
    return any(map(text.__contains__, _SEPARATOR_CHARS))
_TABLE_ROW = re.compile(r"^\|.*\|$")
_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
RANGE_TESTS = ("words", "chars", "title_share", "upper_share", "separators")
TESTS = RANGE_TESTS + ("terminal_punct",)


def _title_share(text: str) -> float:
    cased = [w for w in _WORD.findall(text) if w[0].isalpha()]
    return (sum(1 for w in cased if w[0].isupper()) / len(cased)) if cased else 0.0


def _upper_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return (sum(1 for c in letters if c.isupper()) / len(letters)) if letters else 0.0


# Each feature is computed only when a rule asks for it, cheapest first.
FEATURES = {
    "chars": len,
    # the bars of a table row ("| 1 | Jane Roe | 512 |") are cell borders, not separators
    "separators": lambda t: 0 if not _has_separator(t) or _TABLE_ROW.match(t) else len(_SEPARATORS.findall(t)),
    "terminal_punct": lambda t: bool(_TERMINAL.search(t)),
    "words": lambda t: len(_WORD.findall(t)),
    "title_share": _title_share,
    "upper_share": _upper_share,
}
_ORDER = {name: i for i, name in enumerate(FEATURES)}


def line_features(text: str) -> dict:
    return {name: fn(text) for name, fn in FEATURES.items()}


def validate(rule) -> str | None:
    test = rule.spec.get("test")
    if not isinstance(test, dict) or not test:
        return "test must be a mapping of line-shape tests"
    for key, value in test.items():
        if key not in TESTS:
            return f"unknown line test {key!r} (known: {', '.join(TESTS)})"
        if key == "terminal_punct":
            if not isinstance(value, bool):
                return "terminal_punct must be true or false"
        elif not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value)):
            return f"{key} must be a range [low, high]"
    return None


class LineShapeMatcher:
    def __init__(self, rules):
        # each rule's tests, cheapest feature first: a line fails most rules on the first one
        self.rules = [(rule, sorted(rule.spec["test"].items(), key=lambda kv: _ORDER[kv[0]])) for rule in rules]

    def find(self, ctx: Context):
        features = ctx.cache.setdefault("line_features", {})
        for rule, tests in self.rules:
            for line in ctx.lines_for(rule.where):
                known = features.setdefault(line.index, {})
                for key, want in tests:
                    value = known.get(key)
                    if value is None:
                        value = known[key] = FEATURES[key](line.text)
                    if not _holds(value, want):
                        break
                else:
                    yield Hit(rule, line.start, line.end)


def _holds(value, want) -> bool:
    if isinstance(want, bool):
        return value is want
    low, high = want
    return low <= value <= high


def build(rules) -> LineShapeMatcher:
    return LineShapeMatcher(rules)
