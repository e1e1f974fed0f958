"""The line model (BP701-BP707): chrome found by the shape of lines and their neighbours."""
from __future__ import annotations

import json
import re
import time

from auditor import Document, audit, load_ruleset
from auditor.engine.clean import clean_document
from auditor.detectors import Context
from auditor.detectors import linemodel

LINE_MODEL = load_ruleset(select=["BP7"])
ALL_RULES = load_ruleset()
OPTIONS = {"grammar": False}
SETTINGS = linemodel.prepare(LINE_MODEL.by_code["BP701"]).settings

P1 = "Winds of 120 km/h closed the coast road on Sunday, and police said it would stay shut until the storm had passed."
P2 = "The council said that repairs would begin on Tuesday once engineers had inspected the damaged sea wall."
P3 = "Residents were told to avoid the seafront and to check the council's website for the latest updates."
NAV = "Home\nNews\nLocal\nSport\nWeather\nBusiness\nOpinion\nPodcasts\nNewsletters\nContact"
FOOTER = "About us\nContact\nAdvertise\nCareers\nPrivacy\nTerms\nAccessibility\nSitemap"


def flagged(text: str, rules=ALL_RULES) -> list[str]:
    """The chrome found: what the line model reads as chrome never depends on the selection, so
    lines another rule flags are not the line model's to flag; the full set shows both."""
    return [f.text for f in audit(Document(text), rules, options=OPTIONS).findings
            if f.category.value == "boilerplate"]


def cleaned(text: str, rules=ALL_RULES) -> str:
    return clean_document(Document(text), lambda d: audit(d, rules, None, options=OPTIONS)).text


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_the_headline_is_never_flagged():
    for headline in ("Home", "Contact Us", "‹ › ×", "Subscribe Now For Updates Today"):
        text = f"{headline}\n\nNews\nSport\nWeather\nContact\n\n{P1}\n\n{P2}"
        assert headline not in flagged(text, LINE_MODEL)


def test_a_menu_after_the_article_goes_and_the_paragraphs_stay():
    text = f"Storm closes coast road\n\n{P1}\n\n{P2}\n\nHome\nNews\nSport\nWeather\nContact Us"
    assert lines(cleaned(text)) == ["Storm closes coast road", P1, P2]


def test_a_subheading_between_paragraphs_stays():
    text = f"Storm closes coast road\n\n{P1}\n\nWhat Happens Next\n\n{P2}\n\n{P3}"
    assert flagged(text, LINE_MODEL) == []


def test_lists_the_article_introduces_stay():
    text = f"Cup draw made\n\n{P1}\n\nThe ties are:\n\nRiverside v Northgate\nEastfield v Harbour Town\nMillbrook v Westport\nOld Quay v Hillcrest"
    assert flagged(text, LINE_MODEL) == []
    text = f"Rankings\n\n{P1}\n\n1 Ana Silva (Portugal)\n2 Tom Berg (Norway)\n3 Lea Novak (Croatia)"
    assert flagged(text, LINE_MODEL) == []
    table = "| Pos | Rider | Points |\n| 1 | Jane Roe | 512 |\n| 2 | John Doe | 498 |"
    assert flagged(f"Standings\n\n{P1}\n\n{table}\n\n{P2}") == []


def test_a_list_of_headlines_goes():
    related = ("More Stories\nCouncil Approves New Budget for the Harbour\nFire Crews Tackle Blaze at the Old Mill\n"
               "Local Team Wins the County Cup Final")
    text = f"Harbour plan approved\n\n{P1}\n\n{P2}\n\n{related}"
    assert lines(cleaned(text)) == ["Harbour plan approved", P1, P2]


def test_a_whole_page_loses_everything_but_its_article():
    page = (f"Storm closes coast road | Daily Courier\n\n{NAV}\n\nStorm closes coast road\n\n"
            f"Sunday 3 March 2024\n\n{P1}\n\n{P2}\n\n{P3}\n\nMost Read\n"
            "Council Approves New Budget for the Harbour\nFire Crews Tackle Blaze at the Old Mill\n\n"
            f"{FOOTER}\n\n© 2024 Daily Courier")
    # The site name after the headline is a label (BP3xx): the full set removes it.
    assert lines(cleaned(page)) == ["Storm closes coast road", P1, P2, P3]


def test_a_numbered_list_that_continues_the_article_stays():
    items = ["1) Storm lanterns for the porch", "2) A battery radio with a hand crank",
             "3) Sandbags, a pack of ten", "4) A first-aid kit for the car", "5) Waterproof boots"]
    listing = "".join(f"{item}\nhttps://shop.example/{i}\n" for i, item in enumerate(items))
    page = (f"Storm closes coast road | Daily Courier\n\n{NAV}\n\nStorm closes coast road\n\n{P1}\n\n{P2}\n\n"
            f"{P3}\n\n{listing}\n{FOOTER}\n\n© 2024 Daily Courier")
    kept = lines(cleaned(page))
    assert all(item in kept for item in items), kept
    assert "Careers" not in kept and "Podcasts" not in kept
    # numbers that do not run in sequence are no list of the article's
    scattered = listing.replace("3)", "7)").replace("2)", "9)")
    kept = lines(cleaned(page.replace(listing, scattered)))
    assert "5) Waterproof boots" not in kept


def test_the_articles_own_rights_notice_stays_and_a_footer_copyright_goes():
    notice = "© 2024 Associated Press. All rights reserved. This material may not be published or redistributed."
    text = f"Storm closes coast road\n\n{P1}\n\n{P2}\n\n{notice}\n\nHome\nNews\nSport\n\n© 2024 Daily Courier"
    report = audit(Document(text), ALL_RULES, options=OPTIONS)
    by_text = {f.text: f for f in report.findings if f.code == "BP502"}
    assert by_text[notice].severity.value == "info" and by_text[notice].fix.safety == "unsafe"
    assert by_text["© 2024 Daily Courier"].severity.value == "warning"
    assert by_text["© 2024 Daily Courier"].fix.safety == "safe"
    kept = lines(cleaned(text))
    assert notice in kept and "© 2024 Daily Courier" not in kept


def test_a_feed_of_story_cards_after_the_article_goes():
    cards = "".join(
        f"{headline}\n{author}\n{day} November 2019\n{teaser}\n\n" for headline, author, day, teaser in [
            ("Council Approves New Budget", "Jane Roe", "19",
             "The council approved its budget on Monday after a long debate about the harbour and the roads."),
            ("Fire Crews Tackle Blaze", "John Doe", "18",
             "Fire crews were called to the old mill on Saturday night after neighbours reported smoke."),
            ("Local Team Wins Cup", "Ann Poe", "17",
             "The home side won the county cup final on Sunday in front of a record crowd at the ground."),
            ("Bridge Reopens to Traffic", "Tom Low", "16",
             "The old bridge reopened to traffic on Friday after repairs that took most of the summer."),
        ])
    page = (f"Storm closes coast road | Daily Courier\n\n{NAV}\n\nStorm closes coast road\n\n{P1}\n\n{P2}\n\n"
            f"{P3}\n\nMore from the Courier\n\n{cards}{FOOTER}")
    # The site name after the headline is a label (BP3xx): the full set removes it.
    assert lines(cleaned(page)) == ["Storm closes coast road", P1, P2, P3]


def test_extractor_output_keeps_title_case_lines_that_carry_figures():
    """A deals post or a schedule between the paragraphs of an extractor's output is the article's
    data, not a list of links to other stories."""
    deals = "Get the Harbour Lantern at Riverside Stores for $39.99\nGet It by Itself at Northgate for $35\nNew Release: Storm Edition with Free Case for $49.99"
    text = f"Lantern deals\n\n{P1}\n\n{deals}\n\n{P2}\n\n{P3}"
    assert flagged(text, LINE_MODEL) == []
    # A year or a count in a headline is no such figure: links to other stories still go.
    related = ("2021 Harbour Awards Shortlist Announced in Full\n15 Fun Facts About the Old Harbour Mill\n"
               "Council Approves 2022 Budget for the Coast Road")
    text = f"Harbour plan approved\n\n{P1}\n\n{P2}\n\n{related}"
    assert lines(cleaned(text)) == ["Harbour plan approved", P1, P2]


def test_labels_printed_three_times_head_the_articles_own_sections():
    plan = "".join(f"Plan {letter}\n\nMorning Meal\n\nEat within an hour of waking\n\nEvening Meal\n\nEat two hours before bed\n\n"
                   for letter in "ABC")
    text = f"Meal plans\n\n{P1}\n\n{P2}\n\n{plan}"
    assert "Morning Meal" in cleaned(text) and cleaned(text).count("Evening Meal") == 3


def test_label_blocks_among_the_items_that_follow_the_last_paragraph_stay():
    """Sentence-like items after the last paragraph (a plan, a routine) still belong to the
    article: the short labels between them are its headings, not a menu."""
    routine = ("Morning Routine\nStretch for ten minutes after waking up\nDrink a glass of water before breakfast\n"
               "Evening Routine\nDinner Menu\nLight Snack\nHerbal Tea\nWalk for half an hour after the evening meal\n"
               "Read for twenty minutes before going to bed")
    text = f"Healthy habits\n\n{P1}\n\n{P2}\n\n{routine}"
    assert flagged(text, LINE_MODEL) == []


def test_the_article_goes_on_past_a_gallery_after_its_repeated_headline():
    """In a whole page's text the body follows the repeated headline; a gallery's buttons inside
    the article do not end it when more of the article follows."""
    story = [P1, P2, P3] + [
        f"{opening} said on Monday that the repairs to the sea wall would take most of the {season}."
        for opening in ("The council", "The harbour master", "A spokesman for the port", "The mayor",
                        "The fire service", "The weather service", "A local engineer", "The county")
        for season in ("summer",)]
    gallery = "\n".join(["Image 1 of 6", "Caption", "Close", "Share", "Tweet", "Email", "Print", "Save",
                         "Back to Gallery", "Next", "Previous", "Share", "Tweet", "Email"])
    before, after = story[:4], story[4:11]
    page = (f"Storm closes coast road | Daily Courier\n\n{NAV}\n\nStorm closes coast road\n\n"
            + "\n\n".join(before) + f"\n\n{gallery}\n\n" + "\n\n".join(after) + f"\n\n{FOOTER}")
    assert lines(cleaned(page)) == ["Storm closes coast road"] + before + after


def test_labels_between_a_standfirst_and_the_first_paragraph_stay():
    """A sentence right after the headline opens the article: the labels between it and the first
    paragraph (a fact check's rating) are the article's own."""
    text = (f"Claim\n\nThe harbour wall was built with money from a lottery grant in 1998.\n\n"
            f"Rating\n\nUnproven\n\nAbout this rating\n\nOrigin\n\n{P1}\n\n{P2}\n\n{P3}")
    assert flagged(text, LINE_MODEL) == []


def test_extractor_output_keeps_its_short_lines():
    """Without a menu at the top, short lines after the body (credits, lists) are left to the phrase rules."""
    text = f"Storm closes coast road\n\n{P1}\n\n{P2}\n\nAdditional reporting by Jane Roe\n\nWith wire services"
    assert flagged(text, LINE_MODEL) == []


def test_teasers_cut_to_one_length_go_and_a_writers_ellipsis_stays():
    teasers = ("The council approved the harbour plan on Monday after a debate that lasted for most of the evening and …\n"
               "Fire crews were called to the old mill on Saturday night after neighbours reported smoke and …\n"
               "The county cup final drew a record crowd to the ground on Sunday afternoon, when the home side …")
    assert len(flagged(f"Weekend reading\n\n{P1}\n\n{teasers}")) == 3
    letters = (f"Letters\n\n{P1}\n\nI remember the old harbour well, and I hope the plan keeps its charm...\n\n"
               "My grandfather worked at the mill...\n\nWe went to the final and it was the best day out we have had "
               "in years, even in the rain and the wind, and we would go again...")
    assert flagged(letters) == []


def test_copies_of_the_headline_go():
    text = f"Floods close main roads\n\nFloods close main roads\n\n{P1}"
    assert flagged(text) == ["Floods close main roads"]
    assert cleaned(text).startswith("Floods close main roads\n\nWinds")


def test_a_comment_thread_goes_from_its_heading():
    text = (f"Keyboard change expected\n\n{P1}\n\n{P2}\n\nReader Comments\n\n"
            "It makes the lineup more complete, and I think it is about time they fixed this.\n\n"
            "I would rather have a bigger screen than a new keyboard, to be honest.")
    assert lines(cleaned(text)) == ["Keyboard change expected", P1, P2]
    declined = f"Keyboard change expected\n\n{P1}\n\nThe company declined to comment.\n\n{P2}"
    assert flagged(declined) == []


def test_body_text_in_other_languages_is_protected():
    german = ("Regen legt Bahnverkehr lahm\n\nStartseite\nPolitik\nWirtschaft\nSport\nKultur\n\n"
              "Nach tagelangem Regen ist der Bahnverkehr zwischen den beiden Städten am Montag eingestellt worden, "
              "wie die Bahn mitteilte.\n\nDie Strecke soll nach Angaben der Bahn frühestens am Mittwoch wieder "
              "befahrbar sein, sagte ein Sprecher.")
    assert lines(cleaned(german))[1].startswith("Nach tagelangem Regen")
    russian = ("Дожди остановили поезда\n\nГлавная\nНовости\nСпорт\nПогода\n\n"
               "Из-за сильных дождей движение поездов между двумя городами было остановлено в понедельник, как "
               "сообщили на железной дороге.\n\nПо словам представителя, линию откроют не раньше среды, когда её "
               "проверят инженеры.")
    assert len(lines(cleaned(russian))) == 3


def test_findings_carry_the_contract():
    text = f"Storm closes coast road\n\n{P1}\n\n{P2}\n\nHome\nNews\nSport\nWeather\nContact Us"
    for f in audit(Document(text), LINE_MODEL, options=OPTIONS).findings:
        assert f.category.value == "boilerplate"
        assert f.fix.action == "delete" and f.fix.safety == "safe"
        assert f.severity.value == ("warning" if f.confidence >= SETTINGS.info_below else "info")
        assert text[f.start:f.end] == f.text


def test_the_model_runs_once_per_document():
    ctx = Context(Document(f"Title\n\n{P1}\n\nHome\nNews\nSport"))
    assert linemodel.judge(ctx, SETTINGS) is linemodel.judge(ctx, SETTINGS)


def test_clean_bbc_copy_loses_no_word(eval_dir):
    """At most 1% of bbc-dev articles (clean, edited copy) may lose a word to cleaning."""
    word = re.compile(r"\w+")
    lost = []
    rows = [json.loads(line) for line in (eval_dir / "bbc-dev.jsonl").read_text(encoding="utf-8").splitlines()]
    for row in rows:
        text = row["text"]
        if sorted(word.findall(cleaned(text))) != sorted(word.findall(text)):
            lost.append(row["id"])
    assert len(lost) <= 0.01 * len(rows), lost[:10]


def test_line_model_is_cheap(eval_dir):
    texts = [json.loads(line)["text"]
             for line in (eval_dir / "bbc-dev.jsonl").read_text(encoding="utf-8").splitlines()][:400]
    documents = [Document(t) for t in texts]
    for d in documents:
        d.content_lines  # segmentation is the engine's cost, not the model's
    t0 = time.perf_counter()
    for d in documents:
        linemodel.judge(Context(d), SETTINGS)
    per_doc = (time.perf_counter() - t0) / len(documents)
    assert per_doc < 0.001, f"{per_doc * 1000:.2f} ms per BBC article"
