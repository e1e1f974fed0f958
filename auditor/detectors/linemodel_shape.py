"""Line shape for the line model: each line's words, punctuation, stopwords and class.

Context-free: every figure here is computed from the line alone (and the document's stopword
list). ``linemodel_body`` judges lines in their context; ``linemodel`` reports the verdicts.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from auditor.core.document import CJK_SCRIPT, is_latin1

# -- stopwords ---------------------------------------------------------------------------------
# Function words of each language: a body sentence is rich in them, a menu or a headline is not.
STOPWORDS = {
    "en": """a about above after again against all also am an and any are as at be because been before being
        below between both but by can could did do does doing down during each few for from further had has
        have having he her here hers herself him himself his how i if in into is it its itself just me more
        most my no nor not now of off on once only or other our ours out over own same she should so some
        such than that the their theirs them then there these they this those through to too under until up
        very was we were what when where which while who whom why will with would you your yours said says
        while since though although""",
    "de": """aber alle allem allen aller als also am an auch auf aus bei beim bin bis bist da damit dann das dass
        dem den denn der des dich die dies diese diesem diesen dieser dir doch dort du durch ein eine einem
        einen einer eines er es etwa für gegen hat hatte hatten hier ich ihm ihn ihr ihre im in ist ja jetzt
        kann kein keine mehr mich mit muss nach nicht noch nun nur ob oder ohne sehr sein seine sich sie sind
        so soll über um und uns unter vom von vor war waren was weil wenn werden wie wir wird wurde wurden zu
        zum zur zwischen sagte""",
    "fr": """à au aux avec ce ces cette dans de des du elle elles en est et été être eu il ils je la le les leur
        leurs lui ma mais me même mes moi mon ne nos notre nous on ont ou où par pas pour qu que qui sa sans se
        ses son sont sur ta te tes toi ton tu un une vos votre vous y a plus comme tout fait été aussi bien
        selon entre après avant depuis lors dont cela ainsi""",
    "es": """a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el él ella
        ellos en entre era es esa ese eso esta estaba estado están este esto estos fue fueron ha han hasta hay
        la las le les lo los más me mi muy nada ni no nos o para pero poco por porque que quien se ser si sí
        sin sobre son su sus también tanto te tiene todo todos tu un una uno unos y ya según""",
    "it": """a ad al alla alle anche che chi ci come con cui da dal dalla dei del della delle di dove e è ed gli
        ha hanno ho i il in la le lei lo loro lui ma mi molto ne nei nel nella non o per più può quando quella
        quello questa questo se si sia sono su sua sue suo sul sulla tra tutti un una uno era essere stato
        anche fra dopo prima""",
    "pt": """a à ao aos as às até com como da das de dela dele deles depois do dos e é ela elas ele eles em entre
        era essa esse esta está este eu foi for foram há isso isto já lhe mais mas me mesmo meu minha muito na
        não nas nem no nos nós o os ou para pela pelas pelo pelos por qual quando que quem se sem ser seu sua
        são também te tem um uma você vocês sobre seus suas ainda""",
    "nl": """aan al als bij dan dat de die dit door een en er had heb hebben heeft het hij hoe hun ik in is je
        kan maar me meer met mijn naar niet nog nu of om omdat ons ook op over te tegen toen tot u uit van
        veel voor want was wat we werd wie wij worden wordt zal ze zei zich zij zijn zo zou""",
    "sv": """att av de dem den denna det detta du efter eller en ett för från har hade han hans hon i inte jag
        kan man med men mot nu när och om på sig sin sina skulle som till under upp ut vad var vi vid är""",
    "da": """af alle at blev da de dem den denne der det du efter eller en er et for fra han har havde hun i ikke
        jeg kan med men mod nu når og om op på sig sin skal som til ud under var vi ved være""",
    "no": """av at de den denne der det du eller en er et etter for fra har hadde han hun i ikke jeg kan med men
        mot nå når og om opp på seg sin skal som til ut under var vi ved være""",
    "pl": """a aby ale bez by był była było były być co czy dla do gdy go i ich im jak jako je jego jej jest już
        kiedy która które który ma mnie na nad nie niż o od oraz po pod przez przy się są ta tak także te tego
        tej ten to tu tylko w we wiele z za że żeby""",
    "cs": """a aby ale ani by byl byla bylo být co do i jak jako je jeho její jsem jsou k kde když ke která které
        který mezi na nad ne než o od po pod pro protože při s se si tak také to tu už v ve z za že""",
    "ro": """a acest această acum ai al ale am ar au ca care că ce cu cum dar de din după el ea este eu fi fost
        în între iar își la le lor mai ne nu o pe pentru prin sa să se sunt și un una unei unui va""",
    "tr": """ama ancak bir birlikte bu da daha de diye en gibi göre hem her için ile ise kadar ki mi ne o olan
        olarak olduğu onun sonra şu ve veya ya yani çok değil""",
    "ru": """а без более бы был была были было быть в вам вас во вот все всех вы где да для до его ее если есть
        еще же за и из или им их к как когда кто ли либо меня мы на над не него нее нет ни но о об он она они
        оно от по под после при с со так также такой там то того тоже только том ты у уже что чтобы это этот""",
    "uk": """а але б був була були було в від вона вони воно вже все да де для до є з за і із й їх к коли
        ми на не ні но по при про та так також те то у що щоб як який""",
    "id": """ada adalah akan atau bahwa bisa dalam dan dari dengan di ini itu juga ke kepada karena lebih mereka
        oleh pada para saat sebagai secara sudah tidak untuk yang telah tersebut""",
    "hu": """a az és hogy nem is egy de van volt csak meg már el mint ki ha még mert vagy azt ez ezt be után
        szerint között""",
    "fi": """ja on ei se että hän oli ovat mutta kun myös joka jos niin ole tai sen kuin vain jo nyt mukaan""",
}
STOPSETS = {lang: frozenset(words.split()) for lang, words in STOPWORDS.items()}
_STOP_INDEX: dict[str, tuple] = {}
for _lang, _words in STOPSETS.items():
    for _w in _words:
        _STOP_INDEX[_w] = _STOP_INDEX.get(_w, ()) + (_lang,)

# -- thresholds of a line's shape --------------------------------------------------------------
# Line classes (context-free; the context's thresholds are options of the rules, see linemodel_body).
GOOD_UNITS = 15         # a body paragraph has at least this many words ...
GOOD_STOP = 0.22        # ... and this share of stopwords (when the language is known)
NEAR_UNITS = 7          # a sentence-like line shorter than a paragraph
OPENING_WORDS = 8       # a line that opens with an earlier paragraph's first words is a copy of it
SHORT_UNITS = 5         # a label or menu item has fewer words
HEADLINE_TITLE = 0.7    # share of capitalised content words of a headline-style line
TITLE_MAX_WORDS = 24    # the share of capitalised words is computed for lines up to this long
# Cost.
SPLIT_CHARS = 80        # lines longer than this are tokenised by white space (cheaper)
LANGUAGE_SAMPLE = 250   # words enough to tell the language by its stopwords


# -- line shape ----------------------------------------------------------------------------------
TOKEN = re.compile(r"\w+(?:[’'\-.]\w+)*")
# Line shapes count the CJK compatibility ideographs as well as CJK_SCRIPT. Two classes, not one:
# Python's re builds a class code point by code point (about 4 ms for one of 40,000), and
# CJK_SCRIPT is compiled already.
_CJK_COMPATIBILITY = re.compile(r"[\uf900-\ufaff]")
_SEPARATOR = re.compile(r"(?:^|\s)[|»›>•·/\\]+(?:\s|$)")
# Most lines hold no separator: this search (one character class) spares them the one above.
_SEPARATOR_CHAR = re.compile(r"[|»›>•·/\\]")
_URL = re.compile(r"(?i)(?:https?://|www\.)\S+|[^\s@]{1,64}@[^\s@]{1,255}\.\w{2,}|(?<!\w)@\w{2,}")
_FIGURES = re.compile(r"\d+")
_BULLET = re.compile(r"^(?:[-–—•·*»›>→▪►◦‣]\s+|\d{1,2}[.)]\s+)")


@dataclass(slots=True)
class LineInfo:
    pos: int            # position among the non-blank lines
    index: int          # index in document.lines
    start: int
    end: int
    words: int          # word tokens
    units: float        # length in words, CJK text counted by characters
    stop: float         # share of tokens that are stopwords of the document's language (-1: unknown)
    terminal: bool      # ends like a sentence
    ellipsis: bool      # ends with an ellipsis (a truncated teaser)
    separators: int
    urls: int
    bullet: bool
    table: bool         # a table row (cells between | bars)
    tokens: list        # lower-cased word tokens
    text: str
    stopset: frozenset | None = None  # the document's stopwords (None: unknown)
    title: float = -1.0  # share of content words (not stopwords) that start upper-case; see title_share()
    upper: float = -1.0  # share of upper-case letters; see upper_share()
    chrome: bool = False  # already a boilerplate finding of another rule (phrases, patterns)
    segment: bool = False  # a sentence or label of a long line, not a whole line
    part: str = "line"     # line | sentence | label | lead (a label opening a sentence): Span.part
    kind: str = ""      # good | near | short | bad
    verdict: str = ""   # "" (keep) or the reason it is chrome
    confidence: float = 0.0


def cjk_characters(text: str) -> int:
    """How many Chinese, Japanese or Korean characters the text holds."""
    return len(CJK_SCRIPT.findall(text)) + len(_CJK_COMPATIBILITY.findall(text))


def line_info(pos: int, line, low: list, stopset) -> LineInfo:
    text = line.text
    words = len(low)
    cjk = 0 if is_latin1(text) else cjk_characters(text)
    units = float(words) if not cjk else words + cjk / 2.0
    if stopset is not None:
        stops = sum(map(stopset.__contains__, low))
        stop = stops / words if words else 0.0
    else:
        stop = -1.0
    last = text[-1] if text else ""
    end = text.rstrip(CLOSERS)[-1:]
    terminal = end in TERMINAL_CHARS
    return LineInfo(
        pos=pos, index=line.index, start=line.start, end=line.end, words=words, units=units, stop=stop,
        stopset=stopset,
        terminal=terminal,
        ellipsis=ends_in_ellipsis(text),
        separators=0 if terminal or not _SEPARATOR_CHAR.search(text) else len(_SEPARATOR.findall(text)),
        urls=len(_URL.findall(text)) if ("/" in text or "@" in text or "www" in text) else 0,
        bullet=bool(_BULLET.match(text)),
        table=text.startswith("|") or last == "|" or (text.count(" | ") >= 4 and _FIGURES.search(text) is not None
                                                       and len(_FIGURES.findall(text)) >= text.count(" | ") / 2),
        text=text,
        tokens=low,
    )


CLOSERS = "\"'”’»)]"
TERMINAL_CHARS = frozenset(".!?。！？؟।:;")


def ends_in_ellipsis(text: str) -> bool:
    """A truncated teaser's end: "…", "...", "[…]" or "[...]" last, or before white space and an
    arrow (» › →). Tested with string methods at the line's end: most lines end with a full stop,
    where a regular expression ending in ``$`` would be tried at every position of the line."""
    last = text[-1:]
    if not last or last not in "….»›→]":
        return False
    if last in "»›→":
        text = text[:-1].rstrip()
    return text.endswith(("…", "...", "[…]", "[...]"))


def sentence_like(text: str, words: int) -> bool:
    """Whether ``classify`` makes a line that ends like a sentence (``terminal``) "good" or "near"
    whatever the document's stopwords, told from its text and how many words it has (up to
    ``NEAR_UNITS`` at least) alone:
    at least ``NEAR_UNITS`` words and no Chinese, Japanese or Korean characters (so as many
    units), not a table's row, not a bare link, no trailing tag ("[VIDEO]"). The sentence end rules
    out the other headline tests and the separators; the stopwords only tell "good" from "near".
    A row with " | " four times or a trailing tag is refused without the closer tests."""
    return (words >= NEAR_UNITS and text[0] != "|" and ("|" not in text or text.count(" | ") < 4)
            and not ("]" in text and _TRAILING_TAG.search(text))
            and (is_latin1(text) or not cjk_characters(text))
            and not (("/" in text or "@" in text or "www" in text) and _URL.search(text)
                     and len(TOKEN.findall(_URL.sub(" ", text))) < 2))


def title_share(info: LineInfo) -> float:
    """Share of the line's content words (not stopwords) that start upper-case, for lines of up to
    TITLE_MAX_WORDS words (0.0 for longer ones). Computed when first asked: only lines that could
    be headlines or menu items are asked."""
    if info.title < 0:
        title = 0.0
        if info.words <= TITLE_MAX_WORDS:
            stopset = info.stopset
            content = upper = 0
            for t in TOKEN.findall(info.text):
                if t[0].isalpha() and (t.lower() not in stopset if stopset is not None else len(t) > 3):
                    content += 1
                    upper += t[0].isupper()
            title = upper / content if content else 0.0
        info.title = title
    return info.title


def upper_share(info: LineInfo) -> float:
    """Share of the line's letters that are upper-case (computed when first asked)."""
    if info.upper < 0:
        text = info.text
        if text.isascii():  # letters and capitals counted in C
            raw = text.encode("ascii")
            letters = len(raw.translate(None, _NOT_ASCII_LETTER))
            upper = len(raw.translate(None, _NOT_ASCII_UPPER))
        else:
            letters = sum(1 for c in text if c.isalpha())
            upper = sum(1 for c in text if c.isupper())
        info.upper = upper / letters if letters else 0.0
    return info.upper


# Bytes that are not ASCII letters, and bytes that are not ASCII capitals: deleted to count them.
_NOT_ASCII_LETTER = bytes(b for b in range(128) if not chr(b).isalpha())
_NOT_ASCII_UPPER = bytes(b for b in range(128) if not chr(b).isupper())


def document_stopwords(token_lists: list) -> frozenset | None:
    """The stopword list that covers most of the text's words (None when none covers enough)."""
    sample: list = []
    for low in token_lists:
        sample += low
        if len(sample) > LANGUAGE_SAMPLE:
            break
    total = len(sample)
    if not total:
        return None
    english = STOPSETS["en"]  # the common case first: no other list comes close when this one fits
    if sum(map(english.__contains__, sample)) >= 0.25 * total:
        return english
    per_language = dict.fromkeys(STOPSETS, 0)
    for word, n in Counter(filter(_STOP_INDEX.__contains__, sample)).items():
        langs = _STOP_INDEX.get(word)
        if langs:
            for lang in langs:
                per_language[lang] += n
    lang, best = max(per_language.items(), key=lambda kv: kv[1])
    return STOPSETS[lang] if best / total >= 0.12 else None


def classify(info: LineInfo) -> str:
    if info.words == 0:
        return "bad"
    if info.urls and len(TOKEN.findall(_URL.sub(" ", info.text))) < 2:
        return "bad"
    if info.table:
        return "short"
    if info.separators >= 2 and not info.terminal:
        return "bad"
    if headline_like(info):
        return "short"
    known = info.stop >= 0
    stop_ok = info.stop >= GOOD_STOP if known else True
    if info.units >= GOOD_UNITS and stop_ok and (info.terminal or info.units >= 2 * GOOD_UNITS):
        return "good"
    if info.units >= NEAR_UNITS and (info.terminal or (known and info.stop >= GOOD_STOP)):
        return "near"
    return "short"


_TRAILING_TAG = re.compile(r"\[\s*[^\W\d_][^\]\[]{1,14}\]\W*$")


def headline_like(info: LineInfo) -> bool:
    """A headline or link text: a few capitalised words, no sentence punctuation."""
    if not 4 <= info.words <= 20:
        return False
    text = info.text
    if "]" in text and _TRAILING_TAG.search(text):  # "... amid turmoil [VIDEO]": a link's label
        return True
    if info.terminal:
        return False
    if upper_share(info) >= 0.8 and not DATA.search(text):  # "A LONG HISTORY OF THE FEUD"
        return True
    title = title_share(info)
    if title < HEADLINE_TITLE:
        return False
    if info.stop < 0:
        return True
    if info.stop == 0:  # names and places only ("Northwind Labs, Portland, Oregon") are a list's items
        return info.words >= 5 and "," not in info.text and not DATA.search(info.text)
    return info.stop < 0.34 or title >= 0.9



def line_key(info: LineInfo) -> str:
    return " ".join(info.tokens)


def data_row(info: LineInfo) -> bool:
    """A row of figures (results, standings, prices): the article's data, not a menu."""
    numbers = sum(1 for t in info.tokens if t[0].isdigit())
    return info.words >= 4 and numbers >= 0.4 * info.words


def menu_item(info: LineInfo) -> bool:
    return info.kind in ("short", "bad") and 1 <= info.units < SHORT_UNITS and not info.table


# A bare link to an image, style sheet or script: page furniture, never text.
ASSET_URL = re.compile(r"(?i)^\S+\.(?:jpe?g|png|gif|webp|svg|ico|css|js)(?:\?\S*)?$")
SECTION_BREAK = "*-_=~#•·.–— \t"
DATA = re.compile(r"[\d(),;=*+/]")


def menu_like(info: LineInfo) -> bool:
    """A navigation or widget item: a few capitalised words, no figures or clause punctuation."""
    return (info.units < SHORT_UNITS and not info.terminal and info.words >= 1
            and (info.words == 1 or title_share(info) >= 0.5) and not DATA.search(info.text))


_INFIXES = (" v ", " vs ", " vs. ", " - ", " – ", " — ", " @ ", " | ", " / ", " x ", " = ")


def structured_items(run: list[LineInfo]) -> bool:
    """Items that share an inner separator ("Riverside v Northgate", "Best actor - X at the Y"): data."""
    if len(run) < 2:
        return False
    if all(info.segment for info in run):  # labels of a long line: the separators are between them
        joined = " ".join(info.text for info in run)
        return any(joined.count(infix) >= 3 for infix in _INFIXES if infix.strip() not in ("|", "/", "-"))
    counts: dict[str, int] = {}
    for info in run:
        text = _BULLET.sub("", info.text)
        for infix in _INFIXES:
            if infix in text:
                counts[infix] = counts.get(infix, 0) + 1
    return any(c >= 0.7 * len(run) for c in counts.values())


def is_label(info: LineInfo) -> bool:
    """A label, menu item or headline: no sentence punctuation, no figures."""
    return not info.terminal and not DATA.search(info.text) and info.kind != "good"
