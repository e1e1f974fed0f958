"""Lines and paragraphs in another language than the document's: untranslated fragments, foreign chrome.

Each content line is judged once per document (the verdicts are shared by the rules that read
them, through ``ctx.cache``):

1. Script. A line written mostly in another script than the document's (Han, Arabic or Cyrillic
   letters in a Latin-script article, Latin in a Russian one ...) is foreign without any model;
   the model only names the language within the script's family (Russian or Ukrainian ...).
2. Gate. A line rich in the document language's common words is native. A line is sent to the
   model only with evidence against the document language: function words of another language,
   letters the document language does not use (outside names), or, for a long line, almost none
   of the document language's common words. On clean English news nearly every line stops here.
3. Model, with the demands that grow as the line gets shorter: letters, words that are not names
   (capitalized words count as names unless they are another language's function words), and
   a confident verdict; a line of at most 7 words must also carry the found language's own
   evidence (its function words or letters).

Consecutive foreign lines of one language inside one paragraph make one finding; a finding that
covers a whole paragraph says so.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from auditor.core.document import is_latin1
from auditor.resources.language import (
    Guess,
    MARK_LETTERS,
    clearly_native,
    common_word_count,
    common_word_counts,
    dominant_script,
    identify,
    is_common_word,
    language_name,
    language_script,
    script_language,
    _WORD_LANGS,
    gate_words,
    tokens,
)
from auditor.detectors import Context, Hit

# Words of other languages' lists that are also ordinary words of the document language:
# they are no evidence of a foreign line (they only decide whether the model is asked).
_SHARED = {
    "en": set("a an in is was die also will war hat man so am bin on do no me he son pour par pas sin con "
              "come once red dice fin per non ha as mas ate over been had want met door to go i care are "
              "ten net her we era den ad pie mi o e tout co".split()),
}
# Characters of the document language's own alphabet beyond a-z (not evidence of a foreign line).
_OWN_LETTERS = {
    "en": "", "de": "äöüß", "fr": "àâæçéèêëîïôœùûüÿ", "es": "áéíñóúüü¿¡", "it": "àèéìíîòóùú",
    "pt": "áâãàçéêíóôõú", "nl": "äëïöüéèáóú", "tr": "çğıöşüâîû", "pl": "ąćęłńóśźż", "ro": "ăâîșşțţ",
}
_PARTICLES = frozenset("van von der den de da das di du del della dos le la bin ibn al el ter ten zu af".split())
_INNER_PARTICLES = frozenset("der den ter ten das dos".split())
_GROUPS = (("es", "ca", "gl", "ast", "oc", "an"), ("pt", "gl"), ("it", "co", "lij", "nap", "scn", "vec"),
           ("no", "da", "sv"), ("hr", "sr", "bs"), ("cs", "sk"), ("id", "ms"), ("nl", "af", "fy", "li"),
           ("de", "lb"), ("ro", "mo"), ("tr", "az"), ("fr", "wa", "oc"))
_RELATIVES = {}
for _group in _GROUPS:
    for _lang in _group:
        _RELATIVES.setdefault(_lang, set()).update(x for x in _group if x != _lang)
_GATE_CHARS = 300
_NON_NAME_MIN = {1: 1, 2: 2, 3: 2}
_MIN_LETTERS = {"han": 6, "kana": 6, "hangul": 4}  # weighted: syllabic characters count twice


@dataclass(frozen=True, slots=True)
class Verdict:
    lang: str
    confidence: float
    words: int
    method: str  # "script" | "model"


def _is_capitalized(word: str) -> bool:
    return word[:1].isupper()


def judge_line(text: str, doc_lang: str, doc_script: str | None = None) -> Verdict | None:
    """Whether a line is in another language than ``doc_lang``: a Verdict, or None when native or unsure."""
    doc_script = doc_script or language_script(doc_lang)
    head = None
    if doc_script == "latin" and is_latin1(text):
        # An ASCII or Latin-1 line ("£", "é") is written in Latin letters, if in any: the gate
        # below decides most such lines (the document's language) before the letters are counted.
        head = gate_words(text[:_GATE_CHARS])
        if len(head) >= 2 and clearly_native(head, doc_lang):
            return None
    script, share, letters = dominant_script(text)
    if letters < 2:
        return None
    if script == doc_script:
        # Same script: only Latin-script languages are told apart here (a Ukrainian line in a
        # Russian article is not looked for).
        return _judge_latin(text, doc_lang, other_script=False, head=head) if script == "latin" else None
    if share < 0.5:
        return None  # mixed scripts: a name or a quotation in its own writing
    if script == "latin":
        return _judge_latin(text, doc_lang, other_script=True)
    return _judge_script(text, tokens(text), script, share, letters)


def _judge_script(text: str, toks: list[str], script: str, share: float, letters: int) -> Verdict | None:
    n_script = share * letters
    if n_script < _MIN_LETTERS.get(script, 3):
        return None
    # Names and acronyms in their own script ("Владимир Путин", "北京") are not fragments: a cased
    # script needs a word that is not capitalized (or three words), Han text three characters
    # (_MIN_LETTERS), and other scripts two words.
    if script in ("cyrillic", "greek", "armenian", "georgian"):
        if len(toks) < 3 and all(_is_capitalized(w) for w in toks):
            return None
    elif script not in ("han", "kana") and len(toks) < 2:
        return None
    lang = script_language(script, text, min_prob=0.8)  # a line is short: keep the script's default unless sure
    if lang == "und":
        return None
    confidence = 0.95 if len(toks) >= 3 or n_script >= 6 else 0.85
    return Verdict(lang, confidence, len(toks), "script")


def _foreign_word(folded: str, doc_lang: str, shared) -> bool:
    """A function word of another language that is no ordinary word of the document's."""
    return (folded not in shared and not is_common_word(folded, doc_lang)
            and any(lang != doc_lang for lang in _WORD_LANGS.get(folded, ())))


def _no_evidence(folded: list[str], own_share: float, doc_lang: str, shared) -> bool:
    """For the case-folded tokens of an ASCII line (no foreign letters): no other language's
    function word, and not a long line with few of the document language's common words."""
    return not (len(folded) >= 12 and own_share < 0.1) and not any(
        _foreign_word(f, doc_lang, shared) for f in folded if f in _WORD_LANGS)


def _judge_latin(text: str, doc_lang: str, other_script: bool, head: list[str] | None = None) -> Verdict | None:
    """``head``: the gate's words of the line, when judge_line found them not clearly native."""
    # The gate: a quick count of common words, on the line's first words when it is long.
    shared = _SHARED.get(doc_lang, ())
    if not other_script:
        if head is None:
            head = gate_words(text[:_GATE_CHARS])
            if len(head) >= 2 and clearly_native(head, doc_lang):  # set lookups in C decide most lines
                return None
        if len(head) >= 2:
            # The gate read a short ASCII line whole, and its words are then the tokens read below
            # (runs of letters, case-folded): the test for evidence below is answered on them now
            # (the common case of a headline or a list of names).
            if (len(text) <= _GATE_CHARS and text.isascii()
                    and _no_evidence(head, common_word_count(head, doc_lang) / len(head), doc_lang, shared)):
                return None
            counts = common_word_counts([w for w in head if len(w) > 1])  # "a", "i", "o" are everywhere
            own = counts.get(doc_lang, 0)
            best_other = max((c for lang, c in counts.items() if lang != doc_lang), default=0)
            if own >= 0.2 * len(head) and own >= 1.5 * best_other:
                return None  # rich in the document language's common words
    toks = tokens(text)
    n = len(toks)
    if n < 2:
        return None
    folded = [w.casefold() for w in toks]
    own_share = common_word_counts([f for f in folded if len(f) > 1]).get(doc_lang, 0) / n
    if not other_script and text.isascii() and _no_evidence(folded, own_share, doc_lang, shared):
        return None  # no other language's function word and no foreign letter: no evidence (below)
    # Name particles ("van Persie", "von der Leyen", "bin Salman") belong to the name after them.
    particle = [False] * n
    for i in range(n - 2, -1, -1):
        if folded[i] in _PARTICLES and (_is_capitalized(toks[i + 1]) or particle[i + 1]):
            # Articles only inside a name: "von der Leyen", "van den Berg", "Maria das Dores"
            # (German and Dutch articles precede capitalized nouns everywhere).
            before = folded[i - 1] if i > 0 else ""
            particle[i] = (folded[i] not in _INNER_PARTICLES or before in ("von", "van")
                           or (folded[i] in ("das", "dos") and i > 0 and _is_capitalized(toks[i - 1])))
    # Words that may not be names: not capitalized, or another language's function words.
    foreign_function = {f for w, f, p in zip(toks, folded, particle) if not p
                        and not (w.isupper() and len(w) > 1)  # an acronym ("NE", "DIE")
                        and _foreign_word(f, doc_lang, shared)}
    own_letters = _OWN_LETTERS.get(doc_lang, "")

    def odd(word: str) -> bool:
        return not word.isascii() and any(
            c.isalpha() and not c.isascii() and c not in own_letters for c in word.lower())

    # The line's first word is capitalized as a sentence start; with letters the document
    # language does not use, it is taken for a word, not a name.
    non_name = [w for i, (w, f, p) in enumerate(zip(toks, folded, particle))
                if not p and (not _is_capitalized(w) or f in foreign_function or (i == 0 and odd(w)))]
    odd_letters = [w for w in non_name if odd(w)]
    long_and_foreign = n >= 12 and own_share < 0.1
    if not (foreign_function or odd_letters or long_and_foreign or other_script):
        return None
    # Names, acronyms and headlines: too few words that could be anything but names. (Two of
    # another language's function words lift the share test: German capitalizes its nouns.)
    if len(non_name) < _NON_NAME_MIN.get(n, 2) or (len(non_name) < 0.3 * n and len(foreign_function) < 2):
        return None
    guesses = identify(text, k=3)
    if not guesses:
        return None
    top = guesses[0]
    if top.lang == doc_lang or language_script(top.lang) != "latin":
        return None
    own_prob = next((g.prob for g in guesses if g.lang == doc_lang), 0.0)
    # Close relatives split the model's vote on short lines (Spanish, Catalan, Galician): they
    # count for the top language's confidence, never for the document's own language.
    relatives = _RELATIVES.get(top.lang, ())
    prob = top.prob + sum(g.prob for g in guesses[1:] if g.lang in relatives and g.lang != doc_lang)
    top = Guess(top.lang, min(prob, 1.0))
    corroborated = any(is_common_word(f, top.lang) and f not in shared
                       for f, p in zip(folded, particle) if not p) or any(
        c in MARK_LETTERS.get(top.lang, "") for w in non_name for c in w)
    if n <= 3:
        ok = top.prob >= 0.9 and corroborated
    elif n <= 7:
        ok = top.prob >= 0.8 and (corroborated or top.prob >= 0.95)
    else:
        ok = top.prob >= 0.7 and own_share < 0.3
    if not ok or own_prob >= 0.2:
        return None
    return Verdict(top.lang, round(top.prob, 3), n, "model")


# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fragment:
    start: int
    end: int
    lang: str
    confidence: float
    words: int
    method: str
    paragraph: bool  # covers a whole paragraph
    lines: int


def fragments(ctx: Context) -> tuple[str, list[Fragment]]:
    """The document's language and its foreign fragments (computed once per document)."""
    cached = ctx.cache.get("language_fragments")
    if cached is not None:
        return cached
    doc = ctx.document
    doc_lang = ctx.need("language")
    found: list[Fragment] = []
    if doc_lang != "und":
        doc_script = language_script(doc_lang)
        starts: list[int] = []  # where the paragraphs start: read at the first foreign line (most texts have none)
        runs: list[list] = []  # [paragraph index, first line, last line, verdicts]
        for line in doc.content_lines:
            verdict = judge_line(line.text, doc_lang, doc_script)
            if verdict is None or verdict.lang == doc_lang:
                continue
            starts = starts or [p.start for p in doc.paragraphs]
            p = bisect.bisect_right(starts, line.start) - 1
            last = runs[-1] if runs else None
            if (last is not None and last[0] == p and last[3][-1].lang == verdict.lang
                    and last[2].index == line.index - 1):
                last[2] = line
                last[3].append(verdict)
            else:
                runs.append([p, line, line, [verdict]])
        for p, first, last, verdicts in runs:
            words = sum(v.words for v in verdicts)
            confidence = sum(v.confidence * v.words for v in verdicts) / max(words, 1)
            para = doc.paragraphs[p]
            whole = first.start == para.start and last.end == para.end
            method = "script" if all(v.method == "script" for v in verdicts) else "model"
            found.append(Fragment(first.start, last.end, verdicts[0].lang, round(confidence, 3), words,
                                  method, whole, len(verdicts)))
    result = (doc_lang, found)
    ctx.cache["language_fragments"] = result
    return result


def _article(name: str) -> str:
    return "an" if name[:1].upper() in "AEIOU" and not name.startswith("Ukr") else "a"


def _hits(ctx: Context, rule, method: str):
    doc_lang, found = fragments(ctx)
    opts = rule.spec.get("options", {}) or {}
    error_words = opts.get("error_words", 8)
    error_confidence = opts.get("error_confidence", 0.9)
    doc_name = language_name(doc_lang)
    for frag in found:
        if frag.method != method:
            continue
        severity = None
        if frag.paragraph and frag.words >= error_words and frag.confidence >= error_confidence:
            severity = "error"
        if frag.paragraph and frag.words >= error_words:
            unit = "Paragraph"
        else:
            unit = "Lines" if frag.lines > 1 else "Line"
        name = language_name(frag.lang)
        yield Hit(rule, frag.start, frag.end, {
            "unit": unit,
            "lang": frag.lang,
            "language": name,
            "doc_lang": doc_lang,
            "document_language": f"{_article(doc_name)} {doc_name}",
        }, confidence=frag.confidence, severity=severity)


def foreign_lines(ctx: Context, rule):
    """LG101: lines and paragraphs of the document's script found to be in another language."""
    yield from _hits(ctx, rule, "model")


def foreign_script(ctx: Context, rule):
    """LG102: lines written mostly in another script than the document language's."""
    yield from _hits(ctx, rule, "script")
