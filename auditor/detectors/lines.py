"""kind: lines — tests on the shape of each trimmed line (length, case, punctuation, separators)."""
from __future__ import annotations

import re

from . import Context, Hit

_TERMINAL = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_SEPARATORS = re.compile(r"\s[|»›>•·]\s|^[|»›>•·]\s|\s[|»›>•·]$")
_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
RANGE_TESTS = ("words", "chars", "title_share", "upper_share", "separators")
TESTS = RANGE_TESTS + ("terminal_punct",)


def line_features(text: str) -> dict:
    words = _WORD.findall(text)
    letters = [c for c in text if c.isalpha()]
    cased = [w for w in words if w[0].isalpha()]
    return {
        "words": len(words),
        "chars": len(text),
        "terminal_punct": bool(_TERMINAL.search(text)),
        "title_share": (sum(1 for w in cased if w[0].isupper()) / len(cased)) if cased else 0.0,
        "upper_share": (sum(1 for c in letters if c.isupper()) / len(letters)) if letters else 0.0,
        "separators": len(_SEPARATORS.findall(text)),
    }


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
        self.rules = rules

    def find(self, ctx: Context):
        features = ctx.cache.setdefault("line_features", {})
        for rule in self.rules:
            test = rule.spec["test"]
            for line in ctx.lines_for(rule.where):
                f = features.get(line.index)
                if f is None:
                    f = features[line.index] = line_features(line.text)
                if all(_holds(f[key], want) for key, want in test.items()):
                    yield Hit(rule, line.start, line.end)


def _holds(value, want) -> bool:
    if isinstance(want, bool):
        return value is want
    low, high = want
    return low <= value <= high


def build(rules) -> LineShapeMatcher:
    return LineShapeMatcher(rules)
