"""Names judged by their context: who the text says a person is, native spellings and their
round trips through Cyrillic, and the evidence a batch consensus needs."""
from __future__ import annotations

import pytest

from auditor import Document, audit, load_ruleset
from auditor.resources.corpus import build


@pytest.fixture(scope="module")
def ruleset():
    return load_ruleset(select=["EN"])


def findings(text, ruleset, corpus=None, **options):
    return audit(Document(text), ruleset, corpus, options={"grammar": False, **options}).findings


def loud_fixes(text, ruleset, corpus=None, **options):
    return {f.text: f.fix.replacement for f in findings(text, ruleset, corpus, **options)
            if f.category.value == "entity" and f.severity.value != "info" and f.fix}


def test_the_text_calling_a_person_ukrainian_makes_the_style_apply(ruleset):
    text = "Ukraine's ambassador to Germany Andrei Melnik urged faster deliveries."
    assert loud_fixes(text, ruleset, name_style="ukrainian") == {"Andrei": "Andrii", "Melnik": "Melnyk"}


@pytest.mark.parametrize("text", [
    "Russian envoy Andrei Melnik urged faster deliveries to Ukraine.",
    "Ukraine was far from his mind: Sergei Aleksandrovich wrote his poems in Moscow.",
    "Ukrainian forces advanced. Sergei Aleksandrovich Yesenin was read aloud in Moscow.",
])
def test_a_russian_keeps_his_name_and_patronymic_under_the_ukrainian_style(text, ruleset):
    assert loud_fixes(text, ruleset, name_style="ukrainian") == {}


def test_a_listed_person_gets_the_native_form_of_a_russian_derived_given_name(ruleset):
    text = "Former Georgian President Mikhail Saakashvili needs treatment abroad."
    assert loud_fixes(text, ruleset, name_style="ukrainian") == {"Mikhail": "Mikheil"}
    assert loud_fixes(text, ruleset) == {}


@pytest.mark.parametrize("text, expected", [
    ("The car came on Pireli tyres.", {"Pireli": "Pirelli"}),
    ("He ordered a Bakardi at the bar.", {"Bakardi": "Bacardi"}),
    ("The car came on Pirelli tyres.", {}),
    ("Coach Maksim Petrov spoke.", {}),  # another romanization of Maxim
    ("Shipowner Rokke bought a yacht.", {}),  # a double k is a native spelling
])
def test_a_round_trip_through_cyrillic_gets_the_name_english_uses(text, expected, ruleset):
    assert loud_fixes(text, ruleset) == expected


def test_a_native_serbian_spelling_beats_its_rebuilt_twin(ruleset):
    rebuilt = "Match\n\nCoach Popovich praised the team."
    native = "Match\n\nCoach Popović praised the team."
    corpus = build([Document(t) for t in (rebuilt, rebuilt + " Again.", rebuilt + " Later.", native)])
    assert loud_fixes(native, ruleset, corpus) == {}
    assert loud_fixes(rebuilt, ruleset, corpus) == {"Popovich": "Popović"}


def test_a_spelling_that_drops_a_letter_of_a_cyrillic_digraph_is_a_warning(ruleset):
    majority = "Talks\n\nThe Averyanov report was read."
    minority = "Talks\n\nThe Averanov report was read."
    corpus = build([Document(t) for t in (majority, majority + " Again.", minority)])
    assert loud_fixes(minority, ruleset, corpus) == {"Averanov": "Averyanov"}
    # The other way round is a bare vote: information only.
    corpus = build([Document(t) for t in (minority, minority + " Again.", majority)])
    assert loud_fixes(majority, ruleset, corpus) == {}


@pytest.mark.parametrize("text", [
    "The writer moved to Peredelkino in 1950.",  # a place of its own, inside Novo-Peredelkino's name
    "Homsu Diamond Waist Bag is on sale.",  # a brand, not Homs with a case ending
    "Candidate Valérie Pécresse spoke in Paris.",  # a native spelling: no case ending
])
def test_no_name_finding_on_ordinary_names(text, ruleset):
    assert loud_fixes(text, ruleset) == {}


def test_batch_nominative_may_be_the_longer_form(ruleset):
    nominative = "Vaccine\n\nThe Gamaleya centre tested it."
    genitive = "Vaccine\n\nThe Gamalei centre tested it."
    corpus = build([Document(t) for t in (nominative, nominative + " Again.", genitive)])
    assert loud_fixes(genitive, ruleset, corpus) == {"Gamalei": "Gamaleya"}


@pytest.mark.parametrize("text, expected", [
    ("The court heard Dmytra Petrenka on Monday.", {"Dmytra": "Dmytro", "Petrenka": "Petrenko"}),
    ("A letter to Volodymyra Zelenskoho arrived.", {"Volodymyra": "Volodymyr", "Zelenskoho": "Zelensky"}),
    ("Police detained Oleksandra Petrova.", {}),  # a woman: her surname
    ("He met Ivana Petrova in Zagreb.", {}),
])
def test_a_given_name_in_an_oblique_case_shows_the_surname_is_in_it_too(text, expected, ruleset):
    assert loud_fixes(text, ruleset) == expected


def test_a_spelling_that_loses_two_letters_of_a_slavic_surname_is_a_warning(ruleset):
    majority = "Talks\n\nDeputy Golosheikin read the report."
    minority = "Talks\n\nDeputy Gloshekin read the report."
    corpus = build([Document(t) for t in (majority, majority + " Again.", minority)])
    assert loud_fixes(minority, ruleset, corpus) == {"Gloshekin": "Golosheikin"}


def test_the_batch_reads_a_rare_a_form_as_a_case_ending(ruleset):
    nominative = "Walk\n\nWe turned onto Vavilov Street."
    oblique = "Walk\n\nWe turned onto Vavilova Street."
    corpus = build([Document(t) for t in (nominative, nominative + " Again.", nominative + " Later.", oblique)])
    assert loud_fixes(oblique, ruleset, corpus) == {"Vavilova": "Vavilov"}
    # Alone, Vavilova may be a woman's surname.
    assert loud_fixes(oblique, ruleset) == {}


@pytest.mark.parametrize("text", ["Adviser Arestović spoke on Monday.", "Adviser Arestovic spoke on Monday."])
def test_scholarly_or_south_slavic_letters_in_a_listed_name(text, ruleset):
    assert list(loud_fixes(text, ruleset).values()) == ["Arestovych"]


def test_a_native_name_with_south_slavic_letters_is_left_alone(ruleset):
    assert loud_fixes("Artist Marina Abramovic spoke. Novak Djokovic won.", ruleset) == {}


def test_a_garbled_given_name_before_a_garbled_listed_surname(ruleset):
    text = "Head of the German Foreign Ministry Analena Berbok stated it."
    assert loud_fixes(text, ruleset) == {"Analena": "Annalena", "Berbok": "Baerbock"}


@pytest.mark.parametrize("text, expected", [
    ("We walked up from Kanatčikovo station.", {"Kanatčikovo": "Kanatchikovo"}),
    ("Deputy Starcev said so.", {"Starcev": "Startsev"}),
    ("Maroš Šefčovič met the mayor of Holešov.", {}),  # native Slovak and Czech spellings
    ("Alcobev sales rose.", {}),
])
def test_scholarly_letters_in_a_russian_name(text, expected, ruleset):
    assert loud_fixes(text, ruleset) == expected


@pytest.mark.parametrize("text, expected", [
    ("Deputy Schulgin said so.", {"Schulgin": "Shulgin"}),
    ("Gorbatschow ruled for six years.", {"Gorbatschow": "Gorbachov"}),
    ("The Schwerin council met.", {}),  # a German city
    ("They walked to Bromesberrow.", {}),  # an English place
])
def test_a_russian_name_in_german_romanization(text, expected, ruleset):
    assert loud_fixes(text, ruleset) == expected


def test_a_native_spelling_with_diacritics_is_never_a_case_form(ruleset):
    # Czech words that look like oblique forms of Rovno (Rivne) and of Saldo.
    assert not [f for f in findings("Ulice Rovná vede k domu, kde žil Šalda.", ruleset) if f.code == "EN106"]


@pytest.mark.parametrize("text, expected", [
    ("Baiden said so.", {"Baiden": "Biden"}),
    ("Talks with Dzhonson went well.", {"Dzhonson": "Johnson"}),
    ("Trudo spoke in Ottawa.", {"Trudo": "Trudeau"}),
    ("President Shtainmaier spoke.", {"Shtainmaier": "Steinmeier"}),
    ("Simon and Linda spoke.", {}),
])
def test_an_english_name_read_back_by_its_sound(text, expected, ruleset):
    assert loud_fixes(text, ruleset) == expected


@pytest.mark.parametrize("sentence, ukrainian", [
    ("Ukraine's ambassador to Germany Andrei Melnik", True),
    # The nearest nationality decides: an earlier one with other words after it does not.
    ("Ukrainian troops and the Ukrainian envoy Andrei Melnik", True),
    ("the Ukrainian envoy and Russian diplomat Andrei Melnik", False),
    ("Ukrainian troops met Andrei Melnik", False),
])
def test_the_nationality_nearest_a_name_says_whose_name_it_is(sentence, ukrainian):
    from auditor.detectors.entities_style import called_ukrainian

    assert called_ukrainian(sentence, sentence.index("Andrei")) is ukrainian
