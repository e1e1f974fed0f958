"""kind: detector — rules written in Python, registered under the rule's code.

The YAML entry names the function as ``detector: module.function`` (a module of this package);
the module is imported only when a ruleset that uses it is compiled. A detector is a generator
``fn(ctx, rule) -> Iterable[Hit]``.

A module whose detectors need resources built from their options (word sets, settings) defines
``prepare(rule) -> resources``: it is called once per rule when the ruleset is compiled (and when
the rule is validated, so that bad options are refused with the rule's file and line), and each
of the module's detectors is then called as ``fn(ctx, rule, resources)``.
"""
from __future__ import annotations

import importlib

from auditor.detectors import Context, Hit


def _module_of(fn):
    return importlib.import_module(fn.__module__)


def resolve(name: str):
    module_name, _, func = str(name).rpartition(".")
    if not module_name or not func:
        raise ValueError(f"detector must be written module.function, got {name!r}")
    try:
        module = importlib.import_module(f"auditor.detectors.{module_name}")
    except ImportError as exc:
        raise ValueError(f"detector module {module_name!r} cannot be imported: {exc}") from None
    fn = getattr(module, func, None)
    if not callable(fn):
        raise ValueError(f"detector {name!r} not found")
    return fn


def prepared(rule):
    """The rule's detector function with its arguments after ``ctx``: (fn, (rule,) or (rule, resources))."""
    fn = resolve(rule.spec.get("detector", ""))
    prepare = getattr(_module_of(fn), "prepare", None)
    if prepare is None:
        return fn, (rule,)
    return fn, (rule, prepare(rule))


def validate(rule) -> str | None:
    try:
        prepared(rule)
    except ValueError as exc:
        return str(exc)
    if rule.spec.get("scope", "span") not in ("span", "document"):
        return "scope must be span or document"
    reads = rule.spec.get("reads", [])
    if not isinstance(reads, list):
        return "reads must be a list of stage names"
    from auditor.detectors.stages import order

    try:
        order(reads)
    except ValueError as exc:
        return f"reads: {exc}"
    return None


class DetectorMatcher:
    def __init__(self, rules):
        from auditor.detectors.stages import order

        self.rules = [prepared(rule) for rule in rules]
        # The stages these detectors read, each after what it reads: computed before any detector.
        self.stages = order(name for rule in rules for name in rule.spec.get("reads", []))

    def find(self, ctx: Context):
        for name in self.stages:
            ctx.need(name)
        for fn, args in self.rules:
            yield from fn(ctx, *args)

    def find_many(self, contexts: list[Context]) -> list[list[Hit]]:
        """``find`` of each context, run rule by rule across them: a rule's code and tables serve
        every document before the next rule's are read. Each context's hits come in ``find``'s
        order, and each rule sees a document's stages and memo as ``find`` leaves them."""
        for name in self.stages:
            for ctx in contexts:
                ctx.need(name)
        found: list[list[Hit]] = [[] for _ in contexts]
        for fn, args in self.rules:
            for hits, ctx in zip(found, contexts):
                hits += fn(ctx, *args)
        return found


def build(rules) -> DetectorMatcher:
    return DetectorMatcher(rules)
