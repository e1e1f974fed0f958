"""Stages: what detectors read of a document besides its text, each computed once per document.

A detector rule declares the stages it reads (``reads: [chrome_spans]`` in its YAML entry) and
asks for them with ``ctx.need(name)``; a stage declares the stages it reads in turn. The engine
computes the declared stages in dependency order before the detectors run, so no detector's
result depends on which other rules are selected or on the order they run in:

- ``language``: the document's language (ISO 639-1, or ``und``);
- ``data_hits``: the hits of every loaded data rule (phrases, patterns, lines), selected or not,
  after their refine functions, each delete narrowed to what its evidence covers (auditor.narrowing);
- ``chrome_spans``: the sorted spans that data rules would delete (safely) as web chrome;
- ``name_runs``, ``name_rarity``, ``rare_names``, ``person_findings``: name candidates, how common
  in English they are (looked up together), the rare ones, and the near misses of listed people
  that the other name rules leave to EN101;
- ``mt``: the probability that the article text is machine-translated English, with the model's
  name, or null with a reason (machine_translation.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
import importlib
from typing import Callable

from auditor.core.findings import Category


@dataclass(frozen=True)
class Stage:
    name: str
    reads: tuple[str, ...]
    # A function, or "module.function" of a detector module: a stage that detectors compute is
    # found by name, as detectors are (registry.py), so this module imports none of them.
    compute: Callable | str
    doc: str
    # The stage of many documents at once, when that is faster than one after the other (each
    # value the one ``compute`` gives): ``audit_batch`` uses it. A function or "module.function".
    compute_many: Callable | str | None = None

    def run_many(self, contexts: list) -> list:
        fn = self.compute_many
        if isinstance(fn, str):
            fn = _detector_function(fn)
        return fn(contexts)

    def run(self, ctx):
        fn = self.compute
        if isinstance(fn, str):
            fn = _detector_function(fn)
        return fn(ctx)


@lru_cache(maxsize=None)
def _detector_function(path: str) -> Callable:
    """The function ``module.function`` of a detector module, found once per process."""
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(f"auditor.detectors.{module}"), name)


def _language(ctx) -> str:
    from auditor.resources.language import guess_language

    return guess_language(ctx.document.text)


def _raw_data_hits(ctx) -> list:
    hits = []
    for matcher in ctx.ruleset.data_matchers if ctx.ruleset is not None else ():
        hits.extend(matcher.find(ctx))
    return hits


def _raw_data_hits_many(contexts) -> list[list]:
    """``_raw_data_hits`` of each context, each data matcher run over every document before the
    next matcher (its index and automata stay in the processor's caches): the same hits, in the
    same order."""
    ruleset = contexts[0].ruleset
    if ruleset is None or any(ctx.ruleset is not ruleset for ctx in contexts):
        return [_raw_data_hits(ctx) for ctx in contexts]
    found: list[list] = [[] for _ in contexts]
    for matcher in ruleset.data_matchers:
        for hits, ctx in zip(found, contexts):
            hits.extend(matcher.find(ctx))
    return found


def _raw_chrome(ctx) -> list[tuple[int, int]]:
    return sorted({(h.start, h.end) for h in ctx.need("raw_data_hits") if _deletes_chrome(h)})


def _data_hits(ctx) -> list:
    from auditor.core.narrowing import narrow_hit

    out = []
    text = ctx.document.text
    for hit in ctx.need("raw_data_hits"):
        refine = hit.refine
        if refine is not None:
            hit = refine(ctx, hit)
        if hit is not None:
            out.extend(narrow_hit(text, hit))  # a delete takes only what its evidence covers
    return out


def _chrome_spans(ctx) -> list[tuple[int, int]]:
    return sorted({(h.start, h.end) for h in ctx.need("data_hits") if _deletes_chrome(h)})


def _deletes_chrome(hit) -> bool:
    fix = hit.rule.fix
    # A rule whose delete is unsafe (a tweet's signature) does not delete by default: not chrome.
    return (fix is not None and fix.action == "delete" and fix.safety == "safe" and not hit.no_fix
            and not hit.prose and hit.rule.category == Category.BOILERPLATE)


def _name_runs(ctx):
    from auditor.resources.name_text import capitalized_runs

    return capitalized_runs(ctx.document.text)


def _name_rarity(ctx):
    from auditor.resources.name_text import word_rarity

    return word_rarity(ctx.need("name_runs"))


def _name_rarity_many(contexts) -> list[dict[str, float]]:
    from auditor.resources.name_text import word_rarity_many

    return word_rarity_many([ctx.need("name_runs") for ctx in contexts])


def _rare_names(ctx):
    from auditor.resources.name_text import rare_names

    return rare_names(ctx.need("name_runs"), ctx.need("name_rarity"))


STAGES: dict[str, Stage] = {s.name: s for s in (
    Stage("language", (), _language, "the document's language"),
    Stage("raw_data_hits", (), _raw_data_hits, "hits of every loaded data rule, before refinement",
          _raw_data_hits_many),
    Stage("raw_chrome_spans", ("raw_data_hits",), _raw_chrome,
          "spans data rules would delete as chrome, before refinement (what refine functions read)"),
    Stage("data_hits", ("raw_data_hits", "raw_chrome_spans"), _data_hits,
          "hits of every loaded data rule, refined"),
    Stage("chrome_spans", ("data_hits",), _chrome_spans, "spans data rules delete as web chrome"),
    Stage("name_runs", (), _name_runs, "runs of capitalized tokens (name candidates)"),
    Stage("name_rarity", ("name_runs",), _name_rarity,
          "how common in English each capitalized word of four letters or more is (Zipf), by word",
          _name_rarity_many),
    Stage("rare_names", ("name_runs", "name_rarity"), _rare_names,
          "capitalized single words rare in English, each with its run and place in it"),
    Stage("person_findings", ("name_runs", "name_rarity", "rare_names"), "entities.find_people",
          "near misses of listed people (token, replacement, canonical name): other name rules skip them"),
    Stage("mt", ("language", "chrome_spans"), "machine_translation.assess",
          "probability that the article text is machine-translated English (or null, with the reason)",
          "machine_translation.assess_many"),
)}


def compute(name: str, ctx):
    try:
        stage = STAGES[name]
    except KeyError:
        raise KeyError(f"unknown stage {name!r}; known: {', '.join(sorted(STAGES))}") from None
    return stage.run(ctx)


def order(names) -> list[str]:
    """The stages ``names`` read, with everything they read, each after what it reads."""
    out: list[str] = []
    visiting: set[str] = set()

    def visit(name: str):
        if name in out:
            return
        if name in visiting:
            raise ValueError(f"stage {name!r} reads itself")
        if name not in STAGES:
            raise ValueError(f"unknown stage {name!r}; known: {', '.join(sorted(STAGES))}")
        visiting.add(name)
        for dep in STAGES[name].reads:
            visit(dep)
        visiting.discard(name)
        out.append(name)

    for name in names:
        visit(name)
    return out
