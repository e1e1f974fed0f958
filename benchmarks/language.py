"""Language identification and the language rules, measured on the evaluation data beside the project.

    python benchmarks/language.py [--shared ../shared] [--only segments,documents,bbc,inserted,speed]

Prints (docs/language.md quotes these figures):

- segments: accuracy of each backend on short segments cut from semeval-train.csv (scraped news in
  10 languages), by length, and on the WordPress UI strings of lexicon/wordpress-ui.tsv;
- documents: accuracy of ``guess_language`` and of each backend on whole semeval texts;
- bbc: false alarms on bbc-dev.jsonl (1,124 clean English articles): the share of articles with a
  language warning or error, with any warning or error, and how many lines reach the model;
- inserted: recall on foreign segments (from semeval) inserted as a line into bbc-dev articles;
- speed: documents per second over bbc-dev with the full rule set and without the LG rules.

The data is read in place and never copied; nothing is written.
"""
from __future__ import annotations

import argparse
import csv
import html
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.resources import language as L  # noqa: E402

CORE = ("en", "tr", "de", "es", "fr", "it", "pt", "pl", "ru", "ro", "nl", "ar", "zh")
BUCKETS = ((1, 1), (2, 3), (4, 6), (7, 12))
PER_CELL = 300  # segments per language and bucket (semeval)
_SENTENCE = re.compile(r"(?<=[.!?。！？])\s+|\n+|(?<=[。！？])")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def bucket_of(n: int) -> str | None:
    for lo, hi in BUCKETS:
        if lo <= n <= hi:
            return f"{lo}-{hi}" if lo != hi else str(lo)
    return None


# ------------------------------------------------------------------------------------ data


def semeval_texts(shared: Path) -> list[tuple[str, str]]:
    csv.field_size_limit(10 ** 8)
    seen, out = set(), []
    with open(shared / "eval" / "semeval-train.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for lang, text in ((row["lang1"], row["text1"]), (row["lang2"], row["text2"])):
                text = (text or "").strip()
                if text and text not in seen:
                    seen.add(text)
                    out.append((lang, text))
    return out


def _words(lang: str, sentence: str) -> list[str]:
    if lang == "zh":  # no spaces: two Han characters count as one word
        chars = [c for c in sentence if not c.isspace()]
        return ["".join(chars[i:i + 2]) for i in range(0, len(chars), 2)]
    return sentence.split()


def semeval_segments(texts, rng: random.Random) -> list[tuple[str, str, str]]:
    """(lang, bucket, segment): the first n words of a sentence, n drawn within each bucket."""
    cells: dict[tuple[str, str], list[str]] = defaultdict(list)
    for lang, text in texts:
        for sentence in _SENTENCE.split(text):
            words = _words(lang, sentence.strip())
            if len(words) < 2:
                continue
            for lo, hi in BUCKETS[1:]:
                if len(words) < lo:
                    continue
                n = rng.randint(lo, min(hi, len(words)))
                seg = ("" if lang == "zh" else " ").join(words[:n])
                if sum(c.isalpha() for c in seg) >= 2:
                    cells[(lang, bucket_of(n))].append(seg)
    out = []
    for (lang, bucket), segs in sorted(cells.items()):
        rng.shuffle(segs)
        out += [(lang, bucket, s) for s in segs[:PER_CELL]]
    return out


_PLACEHOLDER = re.compile(r"%(\d+\$)?[sdif]|<[^>]+>|&[a-z]+;|\\n|\{[^}]*\}")


def wordpress_segments(shared: Path) -> list[tuple[str, str, str]]:
    out, seen = [], set()
    with open(shared / "lexicon" / "wordpress-ui.tsv", encoding="utf-8") as handle:
        next(handle)
        for row in handle:
            parts = row.rstrip("\n").split("\t")
            if len(parts) < 4 or "vizblog" in parts[3]:  # a known mojibake source
                continue
            locale, text = parts[0], html.unescape(_PLACEHOLDER.sub(" ", parts[2]))
            text = " ".join(text.split())
            lang = L.normalize_code(locale.split("_")[0])
            if sum(c.isalpha() for c in text) < 2 or (lang, text) in seen:
                continue
            seen.add((lang, text))
            n = len(_words(lang, text))
            bucket = "1" if n <= 1 else "2-3" if n <= 3 else "4+"
            out.append((lang, bucket, text))
    return out


def bbc_articles(shared: Path) -> list[dict]:
    with open(shared / "eval" / "bbc-dev.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


# ------------------------------------------------------------------------------ predictors


def words_predict(text: str) -> tuple[str, float]:
    """The gate alone: script, then the language with the largest common-word share."""
    script, share, letters = L.dominant_script(text)
    if script != "latin":
        return L.SCRIPT_DEFAULT.get(script, "und"), share
    words = [w.casefold() for w in L.tokens(text)]
    counts = L.common_word_counts(words)
    if not counts:
        return "und", 0.0
    lang, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return lang, n / len(words)


def model_predict(backend: str):
    model = L.get_backend(backend)
    if model is None or model.name != backend:
        return None

    def predict(text: str) -> tuple[str, float]:
        guesses = sorted(model.identify(text, 1), key=lambda g: -g.prob)
        return (guesses[0].lang, guesses[0].prob) if guesses else ("und", 0.0)

    return predict


def predictors() -> dict:
    out = {"words": words_predict}
    for name in L.BACKENDS:
        t = time.perf_counter()
        p = model_predict(name)
        if p is not None:
            out[name] = p
            print(f"  {name}: loaded in {1000 * (time.perf_counter() - t):.0f} ms")
        else:
            print(f"  {name}: not installed")
    return out


def accuracy_table(title: str, segments, preds: dict, langs=None, confident=0.9) -> None:
    langs = set(langs or {lang for lang, _, _ in segments})
    rows = [s for s in segments if s[0] in langs]
    buckets = sorted({b for _, b, _ in rows}, key=lambda b: int(b.split("-")[0].rstrip("+")))
    print(f"\n{title}: {len(rows)} segments, {len(langs)} languages")
    print("  accuracy = top guess right; kept@0.9 = share of segments with a guess of probability >= 0.9,"
          " and its accuracy")
    header = f"  {'backend':<11}" + "".join(f"{b + ' words':>22}" for b in buckets) + f"{'all':>22}{'us/seg':>9}"
    print(header)
    for name, predict in preds.items():
        hits, total, kept, kept_ok = Counter(), Counter(), Counter(), Counter()
        t = time.perf_counter()
        for lang, bucket, seg in rows:
            guess, prob = predict(seg)
            for key in (bucket, "all"):
                total[key] += 1
                hits[key] += guess == lang
                if name != "words" and prob >= confident:
                    kept[key] += 1
                    kept_ok[key] += guess == lang
        us = 1e6 * (time.perf_counter() - t) / max(len(rows), 1)
        cells = []
        for key in buckets + ["all"]:
            acc = hits[key] / max(total[key], 1)
            if name == "words":
                cells.append(f"{acc:>8.1%}{'':>14}")
            else:
                share = kept[key] / max(total[key], 1)
                kacc = kept_ok[key] / max(kept[key], 1)
                cells.append(f"{acc:>8.1%} {share:>5.0%}@{kacc:>6.1%}")
        print(f"  {name:<11}" + "".join(f"{c:>22}" for c in cells) + f"{us:>9.0f}")


def per_language(segments, preds, bucket="2-3") -> None:
    rows = [s for s in segments if s[1] == bucket]
    langs = sorted({s[0] for s in rows})
    print(f"\n  per language, {bucket} words (accuracy):")
    print("  " + f"{'backend':<11}" + "".join(f"{lang:>7}" for lang in langs))
    for name, predict in preds.items():
        hits, total = Counter(), Counter()
        for lang, _, seg in rows:
            total[lang] += 1
            hits[lang] += predict(seg)[0] == lang
        print("  " + f"{name:<11}" + "".join(f"{hits[lang] / max(total[lang], 1):>7.0%}" for lang in langs))


# ------------------------------------------------------------------------------ sections


def section_segments(shared: Path, preds: dict) -> None:
    rng = random.Random(0)
    segs = semeval_segments(semeval_texts(shared), rng)
    accuracy_table("semeval-train.csv segments (sentence starts)", segs, preds)
    per_language(segs, preds, "2-3")
    per_language(segs, preds, "4-6")
    wp = wordpress_segments(shared)
    accuracy_table("wordpress-ui.tsv strings, the 13 core languages", wp, preds, CORE)
    accuracy_table("wordpress-ui.tsv strings, all 42 locales", wp, preds)


def section_documents(shared: Path, preds: dict) -> None:
    texts = semeval_texts(shared)
    print(f"\nDocument language on {len(texts)} whole semeval texts (label = the row's language):")
    cands = {"guess_language": L.guess_language, **{k: v for k, v in preds.items() if k != "words"}}
    for name, fn in cands.items():
        t = time.perf_counter()
        ok = 0
        wrong = Counter()
        for lang, text in texts:
            got = fn(text) if name == "guess_language" else fn(" ".join(text[:3000].split()))[0]
            ok += got == lang
            if got != lang:
                wrong[(lang, got)] += 1
        ms = 1000 * (time.perf_counter() - t) / len(texts)
        print(f"  {name:<15} {ok / len(texts):6.1%}  {ms:6.2f} ms/doc   commonest errors: "
              + ", ".join(f"{a}->{b} {n}" for (a, b), n in wrong.most_common(4)))


def _audit_all(articles, ruleset, count_model=False):
    from auditor import Document, audit
    from auditor.detectors import language_fragments as lf

    calls = Counter()
    original = lf.identify
    if count_model:
        def counting(text, *a, **k):
            calls["model"] += 1
            return original(text, *a, **k)
        lf.identify = counting
    try:
        reports = [audit(Document(a["text"], id=a["id"]), ruleset, options={"grammar": False}) for a in articles]
    finally:
        lf.identify = original
    return reports, calls["model"]


def section_bbc(shared: Path) -> None:
    from auditor import load_ruleset

    articles = bbc_articles(shared)
    ruleset = load_ruleset()
    reports, model_lines = _audit_all(articles, ruleset, count_model=True)
    lines = sum(len(r.document.content_lines) for r in reports)
    loud = lambda f: f.severity.value != "info"  # noqa: E731
    lang_flagged = [r for r in reports if any(loud(f) and f.category.value == "language" for f in r.findings)]
    any_flagged = [r for r in reports if any(loud(f) for f in r.findings)]
    not_en = Counter(r.language for r in reports if r.language != "en")
    n = len(reports)
    print(f"\nbbc-dev.jsonl: {n} clean English articles, {lines} non-blank lines")
    print(f"  document language en: {n - sum(not_en.values())}/{n}" + (f"; other: {dict(not_en)}" if not_en else ""))
    print(f"  lines sent to the model by the LG rules: {model_lines} ({model_lines / lines:.2%} of lines;"
          f" {model_lines / n:.2f} per article)")
    print(f"  articles with a language warning or error: {len(lang_flagged)} ({len(lang_flagged) / n:.2%})")
    for r in lang_flagged[:10]:
        f = next(f for f in r.findings if loud(f) and f.category.value == "language")
        print(f"    {r.document.id}: {f.code} {f.severity.value} {f.message} | {f.text[:70]!r}")
    print(f"  articles with any warning or error (all categories, grammar off): {len(any_flagged)}"
          f" ({len(any_flagged) / n:.2%})")
    by_code = Counter(f.code for r in any_flagged for f in {f.code: f for f in r.findings if loud(f)}.values())
    print("    by rule (articles): " + ", ".join(f"{c} {k}" for c, k in by_code.most_common()))


def section_inserted(shared: Path) -> None:
    """Insert one foreign segment as its own paragraph into a clean article; is it found, as its language?"""
    from auditor import load_ruleset

    rng = random.Random(1)
    articles = bbc_articles(shared)
    segs = [s for s in semeval_segments(semeval_texts(shared), random.Random(0)) if s[0] != "en"]
    ruleset = load_ruleset(select=["LG"])
    from auditor import Document, audit

    found, named, total = Counter(), Counter(), Counter()
    by_lang_found, by_lang_total = Counter(), Counter()
    cases = list(segs)
    rng.shuffle(cases)
    per_bucket = Counter()
    picked = []
    for lang, bucket, seg in cases:
        if per_bucket[bucket] >= 600:
            continue
        per_bucket[bucket] += 1
        picked.append((lang, bucket, seg))
    for i, (lang, bucket, seg) in enumerate(picked):
        art = articles[i % len(articles)]["text"]
        paras = art.split("\n\n")
        at = max(1, len(paras) - 1)
        text = "\n\n".join(paras[:at] + [seg] + paras[at:])
        start = text.index(seg, len("\n\n".join(paras[:at])))
        end = start + len(seg)
        report = audit(Document(text), ruleset, options={"grammar": False})
        hits = [f for f in report.findings if f.category.value == "language" and f.start < end and start < f.end]
        total[bucket] += 1
        by_lang_total[lang] += 1
        if hits:
            found[bucket] += 1
            by_lang_found[lang] += 1
            named[bucket] += any(f"({lang})" in f.message for f in hits)
    print("\nForeign segments inserted as a paragraph into bbc-dev articles (semeval sentence starts):")
    print(f"  {'words':<7}{'segments':>9}{'found':>8}{'language right':>16}")
    for bucket in sorted(total, key=lambda b: int(b.split("-")[0])):
        print(f"  {bucket:<7}{total[bucket]:>9}{found[bucket] / total[bucket]:>8.1%}"
              f"{named[bucket] / max(found[bucket], 1):>16.1%}")
    print("  found, by language: " + ", ".join(
        f"{lang} {by_lang_found[lang] / by_lang_total[lang]:.0%}" for lang in sorted(by_lang_total)))
    # Foreign chrome: WordPress UI strings of the core languages, inserted the same way.
    wp = [s for s in wordpress_segments(shared) if s[0] in CORE and s[0] != "en"]
    hit, seen = Counter(), Counter()
    for i, (lang, bucket, seg) in enumerate(wp):
        paras = articles[i % len(articles)]["text"].split("\n\n")
        text = "\n\n".join(paras + [seg])
        start = len(text) - len(seg)
        report = audit(Document(text), ruleset, options={"grammar": False})
        seen[bucket] += 1
        hit[bucket] += any(f.end > start and f"({lang})" in f.message for f in report.findings)
    print("  WordPress UI strings (12 core languages besides English) as the article's last line,"
          " found with the right language:")
    for bucket in ("1", "2-3", "4+"):
        print(f"  {bucket:<7}{seen[bucket]:>9}{hit[bucket] / max(seen[bucket], 1):>8.1%}")
    # The same with English segments from semeval's English news (foreign names, quotes, chrome):
    # any finding on them is a false alarm, unless the segment is not English after all.
    english = [s for s in semeval_segments(semeval_texts(shared), random.Random(0)) if s[0] == "en"]
    flagged, total, examples = Counter(), Counter(), []
    for i, (lang, bucket, seg) in enumerate(english):
        paras = articles[i % len(articles)]["text"].split("\n\n")
        at = max(1, len(paras) - 1)
        head = "\n\n".join(paras[:at])
        text = "\n\n".join(paras[:at] + [seg] + paras[at:])
        start = text.index(seg, len(head))
        report = audit(Document(text), ruleset, options={"grammar": False})
        hits = [f for f in report.findings if f.start < start + len(seg) and start < f.end]
        total[bucket] += 1
        if hits:
            flagged[bucket] += 1
            examples.append((seg, hits[0].message))
    print("  English segments from semeval's English texts, inserted the same way (flagged = false alarm"
          " unless the segment is foreign after all):")
    for bucket in sorted(total, key=lambda b: int(b.split("-")[0])):
        print(f"  {bucket:<7}{total[bucket]:>9}{flagged[bucket] / total[bucket]:>8.1%}")
    for seg, message in examples[:12]:
        print(f"    {seg[:60]!r}: {message}")
    # Every sentence of semeval's English texts, judged as a line of an English article.
    from auditor.detectors.language_fragments import judge_line

    sentences = [s.strip() for lang, text in semeval_texts(shared) if lang == "en"
                 for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]
    verdicts = [(s, judge_line(s, "en")) for s in sentences]
    flagged = [(s, v) for s, v in verdicts if v is not None]
    print(f"  every sentence of semeval's English texts as a line of an English article: {len(sentences)},"
          f" flagged {len(flagged)} ({len(flagged) / len(sentences):.2%}):")
    for s, v in flagged[:12]:
        print(f"    {v.lang} {v.confidence:.2f} {s[:70]!r}")


def section_speed(shared: Path, repeats: int = 5) -> None:
    from auditor import Document, load_ruleset
    from auditor.detectors import Context
    from auditor.detectors.language_fragments import fragments

    articles = bbc_articles(shared)
    n = len(articles)
    print(f"\nThroughput over bbc-dev.jsonl ({n} articles), one process, grammar off,"
          f" best of {repeats} (runs interleaved):")
    rulesets = {"all rules": load_ruleset(), "without LG rules": load_ruleset(ignore=["LG"]),
                "LG rules only": load_ruleset(select=["LG"])}
    best = {label: float("inf") for label in rulesets}
    for ruleset in rulesets.values():
        _audit_all(articles[:50], ruleset)  # warm up: imports, model load
    for _ in range(repeats):
        for label, ruleset in rulesets.items():
            t = time.perf_counter()
            _audit_all(articles, ruleset)
            best[label] = min(best[label], time.perf_counter() - t)
    for label, seconds in best.items():
        print(f"  {label:<18} {n / seconds:8.0f} docs/s  ({1000 * seconds / n:.2f} ms/doc)")
    docs = [Document(a["text"]) for a in articles]
    for d in docs:
        d.content_lines, d.paragraphs  # segmentation is the engine's cost, not the rules'
    guess = frag = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        langs = [L.guess_language(d.text) for d in docs]
        guess = min(guess, time.perf_counter() - t)
        t = time.perf_counter()
        for d, lang in zip(docs, langs):
            ctx = Context(d)
            ctx.cache["language"] = lang
            fragments(ctx)
        frag = min(frag, time.perf_counter() - t)
    print(f"  guess_language: {1e6 * guess / n:.0f} us/doc (the engine calls it for every document);"
          f" the LG detector's line analysis: {1e6 * frag / n:.0f} us/doc")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--only", default="segments,documents,bbc,inserted,speed")
    args = parser.parse_args(argv)
    if not (args.shared / "eval").is_dir():
        print(f"{args.shared / 'eval'} is absent: the evaluation data ships beside the project, not in it")
        return 2
    only = set(args.only.split(","))
    import platform
    import os

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; Python {platform.python_version()}")
    preds = predictors() if only & {"segments", "documents"} else {}
    if "segments" in only:
        section_segments(args.shared, preds)
    if "documents" in only:
        section_documents(args.shared, preds)
    if "bbc" in only:
        section_bbc(args.shared)
    if "inserted" in only:
        section_inserted(args.shared)
    if "speed" in only:
        section_speed(args.shared)
    return 0


if __name__ == "__main__":
    sys.exit(main())
