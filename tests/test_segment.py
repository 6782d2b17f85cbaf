from __future__ import annotations

import pytest

from crosscheck.model import Article
from crosscheck.segment import is_furniture, segment


def _sentences(text: str) -> list[str]:
    return [s.text for s in segment(Article(id="a", outlet="a", text=text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr Corbyn spoke first. Then he left.", ["Mr Corbyn spoke first.", "Then he left."]),
        (
            "Dr. Smith arrived at 3.30pm today. Nobody else came.",
            ["Dr. Smith arrived at 3.30pm today.", "Nobody else came."],
        ),
        (
            "He said: “We won.” Then he left the hall early.",
            ["He said: “We won.”", "Then he left the hall early."],
        ),
        (
            "“They don’t share our values.”Our campaign was overshadowed.",
            ["“They don’t share our values.”", "Our campaign was overshadowed."],
        ),
        (
            "Transport and housing…but we ended up talking about Brexit.",
            ["Transport and housing…but we ended up talking about Brexit."],
        ),
        (
            "The vote was held by J. K. Rowling's publisher. It was close.",
            ["The vote was held by J. K. Rowling's publisher.", "It was close."],
        ),
    ],
)
def test_sentences_split_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_offsets_point_into_the_article() -> None:
    text = "First line here.\n\nSecond paragraph, with two sentences. Here is the other."
    article = Article(id="a", outlet="a", text=text)
    for s in segment(article):
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    "line",
    [
        "Sign up to read this article",
        "Already a member? Sign in here",
        "100’s of premium titles.",
        "Fourteen days free",
        "Download the app",
        "Related Stories",
        "Jeremy Corbyn addresses supporters in Manchester. Photograph: Jane Doe/PA",
        " date 2017-05-05 PA Wire/PA Images",
        "Politics",
        "Rob Merrick",
    ],
)
def test_page_furniture_is_recognised(line: str) -> None:
    assert is_furniture(line.strip())


@pytest.mark.parametrize(
    "line",
    [
        "Corbyn told the crowd of around 200 supporters: “I have been in touch with Andy.",
        "Labour lost 275 seats.",
        "But he wasn’t.",
    ],
)
def test_reporting_is_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_paywall_tail_and_app_banner_are_left_out() -> None:
    text = (
        "Get all your news in one place.\n100’s of premium titles.\nOne app.\n"
        "Jeremy Corbyn will not quit as leader despite the election battering, an ally says\n"
        "Mr Lavery admitted Thursday had produced disappointing results for the party.\n"
        "Sign up to read this article\nOne subscription that gives you access to news\n"
        "Our Picks\nThe tail of the page tells a story of its own about 300 seats lost.\n"
    )
    assert _sentences(text) == [
        "Jeremy Corbyn will not quit as leader despite the election battering, an ally says",
        "Mr Lavery admitted Thursday had produced disappointing results for the party.",
    ]


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("PUBLISHED: THURSDAY, MAY 2, 2013, 1: 32 PM", True),
        ("May 2, 2013 | 5: 03pm", True),
        ("Fri Aug 2, 2013 6: 50pm EDT", True),
        ("Posted August 2nd, 2013 at 5: 19 pm", True),
        ("The rally took place on Friday 5 May.", False),
        ("Labour lost 275 seats.", False),
    ],
)
def test_publication_stamps_are_furniture(line: str, dateline: bool) -> None:
    assert is_furniture(line) is dateline


BODY = "A firebomb attack on a bank in Greece killed at least three people on Wednesday."


@pytest.mark.parametrize(
    ("top", "kept"),
    [
        # a short headline above the body is reporting, not a banner
        ("Nine killed as rioters bomb Greek bank", True),
        ("Three Killed In Athens Bank Fire Amid Strike", True),
        # banners, labels, bylines and stamps are not
        ("Get all your news in one place.", False),
        ("Start reading", False),
        ("The Independent UK", False),
        ("First Published: June 13, 2013 4:59 PM EDT", False),
        ("Sign up to our daily newsletter now", False),
    ],
)
def test_a_headline_above_the_body_is_kept(top: str, kept: bool) -> None:
    assert (top in _sentences(f"{top}\n{BODY}")) is kept


def test_a_furniture_phrase_drops_its_sentence_not_the_line() -> None:
    text = "Police said the fire spread quickly through the old mill. Photo: John Smith/Reuters"
    assert _sentences(text) == ["Police said the fire spread quickly through the old mill."]
    # a whole furniture line still goes
    assert _sentences(f"{BODY}\nPhoto: John Smith/Reuters") == [BODY]
