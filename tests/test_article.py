import pytest

from tui.ingest.article import ArticleIndex, QuoteAmbiguous, QuoteNotFound, split_article
from tui.ingest.text import sanitize

ARTICLE = (
    "Headline here\n"
    "Gen. Smith said Mr. Jones met U.S. officials. \u201cIt went well,\u201d he said. Then   they left!\n"
    "- A list item\n"
    "Second paragraph about the talks. It ended.\n"
)


def test_paragraphs_and_sentences_have_stable_ids_and_offsets():
    article = split_article("b", "seeds/x.txt", ARTICLE)
    assert [p.id for p in article.paragraphs] == ["p1", "p2", "p3", "p4"]
    p2 = [s.text for s in article.paragraphs[1].sentences]
    assert p2 == [
        "Gen. Smith said Mr. Jones met U.S. officials.",
        "\u201cIt went well,\u201d he said.",
        "Then   they left!",
    ]
    for sentence in article.sentences():
        assert article.text[sentence.start : sentence.end] == sentence.text
    assert article.sentence("p4.s2").text == "It ended."


def test_blank_line_separated_paragraphs_join_wrapped_lines():
    article = split_article("b", "x", "One line\nwrapped here.\n\nNext paragraph.\n")
    assert [p.id for p in article.paragraphs] == ["p1", "p2"]
    assert article.paragraphs[0].sentences[0].text == "One line\nwrapped here."


def test_quote_is_found_whatever_the_quote_marks_and_spacing():
    index = ArticleIndex(split_article("b", "x", ARTICLE))
    ref = index.locate('"It went  well," he said')
    assert ref.sentence == "p2.s2"
    assert ref.quote == "\u201cIt went well,\u201d he said"
    assert index.locate("Then they left").quote == "Then   they left"


def test_quote_spanning_sentences_lists_them_all():
    index = ArticleIndex(split_article("b", "x", ARTICLE))
    ref = index.locate("he said. Then they")
    assert ref.sentences == ("p2.s2", "p2.s3")


def test_missing_and_ambiguous_quotes_raise():
    index = ArticleIndex(split_article("b", "x", ARTICLE))
    with pytest.raises(QuoteNotFound):
        index.locate("not in the article")
    with pytest.raises(QuoteAmbiguous) as error:
        index.locate("said")
    assert error.value.count == 2


def test_escape_sequences_and_control_characters_are_stripped_but_text_kept():
    dirty = "safe\x1b[31mred\x1b]8;;http://x\x07link\x9b2J\u202eevil\ttab\r\nnext"
    assert sanitize(dirty) == "saferedlinkevil\ttab\nnext"  # no "[31m" left behind
    assert sanitize("a\x1b]0;pwned\x07b \x1bcc \x1b[0m") == "ab c "
    assert sanitize("an [bold]x[/] stays") == "an [bold]x[/] stays"  # markup is text, kept as text
