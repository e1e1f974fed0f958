"""A cheap first guess of a text's language from its commonest words.

It is the gate in front of slower identification: a segment rich in the document language's
common words needs no closer look.
"""
from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
COMMON_WORDS = {
    "en": "the of and to in a is that for on with as was by it at from he said his be are has have not were an which this but they their who its had will been",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei",
    "fr": "de la le et les des en un du une que est pour qui dans par sur au pas plus ne se il ce avec sont aux a été son",
    "es": "de la que el en y los del se las por un para con una su al lo es como más pero sus le ha fue este",
    "it": "di e il la che in a per un del della è le non si con una da sono al dei gli come anche nel ha",
    "pt": "de a o que e do da em um para com não uma os no se na por mais as dos como mas ao foi ele das",
    "nl": "de het een en van in is dat op te zijn voor met die niet aan er ook als door bij maar om nog",
    "tr": "ve bir bu da de için ile olarak çok daha gibi olan en kadar ama sonra ne değil yok var her",
    "pl": "i w na z do nie się że to jest o jak po co tak za od ale przez już jego który",
    "ro": "și în de la a cu care pe din că nu o un este mai pentru se au fost sunt ca",
    "ru": "и в не на что с по как это он к из у за от о для же но так его было все она",
}
_SETS = {lang: frozenset(words.split()) for lang, words in COMMON_WORDS.items()}


def common_word_share(text: str, lang: str) -> float:
    words = [w.casefold() for w in _WORD.findall(text)]
    if not words or lang not in _SETS:
        return 0.0
    common = _SETS[lang]
    return sum(1 for w in words if w in common) / len(words)


def guess_language(text: str, min_share: float = 0.12) -> str:
    """The language whose common words make the largest share of the text, or 'und'."""
    words = [w.casefold() for w in _WORD.findall(text[:20000])]
    if not words:
        return "und"
    best, best_share = "und", 0.0
    for lang, common in _SETS.items():
        share = sum(1 for w in words if w in common) / len(words)
        if share > best_share:
            best, best_share = lang, share
    return best if best_share >= min_share else "und"
