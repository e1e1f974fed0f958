"""kind: patterns — regular expressions in RE2 syntax, compiled with google-re2.

RE2 runs in linear time, so a user's pattern cannot hang the auditor on hostile text; a
pattern RE2 cannot compile (look-around, back-references) is refused when the pack loads.
Patterns run on each trimmed line, so ``^`` and ``$`` are the line's ends.
"""
from __future__ import annotations

from functools import lru_cache

from . import Context, Hit


@lru_cache(maxsize=None)
def _options():
    import re2

    options = re2.Options()
    options.log_errors = False  # the error is reported with the rule's file and line instead
    return options


def compile_re2(pattern: str):
    """Compile a pattern with RE2; raises ValueError with RE2's reason."""
    import re2

    try:
        return re2.compile(pattern, _options())
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise ValueError(reason) from None


def validate(rule) -> str | None:
    spec = rule.spec
    patterns = spec.get("patterns")
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) for p in patterns):
        return "patterns must be a non-empty list of strings"
    if spec.get("span", "match") not in ("match", "line"):
        return "span must be match or line"
    group = spec.get("group", 0)
    replacement = spec.get("replacement")
    if replacement is not None and not (rule.fix and rule.fix.action == "replace"):
        return "replacement needs fix: {action: replace, ...}"
    for pattern in patterns:
        try:
            compiled = compile_re2(pattern)
        except ValueError as exc:
            return f"pattern {pattern!r} is not valid RE2: {exc}"
        if isinstance(group, str) and group not in compiled.groupindex:
            return f"pattern {pattern!r} has no group named {group!r}"
        if isinstance(group, int) and group > compiled.groups:
            return f"pattern {pattern!r} has no group {group}"
        if replacement is not None:
            try:
                replacement.format(**{name: "" for name in compiled.groupindex})
            except (KeyError, IndexError, ValueError) as exc:
                return f"replacement {replacement!r} names a group that pattern {pattern!r} lacks: {exc}"
    return None


class PatternMatcher:
    def __init__(self, rules):
        self.rules = [
            (rule, [compile_re2(p) for p in rule.spec["patterns"]], rule.spec.get("span", "match"),
             rule.spec.get("group", 0), rule.spec.get("replacement"))
            for rule in rules
        ]

    def find(self, ctx: Context):
        for rule, compiled, span, group, replacement in self.rules:
            for line in ctx.lines_for(rule.where):
                for regex in compiled:
                    matches = [regex.search(line.text)] if span == "line" else regex.finditer(line.text)
                    hits = 0
                    for m in matches:
                        if m is None:
                            continue
                        hits += 1
                        if span == "line":
                            yield Hit(rule, line.start, line.end)
                            break
                        a, b = m.span(group if isinstance(group, int) else regex.groupindex[group])
                        if b <= a:
                            continue
                        fixed = None
                        if replacement is not None:
                            groups = {name: m.group(i) or "" for name, i in regex.groupindex.items()}
                            fixed = replacement.format(**groups)
                        yield Hit(rule, line.start + a, line.start + b, fix_replacement=fixed)
                    if hits:
                        break  # the first pattern of a rule that matches a line speaks for the rule


def build(rules) -> PatternMatcher:
    return PatternMatcher(rules)
