"""List article sentences that come close to a chrome rule, and say which of them a safe fix deletes.

    python scripts/mine_near_misses.py [--shared PATH] [--codes BP602 BP203 ...] [--sources bbc aeb]
                                       [--show N] [--hits-only] [--limit N]

For each pattern rule (and each phrase rule named with --codes), the script takes the rule's
trigger words (the literal words of its patterns or the opening words of its phrases) and lists
the development sentences that contain one: the near misses a rule must leave alone. Each article
is audited twice, one sentence a line and as one paragraph, and a sentence is marked DELETED when a
safe delete fix of that rule covers any part of it (the part is shown in [[ ]]).

Sources (read in place, never copied): `bbc` is the text of bbc-dev.jsonl (edited BBC copy),
`aeb` the gold bodies of aeb-dev.jsonl, `mt` the English originals and human translations of
mt-dev.jsonl.gz. Use the listing to write `no_match` examples in your own words and to find
patterns that delete article text; the sentences themselves stay in ../shared.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor import Document, audit  # noqa: E402
from auditor.engine.ruleset import Ruleset, load_rules  # noqa: E402

# Regex syntax that is not literal text: Unicode classes, escapes, character classes, group
# openers, repetition counts.
_NOT_LITERAL = re.compile(
    r"\\[pP]\{[^}]*\}|\\[pP]\w|\\.|\[(?:\\.|[^\]\\])*\]|\(\?P?<\w+>|\(\?[a-zA-Z]*[:)]|\{\d*,?\d*\}")
_LETTERS = re.compile(r"[^\W\d_]{3,}")
# Scripts written without spaces: a trigger word there is found without word boundaries.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_PLACEHOLDER = re.compile(r"\{(?:\*|n)\}")
NEAR_KEPT = 5000  # near misses kept per rule to sample from


def trigger_words(rule) -> list[str]:
    """The literal words a rule's patterns or phrases are built on, case-folded.

    A pattern rule gives every run of three or more letters outside regex syntax ("published",
    "updated", "cookies"); a phrase rule gives the first word of each phrase. A rule with no
    such word (a shape such as a separator or a hashtag) gives none."""
    words: set[str] = set()
    if rule.kind == "patterns":
        for pattern in rule.spec["patterns"]:
            for word in _LETTERS.findall(_NOT_LITERAL.sub(" ", pattern)):
                words.add(word.casefold())
    elif rule.kind == "phrases":
        for phrases in rule.spec["phrases"].values():
            for phrase in phrases:
                first = _PLACEHOLDER.sub(" ", phrase).split()
                if first:
                    words.add(first[0].strip(":.,;!?\"'“”«»()").casefold())
    kept = sorted(w for w in words if w and not _function_word(w))
    if kept or rule.kind != "patterns":
        return kept
    return sorted({symbol for pattern in rule.spec["patterns"] for symbol in _literal_symbols(pattern)})


_REGEX_SYNTAX = set("^$()[]{}|*+?.\\")


def _literal_symbols(pattern: str) -> set[str]:
    """The punctuation a pattern matches literally (escaped or not regex syntax): the trigger of
    a rule that is a shape rather than words (a separator, a hashtag, a quotation mark)."""
    symbols = set(re.findall(r"\\([^\w\s])", pattern))
    bare = re.sub(r"\\.|\[(?:\\.|[^\]\\])*\]|\{\d*,?\d*\}|\(\?P?<\w+>|\(\?[a-zA-Z]*[:)]", " ", pattern)
    symbols |= {c for c in bare if not c.isalnum() and not c.isspace() and c not in _REGEX_SYNTAX}
    return symbols


# Words this common in the languages of the rule packs are the glue of a pattern ("and", "the",
# "von" between names), not what makes a line chrome: as triggers they would list every sentence.
_COMMON_ZIPF = 6.0
_PACK_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "tr", "ru", "pl")


def _function_word(word: str) -> bool:
    from wordfreq import zipf_frequency

    return max(zipf_frequency(word, lang) for lang in _PACK_LANGUAGES) >= _COMMON_ZIPF


def trigger_regex(rule) -> re.Pattern | None:
    """One expression that finds any trigger word of the rule (on word boundaries where the
    script has spaces); None for a rule without trigger words."""
    words = trigger_words(rule)
    if not words:
        return None
    parts = [re.escape(w) if _UNSPACED.search(w) or not w[0].isalnum() else r"(?<!\w)" + re.escape(w) + r"(?!\w)"
             for w in sorted(words, key=len, reverse=True)]
    return re.compile("|".join(parts), re.IGNORECASE)


def shared_dir(root: Path = ROOT) -> Path:
    return Path(os.environ.get("AUDITOR_SHARED", root.parent / "shared"))


def articles(shared: Path, sources: list[str]):
    """(source, id, text) for each article of the chosen development sources that is present."""
    eval_dir = shared / "eval"
    if "bbc" in sources and (eval_dir / "bbc-dev.jsonl").is_file():
        with open(eval_dir / "bbc-dev.jsonl", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                yield "bbc", row["id"], row["text"]
    if "aeb" in sources and (eval_dir / "aeb-dev.jsonl").is_file():
        with open(eval_dir / "aeb-dev.jsonl", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row.get("gold"):
                    yield "aeb", row["id"], row["gold"]
    if "mt" in sources and (eval_dir / "mt-dev.jsonl.gz").is_file():
        with gzip.open(eval_dir / "mt-dev.jsonl.gz", "rt", encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row.get("origin") in ("native", "human"):
                    yield "mt", row["id"], row["text"]


def sentences_of(text: str) -> list[str]:
    """The article's sentences, each on one line of white space."""
    return [" ".join(s.text.split()) for s in Document(text).sentences if s.text.strip()]


@dataclass
class Deletion:
    code: str
    sentence: str
    deleted: str
    layout: str  # "lines" (a sentence a line) or "paragraph" (all on one line)
    source: str
    article: str


def layouts(sentences: list[str]) -> dict[str, tuple[str, list[tuple[int, int]]]]:
    """The article one sentence a line and as one paragraph, with each sentence's span."""
    out = {}
    for layout, joiner in (("lines", "\n"), ("paragraph", " ")):
        spans, pos = [], 0
        for s in sentences:
            spans.append((pos, pos + len(s)))
            pos += len(s) + len(joiner)
        out[layout] = (joiner.join(sentences), spans)
    return out


def safe_deletions(ruleset: Ruleset, source: str, article: str, sentences: list[str]) -> list[Deletion]:
    """Every (rule, sentence) where a safe delete fix covers part of the sentence, in both layouts."""
    found = []
    options = {"grammar": False}
    for layout, (text, spans) in layouts(sentences).items():
        report = audit(Document(text, id=article), ruleset, None, options=options)
        for f in report.findings:
            if not f.fix or f.fix.action != "delete" or f.fix.safety != "safe" or f.start >= f.end:
                continue
            for (a, b), sentence in zip(spans, sentences):
                if f.start < b and f.end > a:
                    lo, hi = max(a, f.start) - a, min(b, f.end) - a
                    found.append(Deletion(f.code, sentence, sentence[lo:hi], layout, source, article))
    return found


def mined_rules(codes: list[str]):
    rules = [r for r in load_rules() if r.kind in ("patterns", "phrases")]
    if codes:
        return [r for r in rules if any(r.code.startswith(c) for c in codes)]
    return [r for r in rules if r.kind == "patterns"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--codes", nargs="*", default=[], help="rule codes or prefixes (default: every pattern rule)")
    parser.add_argument("--sources", nargs="*", default=["bbc", "aeb"], choices=["bbc", "aeb", "mt"])
    parser.add_argument("--show", type=int, default=8, help="near misses to print per rule")
    parser.add_argument("--hits-only", action="store_true", help="print only the sentences a fix deletes")
    parser.add_argument("--limit", type=int, default=0, help="at most this many articles per source (0: all)")
    args = parser.parse_args(argv)

    if not (args.shared / "eval").is_dir():
        print(f"no development data at {args.shared / 'eval'}", file=sys.stderr)
        return 2
    rules = mined_rules(args.codes)
    # Every pattern and phrase rule runs, so each phrase stays with the rule that claims it.
    ruleset = Ruleset([r for r in load_rules() if r.kind in ("patterns", "phrases")])
    wanted = {r.code for r in rules}
    triggers = {r.code: trigger_regex(r) for r in rules}
    near: dict[str, list[str]] = {code: [] for code in wanted}
    counts: dict[str, int] = {code: 0 for code in wanted}
    deleted: dict[str, list[Deletion]] = {code: [] for code in wanted}
    taken: dict[str, int] = {}
    for source, article, text in articles(args.shared, args.sources):
        taken[source] = taken.get(source, 0) + 1
        if args.limit and taken[source] > args.limit:
            continue
        sentences = sentences_of(text)
        for code, regex in triggers.items():
            for s in sentences:
                if regex is not None and regex.search(s):
                    counts[code] += 1
                    if len(near[code]) < NEAR_KEPT:
                        near[code].append(s)
        for d in safe_deletions(ruleset, source, article, sentences):
            if d.code in wanted:
                deleted[d.code].append(d)
    for rule in rules:
        words = trigger_words(rule)
        hits = deleted[rule.code]
        print(f"== {rule.code} {rule.name} ({rule.kind}): {counts[rule.code]} sentences with a trigger word; "
              f"{len(hits)} deletions")
        print(f"   triggers: {', '.join(words[:25])}{' ...' if len(words) > 25 else ''}")
        for d in hits:
            marked = d.sentence.replace(d.deleted, f"[[{d.deleted}]]", 1)
            print(f"   DELETED [{d.layout}, {d.source} {d.article}] {marked[:300]}")
        if not args.hits_only:
            # A fixed-seed sample, so the listing spreads over the sources and repeats run to run.
            # Sentences that open with a trigger word come first: they have the shape of the chrome.
            pool = near[rule.code]
            regex = triggers[rule.code]
            opening = [s for s in pool if regex.search(" ".join(s.split()[:2]))]
            rest = [s for s in pool if s not in opening]
            rng = random.Random(0)
            sample = rng.sample(opening, min(args.show, len(opening)))
            sample += rng.sample(rest, min(args.show - len(sample), len(rest)))
            for s in sample:
                print(f"   near    {s[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
