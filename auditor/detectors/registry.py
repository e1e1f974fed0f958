"""kind: detector — rules written in Python, registered under the rule's code.

The YAML entry names the function as ``detector: module.function`` (a module of this package);
the module is imported only when a ruleset that uses it is compiled. A detector is a generator
``fn(ctx, rule) -> Iterable[Hit]``.
"""
from __future__ import annotations

import importlib

from . import Context


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


def validate(rule) -> str | None:
    try:
        resolve(rule.spec.get("detector", ""))
    except ValueError as exc:
        return str(exc)
    if rule.spec.get("scope", "span") not in ("span", "document"):
        return "scope must be span or document"
    reads = rule.spec.get("reads", [])
    if not isinstance(reads, list):
        return "reads must be a list of stage names"
    from .stages import order

    try:
        order(reads)
    except ValueError as exc:
        return f"reads: {exc}"
    return None


class DetectorMatcher:
    def __init__(self, rules):
        from .stages import order

        self.rules = [(rule, resolve(rule.spec["detector"])) for rule in rules]
        # The stages these detectors read, each after what it reads: computed before any detector.
        self.stages = order(name for rule in rules for name in rule.spec.get("reads", []))

    def find(self, ctx: Context):
        for name in self.stages:
            ctx.need(name)
        for rule, fn in self.rules:
            yield from fn(ctx, rule)


def build(rules) -> DetectorMatcher:
    return DetectorMatcher(rules)
