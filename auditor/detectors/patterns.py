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

from auditor.core.narrowing import is_prose
from auditor.detectors import Context, Hit


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
        from auditor.detectors.registry import resolve

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


# ``^.*`` after the inline flags: the rest of the pattern may match anywhere in the line.
_ANY_PREFIX = re.compile(r"^((?:\(\?[a-zA-Z]+\))?)\^\.\*\??")
_COUNTED = re.compile(r"\{(\d+)(?:,(\d*))?\}")


def loosened(pattern: str) -> str:
    """The pattern with every counted repetition made unbounded (``x{0,40}`` becomes ``x*``,
    ``x{2,5}`` becomes ``x+``): it matches every line the pattern matches, and more.

    Only the set that says which rules to try on a line uses it; the rules' own patterns decide
    what matches. A count makes RE2's automaton remember how far it has gone (``^.{0,160}`` and
    an alternation of phrases is thousands of states), and those states are built while the
    first documents are read; without counts a set needs far fewer. Character classes, escapes
    (``\\p{Lu}``, ``\\x{00A0}``) and braces that are not a repetition are left as they are."""
    pieces = _pieces(pattern)
    if pieces is None:
        return pattern
    return "".join(("*" if int(_COUNTED.match(text).group(1)) == 0 else "+") if kind == "count" else text
                   for kind, text in pieces)


def _pieces(pattern: str) -> list[tuple[str, str]] | None:
    """The pattern as (kind, text) pieces: an ``escape`` (``\\d``, ``\\p{Lu}``, ``\\x{00A0}``),
    a ``class`` (``[...]`` whole), a ``count`` (``{2,5}``) or a ``char``; None when it quotes a
    literal run (``\\Q...``), which the set members leave as it is."""
    out = []
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            if pattern.startswith("\\Q", i):
                return None
            j = _escape_end(pattern, i)
            out.append(("escape", pattern[i:j]))
            i = j
        elif c == "[":
            j = _class_end(pattern, i) + 1
            out.append(("class", pattern[i:j]))
            i = j
        elif c == "{" and (m := _COUNTED.match(pattern, i)):
            out.append(("count", m.group(0)))
            i = m.end()
        else:
            out.append(("char", c))
            i += 1
    return out


# Unicode letter and number classes, and the ASCII characters they hold. In a set member each
# stands for those and every character beyond ASCII: RE2 compiles a Unicode class into hundreds of
# byte ranges, a millisecond or more per class per pattern in every process, and "any character
# beyond ASCII" into a handful.
_WIDENED = {r"\p{Lu}": "A-Z", r"\p{Ll}": "a-z", r"\p{Lt}": "", r"\pL": "A-Za-z", r"\p{L}": "A-Za-z",
            r"\pN": "0-9", r"\p{N}": "0-9"}
_BEYOND_ASCII = r"\x{80}-\x{10FFFF}"


def widened(pattern: str) -> str:
    """The pattern with each Unicode letter or number class (``\\p{Lu}``, ``\\pL``, ``\\pN`` ...),
    alone or in a class that is not negated, made its ASCII characters and every character
    beyond ASCII: it matches every line the pattern matches, and more. Only set members use it."""
    pieces = _pieces(pattern)
    if pieces is None:
        return pattern
    out = []
    for kind, text in pieces:
        if kind == "escape" and text in _WIDENED:
            out.append(f"[{_WIDENED[text]}{_BEYOND_ASCII}]")
        elif kind == "class" and not text.startswith("[^"):  # widening a negated class would narrow it
            inner = _pieces(text[1:-1]) or [("char", text[1:-1])]
            out.append("[" + "".join(_WIDENED[t] + _BEYOND_ASCII if k == "escape" and t in _WIDENED else t
                                     for k, t in inner) + "]")
        else:
            out.append(text)
    return "".join(out)


def _escape_end(pattern: str, i: int) -> int:
    """Where the escape at ``pattern[i]`` ends (``\\p{Lu}``, ``\\pL`` and ``\\x{00A0}`` whole)."""
    j = i + 2
    if pattern[i + 1:j] in ("p", "P", "x") and pattern[j:j + 1] == "{":
        j = pattern.find("}", j) + 1 or len(pattern)
    elif pattern[i + 1:j] in ("p", "P"):
        j += 1  # a one-letter class: \pL, \pN
    return j


def _class_end(pattern: str, i: int) -> int:
    """Where the character class opened at ``pattern[i]`` closes (the index of its ``]``)."""
    n = len(pattern)
    j = i + 1
    if pattern[j:j + 1] == "^":
        j += 1
    if pattern[j:j + 1] == "]":
        j += 1  # a ']' first in a class is a literal
    while j < n and pattern[j] != "]":
        if pattern[j] == "\\":
            j += 2
        elif pattern.startswith("[:", j):
            j = pattern.find(":]", j + 2) + 2 if pattern.find(":]", j + 2) >= 0 else j + 1
        else:
            j += 1
    return j


def _prefilter(pattern: str) -> str:
    """The set member standing for a pattern: loosened, widened, and without a leading ``^.*``."""
    loose = widened(loosened(pattern))
    m = _ANY_PREFIX.match(loose)
    return m.group(1) + loose[m.end():] if m else loose


class PatternMatcher:
    """All patterns of all rules in RE2 sets (:class:`RuleSets`): one pass per line says which rules may match,
    and only those rules' patterns run to find their spans.

    The sets hold a loosened and widened copy of each pattern (``_prefilter``): it may name a rule for a line
    that the rule's patterns then do not match, never the reverse, so what is found is the same
    as with the patterns themselves. RE2 builds a set's automaton lazily, state by state, as
    lines need them; without counted repetitions the set has few states to build, so the first
    documents of a process (and a one-file check) cost about what the later ones do (see
    :class:`RuleSets` for the other half of that)."""

    def __init__(self, rules, plan: SetPlan | None = None):
        """``plan``: ``plan_sets`` of the rules' patterns, when the caller has it (``build`` keeps it in the cache)."""
        from auditor.detectors.registry import resolve

        # Each pattern is compiled on its own only when the set says its rule may match a line.
        self.rules = [
            (rule, rule.spec["patterns"], rule.spec.get("span", "match"),
             rule.spec.get("group", 0), rule.spec.get("replacement"))
            for rule in rules
        ]
        self.refine = {i: resolve(rule.spec["refine"]) for i, rule in enumerate(rules) if "refine" in rule.spec}
        members = _members(rules)
        self.prefilter = RuleSets(members, plan) if members else None
        # Rules that judge a whole line (span: line, or every pattern anchored at its start) judge
        # a long line (a paragraph or a page without its line breaks) by its sentences; those that
        # read only the text's last lines read the last sentences of a long line that ends it.
        self.by_line = frozenset(i for i, (rule, patterns, span, _, _) in enumerate(self.rules)
                                 if rule.where in ("any", "tail")
                                 and (span == "line" or all(map(_anchored, patterns))))

    def find(self, ctx: Context):
        if self.prefilter is None:
            return
        candidates: dict[int, list] = {}
        match = self.prefilter.rules
        split = ctx.document.split_lines
        for line in ctx.document.content_lines:
            # Each set is given the line's UTF-8 bytes, encoded once here (re2's wrapper would
            # encode a str again for each set).
            rules = match(line.text.encode())
            if rules:
                if split and line.index in split:
                    rules -= self.by_line
                for i in sorted(rules):
                    candidates.setdefault(i, []).append(line)
        for segments in split.values():
            for segment in segments:
                if segment.part != "sentence":
                    continue
                rules = match(segment.text.encode())
                if rules:
                    for i in sorted(rules & self.by_line):
                        candidates.setdefault(i, []).append(segment)
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
            if not ctx.span_allowed(rule.where, line):
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
                        # A sentence of a long line that reads like prose is not chrome by a match
                        # on part of it ("... a photographer for Getty Images."): found, not deleted.
                        partial = line.part != "line" and (m.start() > 0 or m.end() < len(line.text))
                        yield Hit.segment(rule, line, prose=partial and is_prose(line.text))
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


_ANCHOR = re.compile(r"^(?:\(\?[a-zA-Z]+\))?\^")


def _anchored(pattern: str) -> bool:
    """Whether the pattern matches only at the start of a line (``^``, after inline flags)."""
    return _ANCHOR.match(pattern) is not None


class RuleSets:
    """Which rules may match a line: the set members of every pattern, in three RE2 sets.

    Members anchored at the line's start (``^`` first, and no ``|`` outside a group) go into a set
    matched only from the start; the others into a set searched through the line. RE2 builds a
    set's automaton lazily, a state for each new combination of members a line puts it in, and a
    searched set must follow every member from every position at once: the anchored members,
    most of them, would multiply its states. Split, the two sets build far fewer states over the
    first documents of a process, and cost about the same on each line afterwards.

    An anchored set reads a line only as long as one of its members may still match. The few
    anchored members that open with a run of (almost) any character (``.+``, ``\\S+``) are alive
    to the end of nearly every line, so they get a small anchored set of their own: the big one
    then stops after a few characters of a prose line, and builds fewer states."""

    def __init__(self, members: list[tuple[str, int]], plan: SetPlan | None = None):
        anchored, long_lived, searched = plan if plan is not None else plan_sets(members)
        # Copies: a member RE2 refuses is moved to the searched set below, and the plan may be shared.
        anchored, long_lived, searched = list(anchored), list(long_lived), list(searched)
        # A member RE2 refuses (loosening made it too large: a count that bounded a nesting) is
        # searched for as its whole pattern.
        self.sets = [_compiled_set(anchored, searched, anchored=True),
                     _compiled_set(long_lived, searched, anchored=True), _compiled_set(searched, [])]
        self.sets = [built for built in self.sets if built is not None]

    def rules(self, text: str | bytes) -> set[int]:
        """The indexes of the rules whose patterns may match ``text`` (the matcher passes a line
        encoded to UTF-8 once, so that the sets need not each encode it)."""
        if isinstance(text, str):
            text = text.encode()  # the compiled sets read UTF-8 bytes
        found: set[int] = set()
        for match, owner in self.sets:
            hits = match(text)
            if hits:
                found.update(owner[h] for h in hits)
        return found


# The anchored, long-lived and searched members: (member, pattern, rule index) each.
SetPlan = tuple[list[tuple[str, str, int]], list[tuple[str, str, int]], list[tuple[str, str, int]]]


def plan_sets(members: list[tuple[str, int]]) -> SetPlan:
    """Which set each pattern's member goes to (see :class:`RuleSets`), and the member itself."""
    anchored: list[tuple[str, str, int]] = []
    long_lived: list[tuple[str, str, int]] = []
    searched: list[tuple[str, str, int]] = []
    for pattern, owner in members:
        member = _prefilter(pattern)
        start = _without_start_anchor(member)
        if start is None:
            searched.append((member, pattern, owner))
        elif _opens_with_run(start):
            long_lived.append((start, pattern, owner))
        else:
            anchored.append((start, pattern, owner))
    return anchored, long_lived, searched


def _without_start_anchor(member: str) -> str | None:
    """The member without its leading ``^`` when all of it matches only at the start of a line,
    else None (``^a|b`` matches ``b`` anywhere)."""
    m = _ANCHOR.match(member)
    if m is None or _has_outer_alternation(member):
        return None
    return member[:m.end() - 1] + member[m.end():]


# A member that opens (after inline flags and group openers) with a run of any character, or of
# any but a few (``.*``, ``\S+``, ``[^:/]*``), is still alive at the end of almost every line.
_OPENING_RUN = re.compile(r"^(?:\(\?[a-zA-Z]*[:)]|\()*(?:\.|\\S|\[\^(?:\\.|[^\]\\])+\])[*+]")


def _opens_with_run(member: str) -> bool:
    """Whether the anchored member (its ``^`` removed) opens with a run of (almost) any character."""
    return _OPENING_RUN.match(member) is not None


def _has_outer_alternation(pattern: str) -> bool:
    """Whether the pattern has a ``|`` outside every group and class."""
    depth, i, n = 0, 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(pattern, i)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def _compiled_set(members: list[tuple[str, str, int]], refused: list[tuple[str, str, int]], anchored: bool = False):
    """An RE2 set of the members, (member, pattern, rule index) each, matched from the line's start
    when ``anchored``, with the rule index of each set member; None without members. A member the
    set refuses goes to ``refused`` as its whole pattern (or, searched already, is added whole)."""
    import re2

    if not members:
        return None
    options = re2.Options()
    options.log_errors = False
    options.max_mem = SET_MEMORY  # many large-alternation patterns at once need more than the default
    regex_set = (re2.Set.MatchSet if anchored else re2.Set.SearchSet)(options)
    owners = []
    for member, pattern, owner in members:
        try:
            regex_set.Add(member)
        except re2.error:
            if anchored:
                refused.append((pattern, pattern, owner))
                continue
            regex_set.Add(pattern)
        owners.append(owner)
    if not owners:
        return None
    regex_set.Compile()
    # The compiled set's own Match, when the wrapper exposes it (google-re2 keeps it as ``_set``):
    # called for each line with its UTF-8 bytes, the wrapper's Python frame would cost about as
    # much as the match. Both return the indexes of the members that match (empty: none).
    return getattr(regex_set, "_set", regex_set).Match, owners


def _members(rules) -> list[tuple[str, int]]:
    """Every pattern of the rules, with the index of its rule."""
    return [(pattern, i) for i, rule in enumerate(rules) for pattern in rule.spec["patterns"]]


def build(rules) -> PatternMatcher:
    """The matcher of these rules. For the bundled packs, the set members (each pattern loosened
    and widened, a few milliseconds of string work per process) are read from the user's cache
    folder when an earlier run made them; RE2 compiles the sets in every process (they cannot be
    pickled). A user's own packs are never written there."""
    from auditor.core.paths import all_bundled

    rules = list(rules)
    if not rules or not all_bundled(rules):
        return PatternMatcher(rules)
    from auditor.core.cache import cached

    members = _members(rules)
    content = "\0".join(f"{owner}\t{pattern}" for pattern, owner in members).encode()
    return PatternMatcher(rules, cached("pattern-sets", [], lambda: plan_sets(members), content=content))
