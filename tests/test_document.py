from auditor import Document


def test_lines_end_at_lf_crlf_and_cr_only():
    doc = Document("one\r\ntwo\rthree\nfour\u2028still four")
    assert [line.text for line in doc.lines] == ["one", "two", "three", "four\u2028still four"]
    for line in doc.lines:
        assert doc.text[line.start:line.end] == line.text


def test_line_and_column_are_one_based_code_points():
    doc = Document("🙂 first\nsecond line")
    offset = doc.text.index("line")
    assert doc.line_col(offset) == (2, 8)
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(2) == (1, 3)


def test_trimmed_lines_keep_exact_offsets_around_nbsp_and_zero_width():
    text = "\u00a0\u200b See also\u00a0 A headline \u200b\n"
    line = Document(text).lines[0]
    assert line.text == "See also\u00a0 A headline"
    assert text[line.start:line.end] == line.text


def test_paragraphs_are_separated_by_blank_lines():
    doc = Document("Title\n\nFirst para line one.\nline two.\n\n\nSecond para.")
    assert [p.text for p in doc.paragraphs] == ["Title", "First para line one.\nline two.", "Second para."]


def test_sentences_do_not_split_after_abbreviations():
    doc = Document("Mr. Smith met the U.S. envoy on Tuesday. He said talks went well! Prices rose 3.5% in May.")
    assert [s.text for s in doc.sentences] == [
        "Mr. Smith met the U.S. envoy on Tuesday.",
        "He said talks went well!",
        "Prices rose 3.5% in May.",
    ]


def test_words_count_unicode_words():
    assert Document("Bir yanıt yazın — 3 words, don't!").words == 6


def test_sentences_after_a_run_of_dots():
    doc = Document("He paused ... And then he left. ... Then more.")
    assert [s.text for s in doc.sentences][-1] == "Then more."


def test_a_long_line_that_opens_with_dots_is_cut_into_sentences():
    from auditor.core.document import sentence_bounds

    text = "... " + " ".join(["The council said the plan would go ahead next year."] * 30)
    bounds = sentence_bounds(text)
    assert text[bounds[0][0]:bounds[0][1]] == "..."
    assert text[bounds[1][0]:bounds[1][1]] == "The council said the plan would go ahead next year."
    assert len(bounds) == 31


def test_word_counts_join_on_apostrophes_and_hyphens_only():
    cases = {
        "don’t stop-gap rock'n'roll": 3,        # a joiner between word characters makes one word
        "a -b- c x--y": 5,                        # a joiner at an edge or doubled does not
        "£5 — “quoted” café naïve": 4,            # typographic punctuation separates, letters do not
        "mid\u2011word, snake_case 2,500": 5,    # a non-breaking hyphen is no joiner; _ is a word character
        "２０２２年 Ж-Ж": 2,
        "": 0,
    }
    for text, words in cases.items():
        assert Document(text).words == words, text
