#!/usr/bin/env python3
"""Build the phrase data of the multilingual web-chrome rules in rules/boilerplate/.

    python scripts/build_lexicon.py [--tsv ../shared/lexicon/wordpress-ui.tsv] [--check]

The rules themselves (code, name, severity, scope, message, why, fix, examples) are written by
hand in rules/boilerplate/comment-forms.yaml, related-links.yaml and widgets.yaml; each names its
phrase data with `phrases_file: lexicon/<pack>.yaml`. This script writes only that data:

    rules/boilerplate/lexicon/comment-forms.yaml   phrases of BP101-BP199, by code and language
    rules/boilerplate/lexicon/related-links.yaml   BP201-BP299
    rules/boilerplate/lexicon/widgets.yaml         BP401-BP499

It reads which codes a data file serves, and each rule's scope (line or prefix), from the packs.
With --check it regenerates into a temporary folder and fails if a data file on disk differs.
The normalization (line keys, prefix keys, templates) is the matcher's own, imported from
auditor/detectors, so the data is deduplicated exactly as the matcher will read it.

Where the phrases come from
---------------------------
1. `wordpress-ui.tsv` (columns locale, msgid, msgstr, source; see its README): real translations of
   WordPress UI strings from gettext .po files of WordPress core, the Twenty* themes, Jetpack and
   a few themes and plugins, committed to public GitHub repositories. These translations are
   GPL-licensed like WordPress itself (GPLv2 or later); see rules/boilerplate/LEXICON-NOTICE.md.
   Only msgid/msgstr strings are used, no code.
2. scripts/lexicon/hand-written.yaml (`extra` and `prefix_extra` per rule): hand-written entries
   for strings the .po files do not have (cookie banners, "See also" link lines, newsletter
   prompts, legal links, plural comment counts ...) in the languages of the packs.

How a msgid becomes a rule
--------------------------
Each msgid is reduced to a key (tags dropped, entities decoded, placeholders written `%s`,
case-folded, edge punctuation stripped) and scripts/lexicon/keys.yaml maps the key to a rule
code, e.g. "Leave a Reply" and "Leave a Reply to %s" -> BP101, "Your email address will not be published."
-> BP102, "Continue reading %s" -> BP202, "Share this:" -> BP401, "Skip to content" -> BP408.
Keys listed as `skipped` are left out on purpose: post meta such as "By %s", "Posted on %s",
"Tagged %s" and "Written by" would also match real bylines and datelines (other rules handle
those), and the bare "Like" button is an ordinary word in many languages. A key in none of the
lists of keys.yaml stops the build, so new rows in the lexicon are never dropped silently. The
English msgid itself becomes the `en` phrase.

Clean-up of every msgstr
------------------------
* locale -> ISO 639-1 language (pt_PT and pt_BR -> pt, zh_CN and zh_TW -> zh, nb_NO -> nb ...);
* rows from shazadmaved/vizblog are skipped (UTF-8 read as Latin-1: mojibake); for the short form
  labels of CORE_ONLY_KEYS ("Name", "Email", "Comment", "Reply") only core, theme and Jetpack rows
  are used, since plugins translate them as admin labels ("Field name", "By name");
* `\n` splits a string into lines (each line is a phrase, and so is the whole string on one
  line); zero-width characters and no-break spaces count as white space, as in the matcher;
* `<span class="screen-reader-text">...</span>` is dropped (what a browser shows); for "Continue
  reading %s" and "Leave a comment on %s" the span's text is kept as a second variant, since text
  extractors keep screen-reader text; all other tags are removed and their text kept;
* HTML entities are decoded (&hellip; -> ..., &rarr; -> ->, &nbsp; -> no-break space);
* placeholders: %s, %1$s ... -> `{*}` (any text); %d and the comment count of "One thought on"
  and "1 Comment" -> `{n}` (a number); the %s of "Required fields are marked %s" -> `*`;
  quotes around a title placeholder are dropped (sites print titles with different quote marks),
  except in "One thought on “%s”", where they are what tells the heading from a sentence (a
  straight-quote form is added); in the footer credit (BP413) %s is WordPress, as in core;
* white space is collapsed and the text is put in Unicode NFC.

A cleaned phrase is dropped when it is empty or still holds markup or a `%`; when a non-English
msgstr is the untranslated English msgid (unless it is a loanword such as "Menu" or "Email", see
`loanwords` in keys.yaml); when it lacks the script of its language (Cyrillic for ru, Han for
zh ...); when it holds `{*}` but fewer than two literal words (three characters in Chinese,
Japanese, Thai), since "{*} weiterlesen" would match too many lines; or when it is in the
`stoplist` of keys.yaml or in a rule's `drop` list in hand-written.yaml: ordinary words that could
be a headline or a subheading ("Folgen", "Privacy"), "no comment" forms that a spokesperson says, two-word templates that read like headlines
("Svar på {*}"), and translations that are simply wrong ("Към Google Maps" for "Print").

Generated combinations
----------------------
WordPress prints some strings on one line, so the packs also hold their joins, per language:
heading + "Cancel reply" ("Leave a Reply Cancel reply"), "Your email address will not be
published." + "Required fields are marked *" (also after "Logged in as ..."), Jetpack's "Like" +
"Loading...", "Share on Facebook" with other networks put in, "Click to share on X" with the
network as `{*}` (and a trailing `{*}` for "(Opens in new window)"), "Comments ({n})", and the
lines and sentences of the Jetpack cookie banner (sentences go to the prefix rule BP407).

Prefix rules
------------
The matcher strips trailing punctuation from a prefix phrase, so "Read more:" would act as
"Read more" and catch "Read more widely, she said". Openings that are ordinary words without their
colon are therefore written "Read more: {*}": the colon and some text after it are required.

Phrases are deduplicated per language on the matcher's line key (case-folded, white space
collapsed, edge punctuation stripped). A whole-line phrase that a prefix rule already catches, or
that an earlier rule already holds, is left out of the later rule. Output is sorted, so running
the script twice gives the same files.
"""
from __future__ import annotations

import argparse
import csv
import html
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the matcher of this source tree, whatever is installed

from auditor.detectors.phrases import PLACEHOLDER, template_regex  # noqa: E402
from auditor.detectors.text import EDGE_PUNCT, line_key, prefix_key, squash  # noqa: E402

DEFAULT_TSV = ROOT.parent / "shared" / "lexicon" / "wordpress-ui.tsv"
PACK_DIR = ROOT / "rules" / "boilerplate"
PACKS = ("comment-forms.yaml", "related-links.yaml", "widgets.yaml")
HAND_WRITTEN = Path(__file__).resolve().parent / "lexicon" / "hand-written.yaml"
HAND_WRITTEN_FIELDS = {"extra", "drop", "fill", "prefix_extra"}

HEADER = """\
# Phrases of the rules in ../{pack}, by rule code and language.
#
# Generated by scripts/build_lexicon.py -- do not edit by hand: change its sources (the lexicon,
# scripts/lexicon/hand-written.yaml) and rerun it. Phrases come from WordPress UI translations
# (core, Twenty* themes, Jetpack and a few themes and plugins; GPLv2 or later, see
# ../LEXICON-NOTICE.md) plus hand-written entries for strings and languages those files lack.
"""

# Language order in the packs: the matcher tags a phrase shared by several languages with the
# first one, so English comes first.
LANGS = ("en tr de es fr it pt pl ru uk ro nl ar zh ja ko id ms vi th he fa hi bn cs sk hu el bg "
         "sr hr sv da nb fi lt lv et sl az ka").split()
SKIP_SOURCES = ("shazadmaved/vizblog",)
QUOTES = "\"'“”„‟«»‹›‘’‚「」『』《》〈〉"
NO_SPACE_LANGS = {"zh", "ja", "th"}
SCRIPT = {
    "ru": "[\u0400-\u04ff]", "uk": "[\u0400-\u04ff]", "bg": "[\u0400-\u04ff]", "sr": "[\u0400-\u04ff]",
    "el": "[\u0370-\u03ff\u1f00-\u1fff]", "ar": "[\u0600-\u06ff]", "fa": "[\u0600-\u06ff]",
    "he": "[\u0590-\u05ff]", "zh": "[\u4e00-\u9fff]", "ja": "[\u3040-\u30ff\u4e00-\u9fff]",
    "ko": "[\uac00-\ud7af]", "th": "[\u0e00-\u0e7f]", "hi": "[\u0900-\u097f]", "bn": "[\u0980-\u09ff]",
    "ka": "[\u10a0-\u10ff]",
}
NETWORKS = ("Facebook", "Twitter", "X", "WhatsApp", "LinkedIn", "Telegram", "Pinterest", "Reddit",
            "Threads", "Bluesky")

# ---------------------------------------------------------------------------------------------
# msgid key -> rule, and the keys left out or restricted (scripts/lexicon/keys.yaml)
# ---------------------------------------------------------------------------------------------
KEYS = yaml.safe_load((Path(__file__).resolve().parent / "lexicon" / "keys.yaml").read_text(encoding="utf-8"))
KEY_RULE = {key: code for code, keys in KEYS["rules"].items() for key in keys}
SKIPPED_KEYS = set(KEYS["skipped"])
CORE_ONLY_KEYS = set(KEYS["core_only"])
LOANWORD_KEYS = set(KEYS["loanwords"])
STOPLIST = set(KEYS["stoplist"])

# ---------------------------------------------------------------------------------------------
# Sources: the rule packs (which codes, which scope) and the hand-written phrases
# ---------------------------------------------------------------------------------------------
def read_packs(pack_dir: Path) -> list[dict]:
    """The phrase rules whose data this script writes: code, scope and data file, in code order."""
    rules = []
    for pack in PACKS:
        path = pack_dir / pack
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            target = item.get("phrases_file")
            if item.get("kind") != "phrases" or not target:
                continue
            if target != f"lexicon/{pack}":
                raise SystemExit(f"{path}: rule {item.get('code')}: phrases_file should be lexicon/{pack}")
            rules.append({"code": item["code"], "name": item["name"], "pack": pack,
                          "scope": item.get("scope", "line")})
    return sorted(rules, key=lambda r: r["code"])


def read_hand_written(path: Path, codes: set[str]) -> dict[str, dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for code, entry in data.items():
        if code not in codes:
            raise SystemExit(f"{path}: {code} is not a rule with phrases_file in {', '.join(PACKS)}")
        unknown = set(entry) - HAND_WRITTEN_FIELDS
        if unknown:
            raise SystemExit(f"{path}: {code}: unknown field(s) {', '.join(sorted(unknown))}")
    return data


# ---------------------------------------------------------------------------------------------
# Text helpers (the matcher's squash, line_key, prefix_key and template_regex are imported)
# ---------------------------------------------------------------------------------------------
_SR_SPAN = re.compile(r'<span class="screen-reader-text">(.*?)</span>', re.S)
_TAG = re.compile(r"<[^>]*>")
_PRINTF = re.compile(r"%(\d+\$)?([sd])")


def msgid_key(msgid: str) -> str:
    s = _TAG.sub("", msgid.replace("\\n", " "))
    s = html.unescape(s)
    s = _PRINTF.sub("%s", s)
    s = squash(s).casefold().strip(EDGE_PUNCT)
    s = s.replace("“", "").replace("”", "").replace('"', "")
    if s.startswith("privacy & cookies"):
        return "privacy & cookies"
    if s.startswith("click to share on "):
        return "click to share on %s"
    return s
def tidy(text: str) -> str:
    """NFC, and white space runs (no-break and zero-width characters too) as one space."""
    return squash(unicodedata.normalize("NFC", text))


def drop_quotes_around_placeholders(text: str) -> str:
    out, i = [], 0
    for m in re.finditer(r"\{\*\}", text):
        start, end = m.start(), m.end()
        while start > i and (text[start - 1] in QUOTES or text[start - 1].isspace()):
            start -= 1
        while end < len(text) and (text[end] in QUOTES or text[end].isspace()):
            end += 1
        left = text[start:m.start()]
        right = text[m.end():end]
        out.append(text[i:start])
        out.append((" " if any(c.isspace() for c in left) and start > 0 else "") + "{*}"
                   + (" " if any(c.isspace() for c in right) and end < len(text) else ""))
        i = end
    out.append(text[i:])
    return "".join(out)


def straight_quotes(text: str) -> list[str]:
    """A phrase with curly or angle quotes around {*}, and the same with straight quotes."""
    forms = [text]
    plain = re.sub(r"[“”„‟«»]\s*(\{\*\})\s*[“”„‟«»]", r'"\1"', text)
    if plain != text:
        forms.append(plain)
    return forms


def literal_ok(phrase: str, lang: str) -> bool:
    """A phrase with {*} needs enough fixed text around the placeholder to be specific."""
    if "{*}" not in phrase:
        return True
    literal = PLACEHOLDER.sub(" ", phrase)
    if lang in NO_SPACE_LANGS:
        return len(re.findall(r"\w", literal)) >= 3
    return len(re.findall(r"[^\W\d_]{2,}", literal)) >= 2


def clean(msgid: str, msgstr: str, key: str) -> list[str]:
    """The phrases one msgstr gives (see the module docstring)."""
    s = msgstr.replace("@hellip;", "&hellip;")
    s = re.sub(r"&\s+(#?\w+;)", r"&\1", s)  # "& #8250;" -> "&#8250;"
    pieces = [s]
    if "\\n" in s:
        pieces = [p for p in s.split("\\n")] + [s.replace("\\n", " ")]
    out = []
    for piece in pieces:
        variants = [_SR_SPAN.sub("", piece)]
        if key in ("continue reading %s", "leave a comment on %s"):
            variants.append(_SR_SPAN.sub(r"\1", piece))
        for v in variants:
            v = html.unescape(_TAG.sub("", v))
            if key == "required fields are marked %s":
                v = _PRINTF.sub("*", v)
            elif key == "one thought on %s" and "%2$s" in msgid:
                v = re.sub(r"%2\$s", "{*}", v)
                v = _PRINTF.sub("{n}", v)
            else:
                v = _PRINTF.sub(lambda m: "{n}" if m.group(2) == "d" else "{*}", v)
            if key == "1 comment":
                v = re.sub(r"(?<![\d{])[1١۱](?!\d)", "{n}", v)
            if key == "one thought on %s":
                # The quotes around the title stay: without them "One thought on {*}" would
                # match ordinary sentences. Straight quotes are added as a second form.
                v = tidy(v)
                out.extend(straight_quotes(v))
                continue
            v = tidy(drop_quotes_around_placeholders(tidy(v)))
            if _PRINTF.search(v) or "<" in v or re.search(r"&[#\w]+;|#\d+;|%", v):
                continue
            if not PLACEHOLDER.sub("", line_key(v)).strip(EDGE_PUNCT):
                continue
            out.append(v)
    return out


# ---------------------------------------------------------------------------------------------
# Reading the lexicon
# ---------------------------------------------------------------------------------------------
def language(locale: str) -> str:
    return locale.split("_")[0]


def is_plugin(source: str) -> bool:
    """A row from a plugin's .po file other than Jetpack's."""
    path = source.split(":", 1)[-1]
    return "/plugins/" in path and "jetpack" not in path


def read_lexicon(path: Path):
    """lang -> msgid key -> list of phrases (in file order, unique)."""
    table: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    unknown = set()
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            if row["source"].startswith(SKIP_SOURCES):
                continue
            key = msgid_key(row["msgid"])
            if key in SKIPPED_KEYS:
                continue
            if key not in KEY_RULE:
                unknown.add(row["msgid"])
                continue
            if key in CORE_ONLY_KEYS and is_plugin(row["source"]):
                continue
            lang = language(row["locale"])
            english = {line_key(p) for p in clean(row["msgid"], row["msgid"], key)}
            for phrase in clean(row["msgid"], row["msgstr"], key):
                if line_key(phrase) in english and key not in LOANWORD_KEYS:
                    continue  # left untranslated
                if lang in SCRIPT and not re.search(SCRIPT[lang], phrase):
                    continue
                if phrase not in table[lang][key]:
                    table[lang][key].append(phrase)
            for phrase in clean(row["msgid"], row["msgid"], key):
                if phrase not in table["en"][key]:
                    table["en"][key].append(phrase)
    if unknown:
        raise SystemExit("msgids with no rule (add them to scripts/lexicon/keys.yaml: rules or skipped):\n  "
                         + "\n  ".join(sorted(unknown)))
    return table


# ---------------------------------------------------------------------------------------------
# Assembling the rules
# ---------------------------------------------------------------------------------------------
def generated(table) -> dict[str, dict[str, list[str]]]:
    """Joins and expansions of lexicon strings, per rule and language."""
    gen: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for lang, by_key in table.items():
        sep = "" if lang in NO_SPACE_LANGS else " "
        # "Leave a Reply Cancel reply": the cancel link sits inside the heading.
        heads = by_key["leave a reply"] + by_key["leave a comment"] + by_key["leave a reply to %s"]
        for h in heads:
            for c in by_key["cancel reply"]:
                gen["BP101"][lang].append(f"{h} {c}")
        # "Your email address will not be published. Required fields are marked *"
        notes = by_key["your email address will not be published"]
        logged = by_key["logged in as %s. edit your profile. log out"]
        for r in by_key["required fields are marked %s"]:
            for n in notes + logged:
                gen["BP102"][lang].append(f"{n} {r}")
        # "Comments (12)"
        for c in by_key["comments"]:
            if "{" not in c:
                gen["BP107"][lang].append(f"{c} ({{n}})")
        # "Share on Facebook" -> the other networks.
        for p in by_key["share on facebook"] + by_key["share on twitter"]:
            for old in ("Facebook", "Twitter"):
                pattern = r"(?<!\w)" + old + r"(?!\w)"
                if re.search(pattern, p):
                    for net in NETWORKS:
                        gen["BP401"][lang].append(re.sub(pattern, net, p))
        # "Click to share on X" -> any network, and "(Opens in new window)" after it.
        for p in by_key["click to share on %s"]:
            g = p
            for net in sorted(("Bluesky", "Facebook", "Google+", "LinkedIn", "Mastodon", "Nextdoor",
                               "Pinterest", "Pocket", "Reddit", "Skype", "StumbleUpon", "Telegram",
                               "Threads", "Tumblr", "Twitter", "WhatsApp", "X"), key=len, reverse=True):
                g = re.sub(r"(?<!\w)" + re.escape(net) + r"(?!\w)", "{*}", g)
            g = tidy(drop_quotes_around_placeholders(g))
            gen["BP401"][lang].append(g)
            if not g.endswith("{*}"):
                gen["BP401"][lang].append(f"{g} {{*}}")
                if sep == "":
                    gen["BP401"][lang].append(f"{g}{{*}}")
        for key, code in (("click to email a link to a friend", "BP401"),
                          ("click to email this to a friend", "BP401"), ("click to print", "BP403")):
            for p in by_key[key]:
                gen[code][lang].append(f"{p} {{*}}")
        # "Like Loading..."
        for like in by_key["__like__"]:
            for loading in by_key["loading"]:
                gen["BP402"][lang].append(f"{like} {loading}")
        # Jetpack's cookie banner: its lines as whole lines, its sentences as line openings.
        for p in by_key["privacy & cookies"]:
            gen["BP406"][lang].append(p)
            if re.search(r"[:：]$", p.strip()):
                gen["BP406"][lang].append(f"{p} {{*}}")
            m = re.match(r"^(.{2,40}?)[:：]\s*(.+)$", p)
            if m and "{" not in p:
                gen["BP407"][lang].append(m.group(1) + ":")
                for sentence in re.split(r"(?<=[.。!])\s*", m.group(2)):
                    sentence = sentence.strip().rstrip(".。")
                    if len(sentence.split()) >= 3 or (lang in NO_SPACE_LANGS and len(sentence) >= 6):
                        gen["BP407"][lang].append(sentence)
    return gen


def read_likes(path: Path) -> dict[str, list[str]]:
    """The bare "Like" button per language: only used joined with "Loading..."."""
    likes: dict[str, list[str]] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["source"].startswith(SKIP_SOURCES) or msgid_key(row["msgid"]) != "like":
                continue
            if is_plugin(row["source"]):  # plugins translate the preposition ("comme", "come")
                continue
            for lang, text in (("en", row["msgid"]), (language(row["locale"]), row["msgstr"])):
                for p in clean(row["msgid"], text, "like"):
                    if lang in SCRIPT and not re.search(SCRIPT[lang], p):
                        continue
                    if p.casefold() in ("come", "comme", "словно", "gusta"):  # the preposition
                        continue
                    if p not in likes[lang]:
                        likes[lang].append(p)
    return likes



def assemble(tsv: Path, rules: list[dict], hand: dict[str, dict]):
    table = read_lexicon(tsv)
    for lang, items in read_likes(tsv).items():
        table[lang]["__like__"] = items
    gen = generated(table)
    known = {r["code"] for r in rules}
    missing = sorted(set(KEY_RULE.values()) - known)
    if missing:
        raise SystemExit("keys.yaml names codes with no phrases_file rule in the packs: " + ", ".join(missing))
    assembled = []
    for rule in rules:
        code, spec = rule["code"], hand.get(rule["code"], {})
        per_lang: dict[str, list[str]] = defaultdict(list)
        for lang, by_key in table.items():
            for key, owner in KEY_RULE.items():
                if owner == code:
                    items = by_key.get(key, [])
                    if spec.get("fill"):
                        items = [p.replace("{*}", spec["fill"]) for p in items]
                    per_lang[lang].extend(items)
        for lang, items in gen.get(code, {}).items():
            per_lang[lang].extend(items)
        for lang, items in (spec.get("extra") or {}).items():
            per_lang[lang].extend(items)
        for lang, items in (spec.get("prefix_extra") or {}).items():
            per_lang[lang].extend(items)
            # "Lire la suite : ..." -- French typography puts a space before the colon.
            per_lang[lang].extend(p.replace(": {*}", " : {*}") for p in items if ": {*}" in p)
        drop = {lang: {line_key(p) for p in items} for lang, items in (spec.get("drop") or {}).items()}
        assembled.append((rule, per_lang, drop))
    return finish(assembled)


def finish(rules):
    """Tidy, filter, deduplicate and resolve overlaps between rules."""
    prefix_patterns = []
    for rule, per_lang, _ in rules:
        if rule["scope"] == "prefix":
            for items in per_lang.values():
                for p in items:
                    prefix_patterns.append(re.compile(template_regex(prefix_key(tidy(p))) + r"(?!\w)"))
    claimed: set[str] = set()  # line keys held by an earlier rule
    result = []
    for rule, per_lang, drop in rules:
        scope = rule["scope"]
        phrases: dict[str, list[str]] = {}
        taken_here: set[str] = set()
        for lang in LANGS:
            seen: dict[str, str] = {}
            for raw in per_lang.get(lang, []):
                p = tidy(raw)
                key = line_key(p) if scope == "line" else prefix_key(p)
                if not key or key in seen:
                    continue
                if key in STOPLIST or key in drop.get(lang, set()):
                    continue
                if scope == "line" and not literal_ok(p, lang):
                    continue
                if scope == "line":
                    if key in claimed and key not in taken_here:
                        continue
                    if "{" not in key and any(rx.match(key) for rx in prefix_patterns):
                        continue  # a prefix rule already takes the whole line
                seen[key] = p
            if seen:
                phrases[lang] = sorted(seen.values(), key=lambda s: (s.casefold(), s))
                taken_here.update(seen)
        claimed.update(taken_here)
        unknown = set(per_lang) - set(LANGS)
        if unknown:
            raise SystemExit(f"{rule['code']}: languages not in LANGS: {sorted(unknown)}")
        result.append((rule, phrases))
    return result


# ---------------------------------------------------------------------------------------------
# YAML output
# ---------------------------------------------------------------------------------------------
class _Dumper(yaml.SafeDumper):
    """Block lists indented under their key, one phrase a line."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def render(result) -> dict[str, str]:
    """File name under lexicon/ -> its text."""
    files: dict[str, dict] = defaultdict(dict)
    for rule, phrases in result:
        files[rule["pack"]][rule["code"]] = phrases
    out = {}
    for pack, data in files.items():
        text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000,
                         default_flow_style=False)
        out[pack] = HEADER.format(pack=pack) + "\n" + text
    return out


def stats(result) -> str:
    lines = []
    per_file: dict[str, set] = defaultdict(set)
    per_file_n: dict[str, int] = defaultdict(int)
    for rule, phrases in result:
        n = sum(len(v) for v in phrases.values())
        per_file[rule["pack"]].update(phrases)
        per_file_n[rule["pack"]] += n
        lines.append(f"  {rule['code']} {rule['name']:<28} {rule['scope']:<6} {len(phrases):>2} languages "
                     f"{n:>5} phrases")
    for f in sorted(per_file):
        lines.append(f"  {f}: {len(per_file[f])} languages, {per_file_n[f]} phrases")
    return "\n".join(lines)


def write(rendered: dict[str, str], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in rendered.items():
        (folder / name).write_text(text, encoding="utf-8")


def stale_files(rendered: dict[str, str], folder: Path) -> list[str]:
    """Regenerate into a temporary folder and compare it, file by file, with ``folder``."""
    with tempfile.TemporaryDirectory(prefix="lexicon-") as tmp:
        write(rendered, Path(tmp))
        stale = []
        for name in sorted(rendered):
            fresh, current = Path(tmp) / name, folder / name
            if not current.is_file() or current.read_bytes() != fresh.read_bytes():
                stale.append(name)
        return stale


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tsv", type=Path, default=DEFAULT_TSV, help="wordpress-ui.tsv")
    ap.add_argument("--packs", type=Path, default=PACK_DIR,
                    help="folder of the rule packs; the data goes to its lexicon/ folder")
    ap.add_argument("--hand-written", type=Path, default=HAND_WRITTEN, help="hand-written phrases")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; fail if the data on disk differs from a fresh build")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if not args.tsv.is_file():
        print(f"lexicon not found: {args.tsv}", file=sys.stderr)
        return 2
    rules = read_packs(args.packs)
    hand = read_hand_written(args.hand_written, {r["code"] for r in rules})
    result = assemble(args.tsv, rules, hand)
    rendered = render(result)
    out = args.packs / "lexicon"
    if not args.quiet:
        print(stats(result))
    if args.check:
        stale = stale_files(rendered, out)
        if stale:
            print("out of date (rerun scripts/build_lexicon.py): "
                  + ", ".join(f"{out / name}" for name in stale), file=sys.stderr)
            return 1
        return 0
    write(rendered, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
