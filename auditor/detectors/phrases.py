"""kind: phrases — literal phrases in many languages, matched all at once.

scope line:   the phrase is the whole line (compared by ``line_key``): one dict lookup per line.
scope prefix: the line starts with the phrase; the finding covers the line: one combined regex.
scope inline: the phrase anywhere on word boundaries: one combined regex over the text.
A prefix rule may say with ``follow`` (RE2) what the rest of the line must look like after the
phrase, so that an opening shared with ordinary sentences ("See also how ...", "We use cookies in
the lab") is chrome only in the shape the widget prints.
Placeholders ``{*}`` and ``{n}`` make a phrase a template, matched by one combined regex.
"""
from __future__ import annotations

import re
from functools import lru_cache

from auditor.core.document import ZERO_WIDTH
from auditor.core.narrowing import is_prose
from auditor.core.paths import all_bundled
from auditor.detectors import Context, Hit
from auditor.detectors.text import EDGE_PUNCT, line_key, prefix_key, squash

SCOPES = ("line", "prefix", "inline")
# A placeholder: {*} any text (up to 80 characters), {n} a number.
PLACEHOLDER = re.compile(r"\{(\*|n)\}")
_SPACE_CLASS = r"[\s" + ZERO_WIDTH + r"]+"


def validate(rule) -> str | None:
    spec = rule.spec
    if spec.get("scope", "line") not in SCOPES:
        return f"scope must be one of {', '.join(SCOPES)}"
    phrases = spec.get("phrases")
    if not isinstance(phrases, dict) or not phrases:
        return "phrases must be a mapping from language code to a list of phrases"
    for lang, items in phrases.items():
        if not isinstance(items, list) or not all(isinstance(p, str) and p.strip() for p in items):
            return f"phrases.{lang} must be a list of non-empty strings"
    max_words = spec.get("max_words", 40)
    if not isinstance(max_words, int) or max_words < 0:
        return "max_words must be a whole number"
    if "follow" in spec:
        if spec.get("scope", "line") != "prefix":
            return "follow is for scope: prefix only"
        if not isinstance(spec["follow"], str):
            return "follow must be a pattern (a string)"
        from auditor.detectors.patterns import compile_re2

        try:
            compile_re2(spec["follow"])
        except ValueError as exc:
            return f"follow {spec['follow']!r} is not valid RE2: {exc}"
    return None


def template_regex(key: str) -> str:
    """A line key with placeholders, as a regex over line keys."""
    parts = PLACEHOLDER.split(key)
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(re.escape(part))
        else:
            out.append(r".{1,80}?" if part == "*" else r"\d[\d.,]*")
    return "".join(out)


def _bucket(key: str) -> str:
    """Prefix phrases are found by the line's first word; scripts written without spaces
    (Chinese, Japanese, Thai) by the first character."""
    first = key.split(" ", 1)[0]
    if any(_unspaced(c) for c in first[:1]):
        return "\0" + first[0]
    return PLACEHOLDER.split(first)[0] if PLACEHOLDER.search(first) else first


def _unspaced(char: str) -> bool:
    code = ord(char)
    return 0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0x0E00 <= code <= 0x0E7F or 0xF900 <= code <= 0xFAFF


@lru_cache(maxsize=None)
def _compiled(pattern: str):
    """Templates are compiled when a line first needs them: most never are."""
    return re.compile(pattern)


def _template_anchor(pattern: str) -> str:
    """The longest whole literal word of a template regex ('' when it has none)."""
    body = pattern[:-2] if pattern.endswith(r"\Z") else pattern
    parts = re.split(r"\.\{1,80\}\?|\\d\[\\d\.,\]\*", body)
    best = ""
    for i, part in enumerate(parts):
        words = _unescape(part).split(" ")
        for j, word in enumerate(words):
            glued_left = j == 0 and i > 0  # right after a placeholder
            glued_right = j == len(words) - 1 and i < len(parts) - 1  # right before one
            if word and not glued_left and not glued_right and len(word) > len(best):
                best = word
    return best


def _literal_text(pattern: str) -> str:
    """The literal characters of a template regex (its placeholders and end anchor left out)."""
    body = pattern[:-2] if pattern.endswith(r"\Z") else pattern
    return _unescape("".join(re.split(r"\.\{1,80\}\?|\\d\[\\d\.,\]\*", body)))


_ANY_SLOT = r".{1,80}?"
_NUMBER_SLOT = r"\d[\d.,]*"
_NUMBER_CHARS = re.compile(r"[\d.,]")  # what a {n} slot matches, character by character


def _longest_match(pattern: str) -> int:
    """How long a key a template regex can match, its {n} slots left out: the literal characters,
    and at most 80 for each {*} slot."""
    return len(_literal_text(pattern)) + 80 * pattern.count(_ANY_SLOT)


def _unescape(text: str) -> str:
    """re.escape undone: each backslash stands before the character it escapes (a doubled one for
    a backslash), so pairs are replaced first, then lone backslashes dropped."""
    if "\0" in text or "\n" in text:
        return re.sub(r"\\(.)", r"\1", text)
    return text.replace("\\\\", "\0").replace("\\", "").replace("\0", "\\")


def _literal_regex(phrase: str) -> str:
    """A phrase as a regex over original text: any white space run matches any other."""
    words = squash(phrase).split(" ")
    body = _SPACE_CLASS.join(template_regex(w) for w in words)
    return body


def _ranks(templates: list[tuple]) -> dict[int, tuple]:
    """Each template entry's place, by the identity of the entry (the lists share the tuples)."""
    return {id(entry): (entry[1].code, i) for i, entry in enumerate(templates)}


class PhraseMatcher:
    def __init__(self, rules):
        self.exact: dict[str, tuple] = {}  # line key -> (rule, lang)
        self.templates: list[tuple] = []  # (compiled, rule, lang)
        self.prefixes: dict[str, list[tuple]] = {}  # bucket -> [(key, is_template, rule, lang)]
        seen_prefixes: set[str] = set()
        inline_alternatives: list[str] = []
        self.inline_owner: dict[str, tuple] = {}
        self.max_words: dict[str, int] = {}
        self.follow: dict[str, str] = {}  # rule code -> RE2 pattern the rest of the line must match
        for rule in rules:  # rules come sorted by code: the first rule to claim a phrase keeps it
            scope = rule.spec.get("scope", "line")
            self.max_words[rule.code] = rule.spec.get("max_words", 40)
            if "follow" in rule.spec:
                self.follow[rule.code] = rule.spec["follow"]
            for lang, phrases in rule.spec["phrases"].items():
                for phrase in phrases:
                    key = line_key(phrase)
                    if not key:
                        continue
                    if scope == "line":
                        if PLACEHOLDER.search(key):
                            self.templates.append((template_regex(key) + r"\Z", rule, lang))
                        else:
                            self.exact.setdefault(key, (rule, lang))
                    elif scope == "prefix":
                        key = prefix_key(phrase) or key
                        if key not in seen_prefixes:
                            seen_prefixes.add(key)
                            entry = (key, bool(PLACEHOLDER.search(key)), rule, lang)
                            self.prefixes.setdefault(_bucket(key), []).append(entry)
                    else:
                        norm = squash(phrase).casefold()
                        if norm not in self.inline_owner:
                            self.inline_owner[norm] = (rule, lang)
                            inline_alternatives.append(_literal_regex(phrase))
        # Templates are looked up by their first and last literal words, so a line is tried only
        # against the few templates that could fit it.
        self.template_index: dict[str, list[tuple]] = {}
        for entry in self.templates:
            self.template_index.setdefault(_template_anchor(entry[0]), []).append(entry)
        self.template_any = bool(self.templates)
        # The longest line key a template can match: its literal characters, 80 for each {*}, and
        # for each {n} a run of the key's own figures (so a key longer than that, a paragraph of
        # the article, is not looked at: most lines of an article are such paragraphs).
        self._template_longest = max((_longest_match(p) for p, _, _ in self.templates if _NUMBER_SLOT not in p),
                                     default=-1)
        self._numbered_longest = max((_longest_match(p) for p, _, _ in self.templates if _NUMBER_SLOT in p),
                                     default=None)
        # Where each template stands among all of them: candidates are tried by rule code, then
        # in pack order (the order the lines of a pack list them), whatever words fetched them.
        self._template_rank = _ranks(self.templates)
        self._anchor_words = frozenset(w for w in self.template_index if w)
        unanchored = self.template_index.get("")
        self._unanchored = (_compiled("|".join(f"(?:{p})" for p, _, _ in unanchored)) if unanchored else None)
        # When every such template holds a literal character beyond ASCII, an ASCII line skips them.
        self._unanchored_need_non_ascii = bool(unanchored) and all(
            not _literal_text(p).isascii() for p, _, _ in unanchored)
        # Longest first within a bucket, so "read more" wins over "read".
        for entries in self.prefixes.values():
            entries.sort(key=lambda e: len(e[0]), reverse=True)
        inline_alternatives.sort(key=len, reverse=True)
        self.inline = (
            re.compile(r"(?<!\w)(?:" + "|".join(inline_alternatives) + r")(?!\w)", re.IGNORECASE)
            if inline_alternatives else None
        )

    def __getstate__(self):
        state = dict(self.__dict__)
        del state["_template_rank"]  # keyed by id(): made again for the loaded entries
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._template_rank = _ranks(self.templates)

    def find(self, ctx: Context):
        for line in ctx.document.judged_lines:
            folded = squash(line.text).casefold()
            key = folded.strip(EDGE_PUNCT)  # line_key(line.text)
            if not key:
                continue
            owner = self.exact.get(key)
            if owner is None and self.template_any and self._may_fit_template(key):
                owner = self._template_owner(key)
            refused = False
            if owner is None and self.prefixes:
                owner = self._prefix_owner(folded.lstrip(EDGE_PUNCT), line.text)
                # A sentence of a long line that opens with the phrase and goes on as prose
                # ("More: It did not say ...") is found, not deleted.
                refused = owner is not None and line.part != "line" and is_prose(line.text)
            if owner is not None:
                rule, lang = owner
                if ctx.span_allowed(rule.where, line):  # a sentence of a long line only for rules placed any or tail
                    yield Hit.segment(rule, line, {"lang": lang}, prose=refused)
        if self.inline is not None:
            text = ctx.document.text
            for m in self.inline.finditer(text):
                owner = self.inline_owner.get(squash(m.group(0)).casefold())
                if owner is None:
                    continue
                rule, lang = owner
                line_no = ctx.document.line_col(m.start())[0] - 1
                if ctx.line_allowed(rule.where, line_no):
                    yield Hit(rule, m.start(), m.end(), {"lang": lang})

    def _may_fit_template(self, key: str) -> bool:
        if len(key) <= self._template_longest:
            return True
        longest = self._numbered_longest
        if longest is None:
            return False
        if key.isascii():  # the figures, points and commas counted in C
            numbers = len(key) - len(key.encode("ascii").translate(None, b"0123456789.,"))
        else:
            numbers = len(_NUMBER_CHARS.findall(key))
        return len(key) <= longest + numbers

    def _template_owner(self, key: str):
        candidates = []
        # Templates without a whole literal word (Chinese, Japanese) are tried through one combined
        # expression first, so most lines cost one match, not dozens.
        if (self._unanchored is not None and not (self._unanchored_need_non_ascii and key.isascii())
                and self._unanchored.match(key)):
            candidates += self.template_index[""]
        for word in self._anchor_words.intersection(key.split(" ")):
            candidates += self.template_index[word]
        if not candidates:
            return None
        rank = self._template_rank
        candidates.sort(key=lambda entry: rank[id(entry)])  # the first rule to claim a line keeps it
        for pattern, rule, lang in candidates:
            if _compiled(pattern).match(key):
                return rule, lang
        return None

    def _prefix_owner(self, folded: str, original: str):
        """The phrase the line starts with, followed by a non-word character or the end (and by
        what the rule's ``follow`` asks for, if it asks)."""
        if not folded:
            return None
        space = folded.find(" ")
        by_word = self.prefixes.get(folded if space < 0 else folded[:space])  # the first word
        by_char = self.prefixes.get("\0" + folded[0])
        anywhere = self.prefixes.get("")
        if by_word is None and by_char is None and anywhere is None:
            return None  # most lines: no phrase starts with their first word
        candidates = (by_word or []) + (by_char or []) + (anywhere or [])
        for key, is_template, rule, lang in candidates:
            if is_template:
                m = _compiled(template_regex(key) + r"(?!\w)").match(folded)
                if not m:
                    continue
                end = m.end()
            else:
                end = len(key)
                if not folded.startswith(key) or (end < len(folded) and (folded[end].isalnum() or folded[end] == "_")):
                    continue
            if len(folded[end:].split()) > self.max_words[rule.code]:
                continue
            follow = self.follow.get(rule.code)
            # A template says itself what follows it (the colon of "Read more: {*}").
            if follow is not None and not is_template and not _follows(follow, original, end):
                continue
            return rule, lang
        return None


def _follows(pattern: str, original: str, end: int) -> bool:
    """Whether the line's text after the phrase matches ``pattern`` at its start. ``end`` is where
    the phrase ends in the case-folded line; the rest is taken from the line as written, since
    case is part of what the pattern may test (a headline starts with a capital)."""
    from auditor.detectors.patterns import compile_re2

    text = squash(original).lstrip(EDGE_PUNCT)
    folded_length = 0
    for index, char in enumerate(text):  # case folding may lengthen a character (ß -> ss)
        if folded_length >= end:
            rest = text[index:]
            break
        folded_length += len(char.casefold())
    else:
        rest = ""
    return compile_re2(pattern).match(rest) is not None


def build(rules) -> PhraseMatcher:
    """The matcher of these rules. For the bundled packs it is read from the user's cache folder
    when an earlier run built it (indexing ~10,000 phrases costs more than auditing a short
    article), keyed by the rules' codes and specs; a user's own packs are never written there."""
    rules = list(rules)
    if not rules or not all_bundled(rules):
        return PhraseMatcher(rules)
    import pickle

    from auditor.core.cache import cached

    content = pickle.dumps([(rule.code, rule.spec) for rule in rules], protocol=pickle.HIGHEST_PROTOCOL)
    return cached("phrases", [], lambda: PhraseMatcher(rules), content=content, shared=rules)

