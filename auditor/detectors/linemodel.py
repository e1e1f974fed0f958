"""kind: detector — the line model: which plain-text lines are page chrome, judged by shape and context.

Phrases catch chrome that says what it is ("Leave a Reply"). The line model catches chrome by how
it looks and where it sits, in any language: menus, footers, link lists, related-story headlines,
teaser excerpts, stray labels, comment threads. It follows jusText's paragraph classification and
the C4 line rules, on text lines instead of HTML blocks (docs/cleaning.md has the full account):

1. Each non-blank line gets a context-free class from its shape: ``good`` (a body paragraph:
   long, sentence punctuation, the document language's stopwords), ``near`` (sentence-like but
   short), ``short`` (a label, heading, menu item or headline) or ``bad`` (no words, a bare link,
   items joined by separators). Lines that the phrase and pattern rules already delete count as
   ``bad`` too: detectors run after them and read their spans from the context.
2. Runs of short lines are judged as blocks: a list of headlines, or a run of menu items outside
   the article's paragraphs, is chrome; a list the article introduces with a colon, a table, or
   items sharing an inner separator ("Riverside v Northgate") are the article's own. A single short line
   between two paragraphs is a subheading and stays.
3. The article body is the stretch of lines with the largest score (paragraphs count for their
   length, each further line of an unbroken chrome run costs more than the last), starting just
   after the repeated headline when the page prints it again, and ending before a feed of story
   cards. When menus come before that body (a whole page's visible text) everything outside it
   goes; an extractor's output, without such menus, loses only lines that are clearly chrome.
4. Copies: a label printed twice, the headline printed again, a second copy of the body.

The headline (the first non-blank line) is content and is never flagged. The model runs once per
document and is cached on the context; the rules BP701-BP707 report its verdicts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import Context, Hit

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

# -- thresholds ----------------------------------------------------------------------------------
# Line classes (context-free).
GOOD_UNITS = 15         # a body paragraph has at least this many words ...
GOOD_STOP = 0.22        # ... and this share of stopwords (when the language is known)
NEAR_UNITS = 7          # a sentence-like line shorter than a paragraph
SHORT_UNITS = 5         # a label or menu item has fewer words
HEADLINE_TITLE = 0.7    # share of capitalised content words of a headline-style line
TITLE_MAX_WORDS = 24    # the share of capitalised words is computed for lines up to this long
# Blocks.
MIN_BLOCK = 3           # runs of at least this many short lines are judged as a block
TEASER_MIN = 3          # this many excerpts ending in an ellipsis ...
TEASER_SPREAD = 0.12    # ... of nearly one length (relative spread) are teasers
TEASER_MANY = 8         # ... and so are this many, whatever their lengths
COPY_RUN = 4            # this many paragraphs in a row printed again: a second copy of the body
GLUED_WORDS = 150       # a line this long that starts with an earlier paragraph: the body glued
# The body of a whole page's text.
SHORT_SCORE = -2.0      # a short line's cost when finding the body (a run costs 1x, 2x, 3x ... this)
ANCHOR_WINDOW = 12      # the body begins within this many lines of the repeated headline ...
ANCHOR_BODY = 60        # ... which is trusted when at least this much body text follows it
NOISY_HEAD = 8          # this many menu lines before the article: a whole page's text
NOISY_HEAD_ANCHORED = 3  # ... or this many before a repeated headline
NOISY_TAIL = 15         # ... or at least one before and this many after the body
FEED_CARDS = 3          # this many paragraphs in a row, each after 2+ lines of its own: a feed ...
FEED_BODY = 3           # ... once this many paragraphs of the article came before it
NEAR_BODY = 6           # a paragraph this close to the body is kept even across chrome
LIST_MIN_ITEMS = 3      # numbered items in sequence after the body continue it ...
LIST_ITEM_LINES = 3     # ... each followed by at most this many lines of its own
# Cost.
SPLIT_CHARS = 80        # lines longer than this are tokenised by white space (cheaper)
LANGUAGE_SAMPLE = 250   # words enough to tell the language by its stopwords


# -- line shape ----------------------------------------------------------------------------------
_TOKEN = re.compile(r"\w+(?:[’'\-.]\w+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_ELLIPSIS = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*(?:»|›|→)?$")
_SEPARATOR = re.compile(r"(?:^|\s)[|»›>•·/\\]+(?:\s|$)")
_URL = re.compile(r"(?i)(?:https?://|www\.)\S+|[^\s@]{1,64}@[^\s@]{1,255}\.\w{2,}|(?<!\w)@\w{2,}")
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
    title: float        # share of content words (not stopwords) that start upper-case
    terminal: bool      # ends like a sentence
    ellipsis: bool      # ends with an ellipsis (a truncated teaser)
    separators: int
    urls: int
    bullet: bool
    table: bool         # a table row (cells between | bars)
    tokens: list        # lower-cased word tokens
    text: str
    upper: float = -1.0  # share of upper-case letters; see upper_share()
    chrome: bool = False  # already a boilerplate finding of another rule (phrases, patterns)
    kind: str = ""      # good | near | short | bad
    verdict: str = ""   # "" (keep) or the reason it is chrome
    confidence: float = 0.0


def _line_info(pos: int, line, low: list, stopset) -> LineInfo:
    text = line.text
    words = len(low)
    cjk = len(_CJK.findall(text)) if not text.isascii() and max(text) >= "\u3040" else 0
    units = float(words) if not cjk else words + cjk / 2.0
    if stopset is not None:
        stops = sum(map(stopset.__contains__, low))
        stop = stops / words if words else 0.0
    else:
        stop = -1.0
    title = 0.0
    if words <= TITLE_MAX_WORDS:  # the share of capitalised words matters for short lines only
        content = upper = 0
        for t in _TOKEN.findall(text):
            if t[0].isalpha() and (t.lower() not in stopset if stopset is not None else len(t) > 3):
                content += 1
                upper += t[0].isupper()
        title = upper / content if content else 0.0
    last = text[-1] if text else ""
    end = text.rstrip(_CLOSERS)[-1:]
    terminal = end in _TERMINAL_CHARS
    return LineInfo(
        pos=pos, index=line.index, start=line.start, end=line.end, words=words, units=units, stop=stop,
        title=title,
        terminal=terminal,
        ellipsis=last in "….»›→]" and bool(_ELLIPSIS.search(text)),
        separators=0 if terminal else len(_SEPARATOR.findall(text)),
        urls=len(_URL.findall(text)) if ("/" in text or "@" in text or "www" in text) else 0,
        bullet=bool(_BULLET.match(text)),
        table=text.startswith("|") or last == "|",
        text=text,
        tokens=low,
    )


_CLOSERS = "\"'”’»)]"
_TERMINAL_CHARS = frozenset(".!?。！？؟।:;")


def upper_share(info: LineInfo) -> float:
    """Share of the line's letters that are upper-case (computed when first asked)."""
    if info.upper < 0:
        text = info.text
        letters = sum(1 for c in text if c.isalpha())
        info.upper = sum(1 for c in text if c.isupper()) / letters if letters else 0.0
    return info.upper


def document_stopwords(token_lists: list) -> frozenset | None:
    """The stopword list that covers most of the text's words (None when none covers enough)."""
    from collections import Counter

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
    if info.urls and len(_TOKEN.findall(_URL.sub(" ", info.text))) < 2:
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
    if upper_share(info) >= 0.8 and not _DATA.search(text):  # "A LONG HISTORY OF THE FEUD"
        return True
    if info.title < HEADLINE_TITLE:
        return False
    if info.stop < 0:
        return True
    if info.stop == 0:  # names and places only ("Northwind Labs, Portland, Oregon") are a list's items
        return info.words >= 5 and "," not in info.text and not _DATA.search(info.text)
    return info.stop < 0.34 or info.title >= 0.9


def judge(ctx: Context) -> list[LineInfo]:
    """Every non-blank line with its class and verdict; computed once per document."""
    cached = ctx.cache.get("linemodel")
    if cached is not None:
        return cached
    document = ctx.document
    lines = document.content_lines
    known = STOPSETS.get(ctx.cache.get("language", ""))  # the engine's guess, when it has a list here
    if known is not None and "chrome_spans" not in ctx.cache and _all_paragraphs(lines, known):
        ctx.cache["linemodel_body"] = {}
        ctx.cache["linemodel"] = []
        return []  # a headline and paragraphs only: the common case, decided cheaply
    # Long lines are body text or close to it: splitting on white space is enough there.
    lowered = [line.text.lower().split() if len(line.text) > SPLIT_CHARS else _TOKEN.findall(line.text.lower())
               for line in lines]
    stopset = known if known is not None else document_stopwords(lowered)
    infos = [_line_info(pos, line, low, stopset) for pos, (line, low) in enumerate(zip(lines, lowered))]
    for info in infos:
        info.kind = classify(info)
    _mark_chrome(infos, ctx.cache.get("chrome_spans"))
    ctx.cache["linemodel_body"] = _revise(infos)
    ctx.cache["linemodel"] = infos
    return infos


def _all_paragraphs(lines, stopset) -> bool:
    """Whether every line after the headline is a body paragraph (the model would flag nothing)."""
    for line in lines[1:]:
        text = line.text
        if (len(text) <= SPLIT_CHARS or text[0] == "|" or "]" in text[-4:]
                or text.rstrip(_CLOSERS)[-1:] not in _TERMINAL_CHARS):
            return False
        low = text.lower().split()
        if len(low) < GOOD_UNITS or sum(map(stopset.__contains__, low)) < GOOD_STOP * len(low):
            return False
    return len(lines) > 1


def _mark_chrome(infos: list[LineInfo], spans) -> None:
    """Lines that other rules already delete as a whole are chrome to the model too."""
    if not spans or not infos:
        return
    import bisect

    starts = [i.start for i in infos]
    for a, b in spans:
        k = max(0, bisect.bisect_right(starts, a) - 1)
        while k < len(infos) and infos[k].start < b:
            info = infos[k]
            if a <= info.start and info.end <= b and info.pos > 0:
                info.chrome = True
                info.kind = "bad"
            k += 1


def _norm(info: LineInfo) -> str:
    return " ".join(info.tokens)


def _title_anchor(infos: list[LineInfo]) -> int:
    """The line that repeats the headline (the article's own heading in a whole page's text), or 0."""
    title = set(infos[0].tokens)
    if len(title) < 3:
        return 0
    for info in infos[1:]:
        if info.words < 3 or info.words > 2 * len(title):
            continue
        tokens = info.tokens
        shared = sum(1 for t in tokens if t in title)
        if shared >= 0.8 * len(tokens) and shared >= 0.6 * len(title):
            return info.pos
    return 0


def _body_segment(infos: list[LineInfo], score, start: int = 1,
                  latest: int | None = None) -> tuple[int, int, float]:
    """The stretch of lines with the largest total score (maximum subarray): the article body.

    Each further line of an uninterrupted run of chrome costs more than the one before, so the
    body bridges a caption or an advert but not a menu or a footer. With ``latest``, the
    stretch must begin by that line (the article follows its headline closely).
    """
    best, best_a, best_b = 0.0, start, start - 1
    total, a, run = 0.0, start, 0
    for k in range(start, len(infos)):
        value = score(infos[k])
        if value < 0:
            run += 1
            value *= run
        else:
            run = 0
        if total <= 0 and (latest is None or k <= latest):
            total, a = 0.0, k
        total += value
        if total > best:
            best, best_a, best_b = total, a, k
    return best_a, best_b, best


def _line_score(info: LineInfo) -> float:
    if info.verdict or info.chrome:
        return -2.0 - info.units / 4
    kind = info.kind
    if headline_like(info):
        return -2.0
    if kind == "good":
        return info.units if info.terminal else info.units / 4
    if kind == "near":
        return info.units / 2 if info.terminal else -1.0
    if kind == "short":
        return 0.5 if info.table or _data_row(info) else SHORT_SCORE
    return -3.0


def _data_row(info: LineInfo) -> bool:
    """A row of figures (results, standings, prices): the article's data, not a menu."""
    numbers = sum(1 for t in info.tokens if t[0].isdigit())
    return info.words >= 4 and numbers >= 0.4 * info.words


def _menu_item(info: LineInfo) -> bool:
    return info.kind in ("short", "bad") and 1 <= info.units < SHORT_UNITS and not info.table


# A bare link to an image, style sheet or script: page furniture, never text.
_ASSET_URL = re.compile(r"(?i)^\S+\.(?:jpe?g|png|gif|webp|svg|ico|css|js)(?:\?\S*)?$")
_SECTION_BREAK = "*-_=~#•·.–— \t"
_DATA = re.compile(r"[\d(),;=*+/]")


def _menu_like(info: LineInfo) -> bool:
    """A navigation or widget item: a few capitalised words, no figures or clause punctuation."""
    return (info.units < SHORT_UNITS and not info.terminal and info.words >= 1
            and (info.title >= 0.5 or info.words == 1) and not _DATA.search(info.text))


_INFIXES = (" v ", " vs ", " vs. ", " - ", " – ", " — ", " @ ", " | ", " / ", " x ", " = ")


def _structured(run: list[LineInfo]) -> bool:
    """Items that share an inner separator ("Riverside v Northgate", "Best actor - X at the Y"): data."""
    if len(run) < 2:
        return False
    counts: dict[str, int] = {}
    for info in run:
        text = _BULLET.sub("", info.text)
        for infix in _INFIXES:
            if infix in text:
                counts[infix] = counts.get(infix, 0) + 1
    return any(c >= 0.7 * len(run) for c in counts.values())


def _label(info: LineInfo) -> bool:
    """A label, menu item or headline: no sentence punctuation, no figures."""
    return not info.terminal and not _DATA.search(info.text) and info.kind != "good"


def _judge_run(run: list[LineInfo], enclosed: bool, noisy: bool, mark) -> None:
    """A run of short lines as a block: a list of headlines, a menu, or the article's own lines."""
    if not run or sum(1 for i in run if i.table) >= len(run) / 2 or _structured(run):
        return
    links = sum(1 for i in run if i.urls and i.kind == "bad")
    if len(run) >= 2 and links >= 0.7 * len(run):  # "Listen: http://…", "Download: http://…"
        for i in run:
            mark(i.pos, "short-block", 0.75)
        return
    headlines = sum(1 for i in run if headline_like(i))
    tiny = sum(1 for i in run if _menu_item(i) and (noisy or _menu_like(i)))
    if (len(run) >= 2 and headlines >= max(2, 0.6 * len(run)) and (noisy or not enclosed)
            or len(run) >= 3 and headlines >= 0.8 * len(run)):
        for i in run:
            mark(i.pos, "headline-list", 0.8)
    elif len(run) >= MIN_BLOCK and tiny >= 0.7 * len(run) and not enclosed:
        for i in run:
            mark(i.pos, "short-block", 0.85)
    elif len(run) >= 2 * MIN_BLOCK and tiny >= 0.8 * len(run):
        for i in run:
            mark(i.pos, "short-block", 0.7)


# A time stamp on a card: a year, a clock time, "3h", "5 hours ago".
_TIMEISH = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[:.]\d\d\b|\b\d+\s?[hmd]\b|\bago\b", re.I)


def _card_line(info: LineInfo) -> bool:
    """A story card's headline or time stamp."""
    return headline_like(info) or (info.words <= 6 and bool(_TIMEISH.search(info.text)))


_ENUMERATOR = re.compile(r"^\s*(?:#|No\.?\s*)?(\d{1,3})\s*[.):]\s*\S")


def _numbered_list_end(infos: list[LineInfo], a: int, b: int) -> int:
    """Where the body ends when a numbered list continues it ("1) ...", "2) ...", "3) ...").

    Listicles and shopping roundups put their items, each with a line or two of its own, after
    the last paragraph. Items numbered in sequence from 1 (or on from an item in the body) are
    the article's; the list ends where the numbering stops.
    """
    expected, last, gaps = None, None, []
    for k in range(b, a - 1, -1):  # a list that starts inside the body goes on after it
        m = _ENUMERATOR.match(infos[k].text)
        if m:
            expected, last = int(m.group(1)) + 1, k
            break
    items = 0
    for k in range(b + 1, len(infos)):
        m = _ENUMERATOR.match(infos[k].text)
        number = int(m.group(1)) if m else None
        if number is not None and (number == expected or (expected is None and number == 1 and k - b <= 2)):
            if last is not None:
                gaps.append(k - last)
            expected, last, items = number + 1, k, items + 1
        elif last is None or k - last > LIST_ITEM_LINES:
            break
    if items < LIST_MIN_ITEMS or last is None or last <= b:
        return b
    stride = min(gaps) if gaps else 1  # the last item keeps as many lines as the others
    return min(len(infos) - 1, last + stride - 1)


def _before_feed(infos: list[LineInfo], kinds: list[str], a: int, b: int) -> int:
    """Where the body ends when a feed of story cards follows it inside the stretch.

    A card is a paragraph (the teaser) after two or more lines of its own, one of them a time
    stamp (headline, author, date); several cards in a row after the article's own paragraphs are
    a "more stories" feed.
    An article that is itself made of such entries (a live blog) keeps them.
    """
    goods = [k for k in range(a, b + 1) if kinds[k] == "good" and not infos[k].verdict]
    cards = []
    previous = a - 1
    for k in goods:
        between = infos[previous + 1:k]
        cards.append(len(between) >= 2 and any(i.words <= 6 and _TIMEISH.search(i.text) for i in between))
        previous = k
    for i in range(FEED_BODY, len(goods) - FEED_CARDS + 1):
        if all(cards[i:i + FEED_CARDS]) and not any(cards[:i]):
            return goods[i - 1]
    return b


def _revise(infos: list[LineInfo]) -> dict:
    n = len(infos)
    if n <= 1:
        return {}
    kinds = [i.kind for i in infos]
    if all(k == "good" and i.terminal for k, i in zip(kinds[1:], infos[1:])):
        return {}  # a headline and paragraphs: nothing here looks like chrome

    def mark(k: int, reason: str, confidence: float) -> None:
        if k == 0 or infos[k].verdict or infos[k].chrome:
            return
        infos[k].verdict, infos[k].confidence = reason, confidence

    # Teasers: excerpts that a publishing system cut to one length and ended with an ellipsis.
    teasers = [k for k in range(1, n) if infos[k].ellipsis and kinds[k] in ("good", "near")]
    if len(teasers) >= TEASER_MIN:
        lengths = [len(infos[k].text) for k in teasers]
        mean = sum(lengths) / len(lengths)
        spread = (sum((x - mean) ** 2 for x in lengths) / len(lengths)) ** 0.5 / mean
        if spread <= TEASER_SPREAD or len(teasers) >= TEASER_MANY:
            for k in teasers:
                mark(k, "teaser", 0.7)

    # Paragraphs printed again (metadata, print views, a second copy of the page): the copies go,
    # as do long lines that start like an earlier paragraph and run on (the body glued together).
    openings: dict[tuple, int] = {}
    copies: list[int] = []  # exact copies: page text prints them twice, an article rarely does
    for k in range(1, n):
        tokens = infos[k].tokens
        if len(tokens) >= 8:
            key = tuple(tokens[:8])
            first = openings.get(key)
            if first is None:
                openings[key] = k
            elif (len(tokens) >= max(GLUED_WORDS, 2 * len(infos[first].tokens))
                  and tokens[:len(infos[first].tokens)] == infos[first].tokens):
                mark(k, "repeated", 0.75)
            elif tokens == infos[first].tokens:
                copies.append(k)

    for k in copies:
        infos[k].verdict = "copy"  # provisional: scored as chrome when finding the body
    # The body: the best stretch after the repeated headline (when the rest of the page follows
    # it), else the best stretch anywhere.
    a, b, best = _body_segment(infos, _line_score)
    anchor = _title_anchor(infos)
    if anchor:
        a1, b1, best1 = _body_segment(infos, _line_score, anchor + 1, anchor + ANCHOR_WINDOW)
        if best1 >= min(0.5 * best, ANCHOR_BODY):
            a, b = a1, b1
        else:
            anchor = 0
    # Navigation comes before the article: count menu items before its first paragraph.
    first = next((k for k in range(anchor + 1, a) if kinds[k] == "good" and infos[k].terminal
                  and not infos[k].verdict), a)
    head = sum(1 for k in range(1, first) if _menu_item(infos[k]))
    tail = sum(1 for k in range(b + 1, n) if _menu_like(infos[k]))
    # A whole page's text: navigation before the body, or a long footer after it.
    noisy = (head >= NOISY_HEAD or (head >= 1 and tail >= NOISY_TAIL)
             or (anchor > 0 and head >= NOISY_HEAD_ANCHORED))
    # Copies go in a whole page's text, or when the body is printed again: several paragraphs in
    # a row that all repeat earlier ones. A single repeated paragraph (a pull quote, a recipe step
    # shared by two menus) stays in an extractor's output.
    copied = set(copies)
    streak: list[int] = []
    for k in [k for k in range(1, n) if kinds[k] == "good"] + [n]:
        if k in copied:
            streak.append(k)
            continue
        if len(streak) >= COPY_RUN:
            copied_run = set(streak)
            for m in copied_run:
                infos[m].verdict = ""
                mark(m, "repeated", 0.75)
        streak = []
    for k in copies:
        if infos[k].verdict == "copy":
            infos[k].verdict = ""
            if noisy:
                mark(k, "repeated", 0.75)
    if noisy:
        b = _before_feed(infos, kinds, a, b)
        first, last = a, b
    else:  # an extractor's output: the body runs from the first to the last body paragraph
        good = [k for k in range(1, n) if kinds[k] == "good" and not infos[k].verdict]
        first, last = (good[0], good[-1]) if good else (n, n - 1)
    list_end = _numbered_list_end(infos, first, last) if first <= last else last
    listed = [last < k <= list_end for k in range(n)]
    if noisy:
        b = list_end
    inside = [first <= k <= list_end for k in range(n)]

    # Short lines repeated within the text: menus and widgets printed twice, section labels.
    seen: dict[str, list[int]] = {}
    for k in range(1, n):
        info = infos[k]
        if info.words >= 2 and not info.table:
            seen.setdefault(_norm(info), []).append(k)
    headline_key = _norm(infos[0])
    for key, where in seen.items():
        if key == headline_key:
            for k in where:
                mark(k, "repeated", 0.75)
        elif len(where) < 2:
            continue
        elif infos[where[0]].kind == "good":
            if noisy:  # a paragraph printed twice: the copies outside the body go
                for k in where:
                    if not inside[k]:
                        mark(k, "repeated", 0.75)
        elif noisy or not any(inside[k] for k in where) and _label(infos[where[0]]):
            for k in where:  # a label or menu printed twice: every copy goes
                mark(k, "repeated", 0.75)

    # Runs of non-sentence lines (short or bad), judged as blocks. A list the text introduces
    # with a colon is the article's own: the run is judged only up to the introducing line.
    k = 1
    while k < n:
        if kinds[k] not in ("short", "bad"):
            k += 1
            continue
        j = k
        while j < n and kinds[j] in ("short", "bad"):
            j += 1
        end = j
        for m in range(k, j):
            if infos[m].text.endswith(":"):
                end = m
                break
        if not (k >= 2 and infos[k - 1].text.endswith(":")):
            # a run that another rule's chrome opens ("Related:", "Read more") is a link list
            enclosed = inside[k] and j < n and inside[j] and not infos[k].chrome
            # The numbered list that ends the article is its own; the rest of the run is judged.
            run = [i for i in infos[k:end] if not listed[i.pos]]
            _judge_run(run, enclosed, noisy, mark)
        k = j
    body = {"start": a, "end": b, "anchor": anchor, "head": head, "tail": tail, "noisy": noisy}
    # In a whole page's text, everything outside the body.
    if noisy:
        for k in range(1, n):
            if inside[k]:
                continue
            info = infos[k]
            # A paragraph just past the body, beyond a short widget ("Share", "Tweet", "Email"),
            # is more likely the article's own than the page's.
            if (kinds[k] == "good" and info.terminal and not info.verdict and k > anchor
                    and min(abs(k - a), abs(k - b)) <= NEAR_BODY
                    and not any(_card_line(i) for i in infos[min(k, b) + 1:max(k, a)])):
                continue
            mark(k, "outside-body", 0.8 if kinds[k] != "good" else 0.6)
    # Lines with no words or only a link.
    for k in range(1, n):
        info = infos[k]
        if kinds[k] != "bad" or not (noisy or info.words == 0 or _ASSET_URL.match(info.text)):
            continue
        if not noisy and inside[k] and not info.text.strip(_SECTION_BREAK):
            continue  # "* * *" between two paragraphs is the article's own section break
        mark(k, "non-text", 0.7)
    return body


# -- the rules ---------------------------------------------------------------------------------
# Each rule reports the lines the model gave its reason; the model runs once per document.
INFO_BELOW = 0.7  # verdicts less confident than this are reported as info


def _report(ctx: Context, rule, reason: str):
    for info in judge(ctx):
        if info.verdict == reason:
            severity = "warning" if info.confidence >= INFO_BELOW else "info"
            yield Hit(rule, info.start, info.end, {"reason": reason}, confidence=info.confidence,
                      severity=severity)


def chrome_block(ctx: Context, rule):
    yield from _report(ctx, rule, "short-block")


def headline_list(ctx: Context, rule):
    yield from _report(ctx, rule, "headline-list")


def outside_body(ctx: Context, rule):
    yield from _report(ctx, rule, "outside-body")


def teaser(ctx: Context, rule):
    yield from _report(ctx, rule, "teaser")


def repeated_in_document(ctx: Context, rule):
    yield from _report(ctx, rule, "repeated")


def non_text(ctx: Context, rule):
    yield from _report(ctx, rule, "non-text")


_VOCABULARY: dict[int, tuple[frozenset, frozenset]] = {}


def _comment_vocabulary(rule) -> tuple[frozenset, frozenset]:
    cached = _VOCABULARY.get(id(rule))
    if cached is None:
        options = rule.spec.get("options", {})
        nouns = {w.casefold() for words in options.get("headings", {}).values() for w in words}
        modifiers = {w.casefold() for words in options.get("modifiers", {}).values() for w in words}
        cached = _VOCABULARY[id(rule)] = (frozenset(nouns), frozenset(modifiers))
    return cached


def _comments_heading(info: LineInfo, nouns, modifiers) -> bool:
    if info.words == 0 or info.words > 5 or (info.terminal and not info.text.endswith(":")):
        return False
    found = False
    for token in info.tokens:
        if token in nouns:
            found = True
        elif not (token in modifiers or token.isdigit()):
            return False
    return found


def comment_section(ctx: Context, rule):
    """A comments heading after the article's paragraphs opens the comment section: it runs to
    the end of the text."""
    infos = judge(ctx)
    if len(infos) < 3:
        return
    nouns, modifiers = _comment_vocabulary(rule)
    body = ctx.cache.get("linemodel_body") or {}
    start = body.get("start", 1) if body.get("noisy") else 1
    good = 0
    for k in range(1, len(infos)):
        info = infos[k]
        if info.kind == "good" and k >= start and not info.verdict:
            good += 1
        elif good >= 2 and k < len(infos) - 1 and _comments_heading(info, nouns, modifiers):
            for rest in infos[k:]:
                if not rest.verdict and not rest.chrome:
                    yield Hit(rule, rest.start, rest.end, {"heading": info.text}, confidence=0.8,
                              severity="warning")
            return
