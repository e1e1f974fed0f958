"""What follows the article's last paragraph: `clean` removes a press release's closing sections,
company profiles, bios and promotions, and keeps the same words anywhere else."""
from __future__ import annotations

from auditor import Document, audit, load_ruleset
from auditor.engine.clean import clean_document

RULESET = load_ruleset()
OPTIONS = {"grammar": False}

HEADLINE = "Hospital group picks alarm system"
BODY = [
    "The hospital group said on Monday that it would roll out the new alarm system across its four sites by the end of the year.",
    "Nurses had asked for fewer alarms at the bedside, and the system filters out the ones that need no action, the group said.",
    "The first ward to use it will be the intensive care unit of the city hospital, where the trial ran last winter.",
]
PROFILE = ("Nordcare is a global provider of clinical communication systems. Nordcare is headquartered in Lund, "
           "employs around 900 people and is listed on the Nasdaq Stockholm exchange.")


def clean(text: str) -> str:
    return clean_document(Document(text), lambda d: audit(d, RULESET, options=OPTIONS)).text


def codes(text: str) -> set[str]:
    return {f.code for f in audit(Document(text), RULESET, options=OPTIONS).findings}


def page(*lines: str) -> str:
    return "\n\n".join([HEADLINE, *lines])


def test_press_release_closing_sections_go_to_the_end():
    text = page(*BODY, "About Nordcare", "Nordcare makes clinical communication systems for hospitals.",
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
    bio = "Jane Roe is a health reporter at the Courier covering hospitals and care homes."
    assert clean(page(*BODY, bio)) == page(*BODY)
    inside = page(BODY[0], bio, *BODY[1:], BODY[0] + " More follows.", BODY[1] + " More follows.")
    assert clean(inside) == inside
    story = page(*BODY, "Mr Roe is a former editor at the Courier and now runs the trust's press office.")
    assert clean(story) == story


def test_reader_promotion_at_the_end_goes():
    promo = ("If you enjoyed this article, we have an offer for you: join our members and read everything "
             "without adverts, with access to our writers, our events and the whole magazine archive.")
    assert clean(page(*BODY, promo)) == page(*BODY)
