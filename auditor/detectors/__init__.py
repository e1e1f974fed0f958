"""Rule kinds: how a rule of each kind finds its matches.

Each kind module offers ``validate(rule) -> str | None`` (a problem, or None) and
``build(rules) -> Matcher``; a matcher's ``find(ctx)`` yields ``Hit``s. Rules of one kind are
compiled together, so a pack of thousands of phrases costs one lookup per line, not one per phrase.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Iterator

# Imported here, not where a stage is first asked for: an import statement inside need() costs
# about a microsecond on each of the ten stages computed per document.
from auditor.detectors.stages import compute as _compute_stage

if TYPE_CHECKING:
    from auditor.resources.corpus import CorpusStats
    from auditor.core.document import Document, Span
    from auditor.engine.ruleset import Rule

_IN_PROGRESS = object()
HEAD_LINES = 6
TAIL_LINES = 6
# A text without line breaks ends in one long line: its last this many sentences (counting the
# lines after it) are its tail, judged as the last lines of a text written with breaks are.
TAIL_SENTENCES = 16


@dataclass(slots=True)
class Hit:
    rule: "Rule"
    start: int
    end: int
    values: dict = field(default_factory=dict)  # fills the message: {lang}, {replacement} ...
    confidence: float | None = None
    fix_replacement: str | None = None
    severity: str | None = None  # a detector may lower or raise the rule's severity per hit
    no_fix: bool = False  # this hit has no fix, though the rule's other hits may
    unsafe: bool = False  # this hit's fix is unsafe, though the rule's fix is safe elsewhere
    # The detector judged this span as a whole (its shape and place, as the line model does), not
    # by a phrase inside it: the engine does not narrow its delete to the chrome at its edges.
    whole: bool = False
    # The span holds article prose that the evidence does not cover: its delete was refused (the
    # fix is unsafe) and it is not chrome to the detectors that read chrome spans.
    prose: bool = False
    cost: float | None = None  # a document-level hit's points in the score
    refine: object = None  # a pattern rule's refine function, applied once all data rules have matched

    @classmethod
    def segment(cls, rule, segment, values: dict | None = None, prose: bool = False) -> "Hit":
        """A line-wide rule's hit on a line or a sentence of a long line; ``prose``: the sentence
        goes on as article prose past the evidence, so it is found (info), not deleted."""
        return cls(rule, segment.start, segment.end, values or {}, unsafe=prose, prose=prose,
                   severity="info" if prose else None)


class Context:
    """What rules see of one document: its text, segments, the corpus (if any), the run's options,
    and the results of the stages (``need``)."""

    def __init__(self, document: "Document", corpus: "CorpusStats | None" = None, options: dict | None = None,
                 ruleset=None):
        self.document = document
        self.corpus = corpus
        self.options = options or {}
        self.ruleset = ruleset
        self.cache: dict = {}  # a detector's own per-document memo (never read by another detector)
        self._stages: dict = {}

    def need(self, name: str):
        """The result of stage ``name`` for this document, computed once (stages.py)."""
        stages = self._stages
        if name not in stages:
            stages[name] = _IN_PROGRESS
            stages[name] = _compute_stage(name, self)
        value = stages[name]
        if value is _IN_PROGRESS:
            raise RuntimeError(f"stage {name!r} reads itself")
        return value

    def has(self, name: str) -> bool:
        """Whether stage ``name`` was computed already (it is never computed by asking)."""
        return name in self._stages and self._stages[name] is not _IN_PROGRESS

    @cached_property
    def allowed_lines(self) -> dict[str, set[int]]:
        content = self.document.content_lines
        idx = [line.index for line in content]
        return {
            "title": set(idx[:1]),
            "head": set(idx[:HEAD_LINES]),
            "tail": set(idx[-TAIL_LINES:]),
        }

    def lines_for(self, where: str) -> list["Span"]:
        content = self.document.content_lines
        if where == "any":
            return content
        allowed = self.allowed_lines[where]
        return [line for line in content if line.index in allowed]

    def line_allowed(self, where: str, index: int) -> bool:
        return where == "any" or index in self.allowed_lines[where]

    @cached_property
    def tail_sentences(self) -> frozenset[int]:
        """Where the sentences of long lines that are among the text's last units start."""
        if not self.document.split_lines:
            return frozenset()
        from auditor.core.narrowing import is_prose

        # A page's footer (menus, link lists, notices without a full sentence) after the
        # article's end does not count: the tail holds the last sentences of prose and all after them.
        units = self.document.judged_lines  # lines, a long line's sentences in its place
        prose, first = 0, len(units)
        while first > 0 and prose < TAIL_SENTENCES:
            first -= 1
            prose += is_prose(units[first].text)
        return frozenset(u.start for u in units[first:] if u.part == "sentence")

    def span_allowed(self, where: str, span: "Span") -> bool:
        """Whether a rule placed ``where`` may judge ``span``: a line by its place among the lines,
        a sentence of a long line in the tail by its place among the text's last sentences."""
        if where == "any":
            return True
        if span.part == "line":
            return span.index in self.allowed_lines[where]
        return where == "tail" and span.start in self.tail_sentences


_KIND_MODULES = {"phrases": "phrases", "patterns": "patterns", "lines": "lines", "detector": "registry"}


def _module(kind: str):
    return importlib.import_module(f".{_KIND_MODULES[kind]}", __name__)


def validate_rule(rule: "Rule") -> str | None:
    return _module(rule.kind).validate(rule)


def build_matchers(rules: list["Rule"]) -> list:
    by_kind: dict[str, list] = {}
    for rule in rules:
        by_kind.setdefault(rule.kind, []).append(rule)
    ordered = sorted(by_kind.items(), key=lambda kv: kv[0] == "detector")
    return [_module(kind).build(group) for kind, group in ordered]


def run_matchers(matchers: list, ctx: Context) -> Iterator[Hit]:
    for matcher in matchers:
        yield from matcher.find(ctx)


def need_many(name: str, contexts: list[Context]) -> None:
    """``ctx.need(name)`` for each context. A stage that is faster over many documents at once
    (``Stage.compute_many``) is computed so, after what it reads."""
    from auditor.detectors.stages import STAGES

    todo = [ctx for ctx in contexts if name not in ctx._stages]
    stage = STAGES.get(name)
    if stage is None or stage.compute_many is None or len(todo) < 2:
        for ctx in todo:
            ctx.need(name)
        return
    for dep in stage.reads:
        need_many(dep, todo)
    for ctx in todo:
        ctx._stages[name] = _IN_PROGRESS
    for ctx, value in zip(todo, stage.run_many(todo)):
        ctx._stages[name] = value


def find_many(matcher, contexts: list[Context]) -> list[list[Hit]]:
    """``list(matcher.find(ctx))`` for each context, by the matcher's ``find_many`` when it has one
    (rule by rule across the documents, the same hits in the same order)."""
    if hasattr(matcher, "find_many"):
        return matcher.find_many(contexts)
    return [list(matcher.find(ctx)) for ctx in contexts]
