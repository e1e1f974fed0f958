"""Chrome inside paragraphs and text without line breaks: what is flagged, what `clean` removes,
and that an article written as one long line is never deleted whole."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from auditor import Document, audit, load_ruleset
from auditor.engine.clean import clean_document
from auditor.core.narrowing import narrow

RULESET = load_ruleset()
OPTIONS = {"grammar": False}
WORD = re.compile(r"\w+")

# An article of our own, one sentence per entry, long enough (over 200 words) to be judged by its
# sentences when it is written as a single line.
ARTICLE = [
    "Winds of 120 km/h closed the coast road on Sunday, and police said it would stay shut until the storm had passed.",
    "The council said that repairs would begin on Tuesday once engineers had inspected the damaged sea wall.",
    "Residents were told to avoid the seafront and to check the council's website for the latest updates.",
    "Several families in the lower town spent the night with relatives after water reached their doors.",
    "The fire service said it had answered more than forty calls, most of them about flooded cellars.",
    "A spokesman for the harbour said that two fishing boats had broken their moorings but nobody was hurt.",
    "Schools in the district will open as usual on Monday, although buses will take a longer route inland.",
    "The weather service expects the wind to ease by Monday evening, with showers moving east overnight.",
    "Shop owners on the promenade said they would count the cost of the damage once the water had gone.",
    "The mayor thanked the volunteers who filled sandbags through the night and promised help for the repairs.",
    "Engineers will also check the old pier, which was closed last winter after a smaller storm damaged it.",
    "The council will publish a full account of the damage and of the money it needs by the end of the month.",
]
ONE_LINE = " ".join(ARTICLE)


def run(text: str):
    return audit(Document(text), RULESET, options=OPTIONS)


def cleaned(text: str) -> str:
    return clean_document(Document(text), lambda d: audit(d, RULESET, None, options=OPTIONS)).text


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


# -- inline chrome: exact spans, removed alone -----------------------------------------------------

@pytest.mark.parametrize("chrome", [
    "Advertisement",
    "-- Advertisement --",
    "Share this: Email Twitter Facebook Like this: Like Loading...",
    "(AP Photo/Jane Roe)",
    "(Photo: SAM PARK/COUNTY NEWS FILE PHOTO)",
    "(Photo by Lena Vos/Getty Images)",
    "CLOSE Buy Photo",
    "Image 3 of 12 Caption Close",
    "Read or Share this story: /story/news/local/harbour-plan/4962603002",
    "We use cookies to improve your experience on our website.",
    "Sign up to FREE email alerts from Harbour Times - daily Subscribe",
])
def test_chrome_inside_a_paragraph_is_flagged_exactly_and_removed_alone(chrome):
    before, after = ARTICLE[0], ARTICLE[1]
    text = f"Storm closes coast road\n\n{before} {chrome} {after}\n\n{ARTICLE[2]}"
    spans = [f.text for f in run(text).findings if f.fix and f.fix.action == "delete"]
    assert chrome in spans, spans
    assert all(not (set(span.split()) & set(before.split() + after.split())) or span == chrome for span in spans)
    assert cleaned(text) == f"Storm closes coast road\n\n{before} {after}\n\n{ARTICLE[2]}"


def test_several_inline_chrome_spans_in_one_paragraph_are_each_found():
    text = (f"{ARTICLE[0]} We use cookies to improve your experience on our website. By continuing to use "
            f"this site you agree to our use of cookies. {ARTICLE[1]}")
    assert cleaned(text) == f"{ARTICLE[0]} {ARTICLE[1]}"


def test_a_tweet_signature_is_reported_but_kept_unless_unsafe_fixes_are_asked_for():
    text = f"{ARTICLE[0]} What a night for the town! — Harbour FC (@harbourfc) March 12, 2020 {ARTICLE[1]}"
    found = [f for f in run(text).findings if f.code == "BP804"]
    assert [f.text for f in found] == ["— Harbour FC (@harbourfc) March 12, 2020"]
    assert found[0].fix.safety == "unsafe"
    assert cleaned(text) == text


# -- a delete takes only what its evidence covers ---------------------------------------------------

def test_a_long_one_line_article_is_never_deleted_whole():
    """A credit at the end of an article written as one line goes; the article stays."""
    text = f"{ONE_LINE} (Photo: Jane Roe/Getty Images)"
    assert cleaned(text) == ONE_LINE


LINE_RULE = """
- code: XX501
  name: credit-line
  category: boilerplate
  severity: warning
  kind: patterns
  span: line
  fix: {action: delete, safety: safe}
  message: Credit line
  why: A line that ends with an agency credit is a caption.
  patterns: ['Getty Images\\.?$']
  examples: {match: ['Crews at work. Jane Roe/Getty Images'], no_match: ['Getty Images said so.']}
"""


def test_a_line_wide_rule_takes_only_its_sentence_of_a_long_line(tmp_path):
    """A rule that judges whole lines judges a one-line article by its sentences: it takes the
    credit that ends it, never the article; on a short line it takes the whole line."""
    pack = tmp_path / "credit.yaml"
    pack.write_text(LINE_RULE, encoding="utf-8")
    rules = load_ruleset(extra=[pack], select=["XX5"])
    text = f"{ONE_LINE} Crews at work on the sea wall. Jane Roe/Getty Images"
    findings = [f for f in audit(Document(text), rules, options=OPTIONS).findings if f.code == "XX501"]
    assert [f.text for f in findings] == ["Jane Roe/Getty Images"]
    assert findings[0].fix.safety == "safe"
    result = clean_document(Document(text), lambda d: audit(d, rules, None, options=OPTIONS)).text
    assert result == f"{ONE_LINE} Crews at work on the sea wall."
    short = "Storm closes coast road\n\nCrews at work on the sea wall. Jane Roe/Getty Images\n\n" + ARTICLE[0]
    assert [f.text for f in audit(Document(short), rules, options=OPTIONS).findings if f.code == "XX501"] == [
        "Crews at work on the sea wall. Jane Roe/Getty Images"]
    prose_only = f"{ONE_LINE} The agency said the pictures were taken by a photographer for Getty Images."
    refused = [f for f in audit(Document(prose_only), rules, options=OPTIONS).findings if f.code == "XX501"]
    assert refused and all(f.fix.safety == "unsafe" for f in refused)  # found, but not deleted
    assert clean_document(Document(prose_only), lambda d: audit(d, rules, None, options=OPTIONS)).text == prose_only


def test_a_line_that_is_chrome_as_a_whole_goes_whole():
    caption = "The foreign ministers at the talks in Geneva on Monday. © AP"
    text = f"Storm closes coast road\n\n{ARTICLE[0]}\n\n{caption}\n\n{ARTICLE[1]}"
    assert cleaned(text) == f"Storm closes coast road\n\n{ARTICLE[0]}\n\n{ARTICLE[1]}"


def test_narrowing_refuses_a_delete_of_prose_with_no_chrome_at_its_edges():
    assert narrow(ONE_LINE, 0, len(ONE_LINE)) is None
    short = "See also: how the storm closed the coast road"
    assert narrow(short, 0, len(short)) == [(0, len(short))]


# -- text without line breaks: the line model judges sentences and labels ----------------------------

MENU = "Home News Local Sport Weather Business Opinion Podcasts Newsletters Events Jobs Contact"
FOOTER = "About us Contact Advertise Careers Privacy Terms Accessibility Sitemap"


def test_a_page_without_line_breaks_loses_its_menus_and_keeps_its_article():
    page = f"Storm closes coast road | Daily Courier {MENU} {MENU} Storm closes coast road {ONE_LINE} {FOOTER}"
    result = cleaned(page)
    for sentence in ARTICLE:
        assert sentence in result
    assert "Podcasts" not in result and "Sitemap" not in result


def test_a_page_without_line_breaks_finds_its_article_after_the_repeated_headline():
    """The headline that opens a flattened page, printed again before the article, marks where the
    article starts: a longer feed of teasers elsewhere on the page goes."""
    headline = "Harbour Officials Report Sixth Case Linked To Storm Flooding"
    feed = " ".join([
        "Looking for a great place to eat near the harbour this weekend, whether you are a born bargain hunter or just hungry?",
        "We crunched the numbers to find the top seafood spots in town to venture to the next time you want fresh fish.",
        "The best coffee shops on the promenade are busier than ever, and the owners say the new tables outside are the reason.",
        "Wondering where to find the best cheese near you? We asked the shop owners of the old town what they would recommend.",
        "A new bakery offering bread and cakes has opened in the market square, and the queue went round the block on Saturday.",
        "If you need more desserts in your life, these five cafes near the station serve the sweetest treats in the county.",
        "The farmers market returns to the square on Sunday with more stalls than last year and music from the town band.",
        "Readers picked their favourite walks along the coast path, and the cliff route to the lighthouse came out on top.",
    ])
    article = " ".join(ARTICLE[:5])
    page = f"{headline} – Daily Courier {MENU} {feed} {MENU} {headline} November 19, 2019 at 9:45 am {article} {FOOTER}"
    result = cleaned(page)
    assert all(sentence in result for sentence in ARTICLE[:5])
    assert "bargain hunter" not in result and "lighthouse" not in result


def test_an_article_without_line_breaks_loses_nothing():
    text = f"Storm closes coast road {ONE_LINE}"
    assert cleaned(text) == text


def test_a_chrome_sentence_of_a_long_line_goes_alone():
    """Rules that judge whole lines judge a long line by its sentences: a sign-up or follow prompt
    between the article's sentences goes, and the sentences around it stay."""
    middle = len(ARTICLE) // 2
    for chrome in ("Follow Harbour Times on Facebook, Twitter and Instagram.",
                   "Subscribe to our newsletter for the latest updates."):
        text = " ".join(ARTICLE[:middle] + [chrome] + ARTICLE[middle:])
        assert cleaned(text) == ONE_LINE, chrome


def test_a_lead_in_followed_by_prose_is_found_but_not_deleted():
    """"More:" opening a sentence that goes on as prose is no evidence against the sentence."""
    sentence = "More: The council did not say when the repairs to the sea wall would be finished."
    text = " ".join(ARTICLE[:6] + [sentence] + ARTICLE[6:])
    assert cleaned(text) == text


def test_a_schedule_written_without_line_breaks_stays_in_an_extractors_output():
    """Labels cut from a long line (dates, venues, names) are the article's own when no menus
    surround it: only a whole page's text loses labels outside its body."""
    dates = ("The Harbour Band Summer Tour 2021 dates: June 9 – Riverside Arena, Northgate June 10 – "
             "Old Quay Theatre, Eastfield June 14 – Millbrook Hall, Westport June 17 – Hillcrest Park, Harbour Town")
    text = f"{ONE_LINE} {dates}"
    assert cleaned(text) == text


def test_a_list_the_article_introduces_after_its_last_sentence_stays_in_a_whole_page():
    """In a flattened page, labels right after the article that a colon introduces and that carry
    figures and commas are the article's list; the footer run into it still goes."""
    dates = ("The Harbour Band will play these dates: June 9 – Riverside Arena, Northgate June 10 – Old Quay "
             "Theatre, Eastfield June 14 – Millbrook Hall, Westport June 17 – Hillcrest Park, Harbour Town")
    page = f"Storm closes coast road | Daily Courier {MENU} {MENU} Storm closes coast road {ONE_LINE} {dates} {FOOTER}"
    result = cleaned(page)
    assert all(sentence in result for sentence in ARTICLE)
    kept = words(result)
    assert " ".join(words(dates)) in " ".join(kept)  # every word of the list, in order
    assert "sitemap" not in kept and "privacy" not in kept


def test_a_footer_of_bare_labels_after_a_one_line_article_goes():
    """Bare menu words after the last sentence are a footer even without menus before the article;
    the spaces between them go too, and the article ends as it was written."""
    footer = ("About Us Contact Advertise Careers Privacy Policy Terms Accessibility Sitemap Newsletters "
              "Podcasts Jobs Events")
    assert cleaned(f"Storm closes coast road {ONE_LINE} {footer}") == f"Storm closes coast road {ONE_LINE}"


def test_quoted_titles_in_a_sentence_are_not_a_menu():
    """Song or book titles in quotes are the sentence's own words: a long line keeps the sentence
    that lists them whole, where a run of bare capitalised labels would be cut off as a menu."""
    titles = ("Favourites on the tour include “Harbour Lights,” “Down By The Old Quay,” “Northern Winds Again,” "
              "“Sea Wall Blues,” “Storm Over Eastfield,” “Ferry Song For Anna,” “The Long Road Home,” "
              "“Lanterns On The Water” and a few others.")
    segments = Document(f"{ONE_LINE} {titles} {ARTICLE[0]}").segments
    assert titles in [segment.text for segment in segments]
    menu = Document(f"{ONE_LINE} {MENU} {MENU} {ARTICLE[0]}").segments
    assert "Podcasts" in [segment.text for segment in menu]


# -- no article, no pass ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "",
    "  \n\n \t\n",
    "We use cookies to improve your experience on our website. By continuing to use this site you agree "
    "to our use of cookies.",
    "Home\nNews\nSport\nWeather\nContact Us",
])
def test_empty_blank_and_chrome_only_texts_fail_the_gate(tmp_path, text):
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    report = run(text)
    assert report.verdict == "fail"
    assert [f.code for f in report.findings if f.scope == "document"] == ["BP001"]
    check = subprocess.run([sys.executable, "-m", "auditor", "check", "--no-grammar", "--format", "json", str(path)],
                           capture_output=True, text=True)
    assert check.returncode == 1, check.stderr
    assert json.loads(check.stdout)["documents"][0]["verdict"] == "fail"


def test_an_article_passes_the_no_article_check():
    report = run(f"Storm closes coast road\n\n{ARTICLE[0]}\n\n{ARTICLE[1]}")
    assert not [f for f in report.findings if f.code == "BP001"]


def test_clean_on_a_chrome_only_text_writes_what_is_left_and_says_so(tmp_path):
    path = tmp_path / "cookies.txt"
    path.write_text("We use cookies to improve your experience on our website.\nWeather warning\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "auditor", "clean", "--no-grammar", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Weather warning\n"  # what no fix covers stays
    assert "nothing of an article is left" in result.stderr


# -- real text without line breaks (third-party data beside the project) ----------------------------

def test_gold_bodies_without_line_breaks_keep_their_words(eval_dir):
    """Article bodies a person marked, with their line breaks removed: cleaning keeps nearly every
    word, and never deletes most of a body."""
    rows = [json.loads(line) for line in (eval_dir / "aeb-dev.jsonl").read_text(encoding="utf-8").splitlines()]
    lost = total = 0
    for row in rows:
        text = re.sub(r"\s*\n\s*", " ", row["gold"] or "")
        before, after = words(text), words(cleaned(text))
        total += len(before)
        lost += max(0, len(before) - len(after))
        assert len(after) >= 0.5 * len(before), row["id"]
    assert lost <= 0.02 * total


# -- the line model's settings are options of its rules ---------------------------------------------

def test_a_line_model_rule_with_bad_settings_is_refused_with_its_file(tmp_path):
    from auditor.engine.ruleset import RulePackError

    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "- code: XX701\n  name: my-teasers\n  category: boilerplate\n  severity: warning\n"
        "  kind: detector\n  detector: linemodel.lines\n  fix: {action: delete, safety: safe}\n"
        "  message: Teaser\n  why: Teasers.\n  options:\n    verdict: teaser\n    model: {confidence: {teaser: high}}\n"
        "  examples: {match: [x], no_match: [y]}\n", encoding="utf-8")
    with pytest.raises(RulePackError) as excinfo:
        load_ruleset(extra=[pack])
    assert "mine.yaml" in str(excinfo.value) and "line model options" in str(excinfo.value)


@pytest.mark.parametrize("verdict", ["", "    verdict: teasers\n"])
def test_a_line_model_rule_without_a_known_verdict_is_refused_with_its_file(tmp_path, verdict):
    from auditor.engine.ruleset import RulePackError

    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "- code: XX702\n  name: my-lines\n  category: boilerplate\n  severity: warning\n"
        "  kind: detector\n  detector: linemodel.lines\n  fix: {action: delete, safety: safe}\n"
        "  message: Lines\n  why: Lines.\n  options:\n" + verdict + "    model: {}\n"
        "  examples: {match: [x], no_match: [y]}\n", encoding="utf-8")
    with pytest.raises(RulePackError) as excinfo:
        load_ruleset(extra=[pack])
    assert "mine.yaml" in str(excinfo.value) and "option verdict" in str(excinfo.value)


def test_a_chinese_article_without_spaces_is_an_article():
    text = ("港口计划获批\n市议会周一批准了港口计划，工程将于明年春天开始。官员说，工程预计需要大约两年时间才能完成。"
            "居民们被告知在施工期间避开海滨，并查看议会网站以获取最新消息。")
    assert not [f for f in run(text).findings if f.code == "BP001"]
