from tui.ingest.mentions import MentionFinder

FINDER = MentionFinder(
    [
        ("ahmad-massoud", "Ahmad Massoud"),
        ("ahmad-shah-massoud", "Ahmad Shah Massoud"),
        ("dostum", "Abdul Rashid Dostum"),
        ("dostum", "Dostum"),
        ("taliban", "Taliban"),
        ("un", "UN"),
        ("iran", "Iran"),
    ]
)


def hits(text):
    return [(h.entity, h.text) for h in FINDER.find(text)]


def test_longest_name_wins():
    text = "the son of Ahmad Shah Massoud; figures like Ahmad Massoud"
    assert hits(text) == [
        ("ahmad-shah-massoud", "Ahmad Shah Massoud"),
        ("ahmad-massoud", "Ahmad Massoud"),
    ]


def test_aliases_count_and_full_name_is_one_mention():
    assert hits("Abdul Rashid Dostum met Dostum's men") == [
        ("dostum", "Abdul Rashid Dostum"),
        ("dostum", "Dostum"),
    ]


def test_word_boundaries_and_hyphens():
    assert hits("anti-Taliban movements and the Taliban") == [("taliban", "Taliban")]
    assert hits("UN-supervised talks, not UNESCO") == [("un", "UN")]
    assert hits("Iran\u2019s efforts, Iranian press") == [("iran", "Iran")]


def test_matching_is_case_sensitive():
    assert hits("the taliban") == []
