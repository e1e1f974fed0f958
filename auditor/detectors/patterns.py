"""kind: patterns — regular expressions in RE2 syntax, compiled with google-re2.

RE2 runs in linear time, so a user's pattern cannot hang the auditor on hostile text; a
pattern RE2 cannot compile (look-around, back-references) is refused when the pack loads.
Patterns run on each trimmed line, so ``^`` and ``$`` are the line's ends.

A rule may name a ``refine: module.function`` of this package that sees each hit in its document
and returns it (changed, e.g. to a lower severity) or None: the patterns stay in the one fast set,
and only their few hits pay for reading the context.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import Context, Hit


SET_MEMORY = 256 << 20
PATTERN_MEMORY = 64 << 20


@lru_cache(maxsize=None)
def _options():
    import re2

    options = re2.Options()
    options.log_errors = False  # the error is reported with the rule's file and line instead
    # Patterns with long word lists (month names, dateline keywords) need more than RE2's 8 MB
    # default, or their automaton runs out of memory and RE2 falls back to a slower engine.
    options.max_mem = PATTERN_MEMORY
    return options


@lru_cache(maxsize=4096)
def compile_re2(pattern: str):
    """Compile a pattern with RE2 (memoized); raises ValueError with RE2's reason."""
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
    if "refine" in spec:
        from .registry import resolve

        try:
            resolve(spec["refine"])
        except ValueError as exc:
            return f"refine: {exc}"
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


# A pattern that starts with ``^`` (after inline flags) can only match at a line's start.
_ANCHORED = re.compile(r"^(?:\(\?[a-zA-Z]+\))?\^")


class PatternMatcher:
    """All patterns of all rules in RE2 sets: one pass per line says which patterns match, and
    only those run again to find their spans.

    Patterns anchored at the line's start and the others go in two sets. RE2 builds each set's
    automaton lazily, state by state, as lines need them; one automaton for both kinds has many
    more states to build, which made the first thousand or so documents of a process (and every
    one-file check) twice as slow per character. Once built, the two layouts cost the same."""

    def __init__(self, rules):
        from .registry import resolve

        # Each pattern is compiled on its own only when a set says it matched a line.
        self.rules = [
            (rule, rule.spec["patterns"], rule.spec.get("span", "match"),
             rule.spec.get("group", 0), rule.spec.get("replacement"))
            for rule in rules
        ]
        self.refine = {i: resolve(rule.spec["refine"]) for i, rule in enumerate(rules) if "refine" in rule.spec}
        grouped: dict[bool, list[tuple[str, int]]] = {True: [], False: []}
        for i, (rule, _, _, _, _) in enumerate(self.rules):
            for pattern in rule.spec["patterns"]:
                grouped[bool(_ANCHORED.match(pattern))].append((pattern, i))
        self.sets = [_compiled_set(members) for members in grouped.values() if members]

    def find(self, ctx: Context):
        candidates: dict[int, list] = {}
        for line in ctx.document.content_lines:
            owners = None
            for regex_set, owner in self.sets:
                hits = regex_set.Match(line.text)
                if hits:
                    owners = (owners or set()).union(owner[h] for h in hits)
            if owners:
                for i in sorted(owners):
                    candidates.setdefault(i, []).append(line)
        for i, lines in sorted(candidates.items()):
            refine = self.refine.get(i)
            for hit in self._hits(ctx, i, lines):
                # A refine function reads the document's other findings (the chrome spans): it
                # runs once every data rule has matched, in the engine's data_hits stage.
                hit.refine = refine
                yield hit

    def _hits(self, ctx: Context, i: int, lines):
        rule, patterns, span, group, replacement = self.rules[i]
        for line in lines:
            if not ctx.line_allowed(rule.where, line.index):
                continue
            for pattern in patterns:
                regex = compile_re2(pattern)
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


def _compiled_set(members: list[tuple[str, int]]):
    """An RE2 set of the patterns, with the rule index of each set member."""
    import re2

    options = re2.Options()
    options.log_errors = False
    options.max_mem = SET_MEMORY  # many large-alternation patterns at once need more than the default
    regex_set = re2.Set.SearchSet(options)
    for pattern, _ in members:
        regex_set.Add(pattern)
    regex_set.Compile()
    return regex_set, [i for _, i in members]


def build(rules) -> PatternMatcher:
    return PatternMatcher(rules)
