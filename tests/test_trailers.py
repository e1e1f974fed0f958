"""What follows the article's last paragraph: `clean` removes a press release's closing sections,
company profiles, bios and promotions, and keeps the same words anywhere else."""
from __future__ import annotations

from auditor import Document, audit, load_ruleset
from auditor.engine.clean import clean_document

RULESET = load_ruleset()
OPTIONS = {"grammar": False}

HEADLINE = "Ferry operator picks booking system"
BODY = [
    "The ferry operator said on Monday that it would move all of its routes to the new booking system by the end of the year.",
    "Passengers had complained about the old website for years, and the new one lets them change a crossing online, the operator said.",
    "The first route to use it will be the crossing to the islands, where the trial ran last winter, the operator added.",
]
PROFILE = ("Nordcare is a global provider of ferry booking software. Nordcare is headquartered in Lund, "
           "employs around 900 people and is listed on the Nasdaq Stockholm exchange.")


def clean(text: str) -> str:
    return clean_document(Document(text), lambda d: audit(d, RULESET, options=OPTIONS)).text


def codes(text: str) -> set[str]:
    return {f.code for f in audit(Document(text), RULESET, options=OPTIONS).findings}


def page(*lines: str) -> str:
    return "\n\n".join([HEADLINE, *lines])


def test_press_release_closing_sections_go_to_the_end():
    text = page(*BODY, "About Nordcare", "Nordcare makes booking software for ferry lines.",
                "Media contact: Jane Roe, press@example.com")
    assert clean(text) == page(*BODY)


def test_an_about_subheading_with_the_article_after_it_stays():
    more = [f"{sentence} It was the {n} such report this year." for n, sentence in
            zip(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"], BODY * 3)]
    text = page(*BODY[:2], "About Nordcare", *more)
    assert clean(text) == text


def test_company_profile_after_the_article_goes_whole():
    assert clean(page(*BODY, PROFILE)) == page(*BODY)


def test_company_profile_needs_the_article_before_it():
    # The same paragraph as the text's first paragraph is the story itself, not a trailer.
    text = page(PROFILE, *BODY)
    assert "BP427" not in codes(text)
    assert clean(text) == text


def test_one_fact_about_a_company_at_the_end_stays():
    text = page(*BODY, "Nordcare is a Swedish company and employs about 900 people, most of them in Lund.")
    assert clean(text) == text


def test_author_bio_goes_only_at_the_end_and_only_with_a_name():
    bio = "Jane Roe is a transport reporter at the Courier covering ports and ferries."
    assert clean(page(*BODY, bio)) == page(*BODY)
    inside = page(BODY[0], bio, *BODY[1:], BODY[0] + " More follows.", BODY[1] + " More follows.")
    assert clean(inside) == inside
    story = page(*BODY, "Mr Roe is a former editor at the Courier and now runs the trust's press office.")
    assert clean(story) == story


def test_reader_promotion_at_the_end_goes():
    promo = ("If you enjoyed this article, please think about joining our members: you get every story "
             "without adverts, our events and the whole magazine archive.")
    assert clean(page(*BODY, promo)) == page(*BODY)


# A text without line breaks (a CSV export, a flattened scrape): one long line, judged by its
# sentences, whose last sentences are its end.
MORE = [
    "Fares will not change this year, but the operator will review them once the system has run for a full season.",
    "Staff at the ports were trained on the new system over the summer, and the call centre will stay open for those without a computer.",
    "The old system will be switched off in the spring, after the last winter timetable has been loaded into the new one.",
    "Travel agents will be able to book crossings through the new system from next month, the operator said in a statement.",
    "Unions said they welcomed the change as long as no jobs were lost at the booking offices on the islands.",
    "The operator carried more than two million passengers last year, most of them in the summer months.",
    "A second phase will add freight bookings, which are still taken by telephone and fax at most ports.",
    "The contract runs for seven years, with an option to extend it by three more, officials said.",
    "Rival operators on the northern routes are expected to announce their own plans before the summer.",
]


LATER = [
    "Ferry lines in the south moved to online booking three years ago and say complaints have halved since.",
    "The islands' council said it hoped the change would bring more visitors outside the summer season.",
    "Some older passengers said they would miss buying tickets at the harbour office on the day of travel.",
    "The harbour office will stay open on weekdays until the end of next year, the operator said.",
    "A helpline for passengers who need help with the new website will open in January.",
    "The operator's chief executive said the system would pay for itself within four years.",
]


def flat(*sentences: str) -> str:
    return " ".join([HEADLINE + ".", *BODY, *MORE, *sentences])


def test_flat_text_loses_its_company_profile_and_keeps_the_story():
    mission = "Nordcare's mission is to make every crossing easy to book."
    cleaned = clean(flat(PROFILE, mission))
    assert cleaned.strip() == flat().strip()


def test_flat_text_keeps_a_closing_fact_about_a_company():
    text = flat("Nordcare is a Swedish company and employs about 900 people, most of them in Lund.")
    assert clean(text) == text


def test_flat_text_loses_a_reader_promotion_only_at_its_end():
    promo = "We would like to hear what you think about this story, so write to the letters page."
    assert clean(flat(promo)).strip() == flat().strip()
    # Among the article's sentences, with more than the text's last few after it, it stays.
    inside = " ".join([HEADLINE + ".", BODY[0], promo, *BODY[1:], *MORE, *LATER])
    assert clean(inside) == inside


def test_flat_wire_copy_loses_the_closing_note_after_its_rule_of_underscores():
    text = flat() + " ___ Follow our full coverage of the ferry routes at https://example.com/ferries"
    cleaned = clean(text)
    assert "coverage" not in cleaned
    assert flat().strip() in cleaned
