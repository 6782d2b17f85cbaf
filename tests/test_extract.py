from __future__ import annotations

import datetime as dt

import pytest

from crosscheck.extract import extract, find_quotes, speaker_key
from crosscheck.model import Article, ClaimKind
from crosscheck.segment import segment


def _quotes(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], name) for s, name, _ in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X said: “…”"
        ("Corbyn said: “We will win.”", [("We will win.", "Corbyn")]),
        # "“…,” said X" and "“…,” X insisted"
        ("“It is over,” said Mr Lavery.", [("It is over,", "Mr Lavery")]),
        ("“There is no rift,” Mr Lavery insisted.", [("There is no rift,", "Mr Lavery")]),
        # A descriptor before the name, and a subordinate clause before that.
        (
            "In a swipe at Corbyn, defeated Labour candidate Sion Simon said: “We can’t duck it.”",
            [("We can’t duck it.", "Sion Simon")],
        ),
        # The subject before an appositive, not the name inside it.
        (
            "Stephen Kinnock, the son of the former leader Neil Kinnock, said it was “a disaster”.",
            [("a disaster", "Stephen Kinnock")],
        ),
        (
            "Philip Johnson, who stands in Nuneaton, said Mr Corbyn is “putting off” voters.",
            [("putting off", "Philip Johnson")],
        ),
        # "according to X"
        ("The result was “a disgrace”, according to Tom Watson.", [("a disgrace", "Tom Watson")]),
        # A pronoun takes the nearest preceding named speaker or subject.
        (
            "Mr Lavery spoke first. “People were aware,” he told the BBC.",
            [("People were aware,", "Mr Lavery")],
        ),
        # "X warned that … “fragment"
        (
            "Sion Simon warned that voters were leaving because of a loss of “traditional values.",
            [("traditional values.", "Sion Simon")],
        ),
        # A participle's speaker is the subject of its clause.
        (
            "DeGeneres announced the news on Twitter, writing: “It's official.”",
            [("It's official.", "DeGeneres")],
        ),
        # A joint statement, with the closing mark after a space.
        (
            "“We are thrilled to have her , ” said Zadan and Meron jointly.",
            [("We are thrilled to have her ,", "Zadan and Meron")],
        ),
        # An appositive that ends in an organisation is not the speaker.
        (
            "Sarah Okafor, area manager at Elmshire Fire and Rescue Service, said: “We acted.”",
            [("We acted.", "Sarah Okafor")],
        ),
        # After the quote, a name with an appositive before the verb.
        (
            "“We had no choice,” Helen Marsh, the council leader, told councillors.",
            [("We had no choice,", "Helen Marsh")],
        ),
        # An introductory phrase that names someone else.
        (
            "In a statement issued by the Academy, producers had this to say: “He is a star.”",
            [("He is a star.", "")],
        ),
        # A nominal subject is not guessed at.
        (
            "The leader explained the absence by saying: “I have spoken to Andy.”",
            [("I have spoken to Andy.", "")],
        ),
    ],
)
def test_quotes_and_speakers(text: str, expected: list[tuple[str, str]]) -> None:
    assert _quotes(text) == expected


def test_a_quote_over_two_paragraphs_keeps_its_speaker() -> None:
    text = "Corbyn said: “I have been in touch with Andy.\n“Our message now is to challenge them.”"
    assert _quotes(text) == [
        ("I have been in touch with Andy.", "Corbyn"),
        ("Our message now is to challenge them.", "Corbyn"),
    ]


def test_an_opening_mark_inside_an_open_quote_starts_a_new_quote() -> None:
    text = "He said: “We can’t duck the reality. “Working class voters want a clearer message.”"
    quotes = _quotes("Sion Simon spoke. " + text)
    assert [q for q, _ in quotes] == [
        "We can’t duck the reality.",
        "Working class voters want a clearer message.",
    ]
    assert {name for _, name in quotes} == {"Sion Simon"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A scraper lost the space before the opening mark: the quote is what the two
        # marks hold, not the narration after the second.
        (
            'Sky News estimates"at least 50 people, "and many buildings have collapsed.',
            ["at least 50 people,"],
        ),
        # After a stop, one mark may both close and open: it opens nothing, and the
        # narration after it stays narration.
        (
            'He said: "I apologize to the Legislature."I am embarrassed by my team."Christie '
            'said he fired her. "I have nothing to hide," he said.',
            ["I apologize to the Legislature.", "I have nothing to hide,"],
        ),
        # A mark after a digit (inches) opens nothing; the next quote is read as ever.
        ('He is 6\'2" tall and said "no" to it.', ["no"]),
    ],
)
def test_an_opening_mark_that_lost_its_space(text: str, expected: list[str]) -> None:
    assert [q for q, _ in _quotes(text)] == expected


@pytest.mark.parametrize(
    "text", ["He said “ and then “ nothing", "“", "”stray”", 'said “"putting off “ voters']
)
def test_broken_quote_marks_do_not_crash(text: str) -> None:
    for span, _, _ in find_quotes(text):
        assert 0 <= span.start < span.end <= len(text)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Mr Corbyn", "corbyn"),
        ("Jeremy Corbyn", "corbyn"),
        ("", ""),
        ("Sion Simon", "simon"),
        # one name, with a hyphen or a space
        ("Kim Dong-chul", "chul"),
        ("Kim Dong Chul", "chul"),
    ],
)
def test_speaker_key_is_the_surname(name: str, key: str) -> None:
    assert speaker_key(name) == key


def test_claims_keep_offsets_into_the_article() -> None:
    text = (
        "Corbyn told the crowd of around 200 supporters on Friday: “We will win.”\n"
        "Labour lost 275 seats."
    )
    article = Article(id="a", outlet="A", text=text, published=dt.date(2017, 5, 6))
    claims = extract(article, segment(article))
    kinds = {c.kind for c in claims}
    assert {ClaimKind.SENTENCE, ClaimKind.QUOTE, ClaimKind.QUANTITY} <= kinds
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert text[c.sentence_start : c.sentence_end] == c.sentence
        assert c.sentence_start <= c.start <= c.end <= c.sentence_end
    quote = next(c for c in claims if c.kind is ClaimKind.QUOTE)
    assert quote.quote is not None and quote.quote.speaker_key == "corbyn"


def test_a_name_does_not_run_over_a_line_break() -> None:
    text = "Political Correspondent\nJeremy Corbyn said: “We will fight on.”"
    assert _quotes(text) == [("We will fight on.", "Jeremy Corbyn")]


def test_he_said_does_not_resolve_to_a_name_inside_a_quote() -> None:
    text = (
        "Sarah Okafor spoke to reporters. “Crews worked through the night,” she said. "
        "“Crews reached the roof at dawn,” she said."
    )
    assert {name for _, name in _quotes(text)} == {"Sarah Okafor"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will win," Mr. Rove said.', "Mr. Rove"),
        ('"We will win," said Sen. Tim Kaine.', "Sen. Tim Kaine"),
        ('"We will win," said council leader Helen Marsh.', "Helen Marsh"),
        ('"We will win," said local councillor Tom Brennan.', "Tom Brennan"),
        ('"We will win," Representative Adam B. Schiff said.', "Adam B. Schiff"),
        ('"We will win," said vice presidential candidate Mike Pence.', "Mike Pence"),
        ('"We will win," Interior Secretary Dirk Kempthorne told reporters.', "Dirk Kempthorne"),
        (
            '"We will win," said Lt. Gregg Hastings of the Oregon State Police.',
            "Lt. Gregg Hastings",
        ),
        ('"We will win," President-elect Barack Obama said.', "Barack Obama"),
        (
            '"We will win," disaster agency spokesman Sutopo Purwo Nugroho told AFP.',
            "Sutopo Purwo Nugroho",
        ),
        ('"I saw her fall," testified Unique Armstead, the mother.', "Unique Armstead"),
        ('"We will win," he said in a statement that Smith wrote.', ""),
    ],
)
def test_titles_roles_and_verbs_of_attribution(text: str, speaker: str) -> None:
    ((_, name, explicit),) = find_quotes(text)
    assert name == speaker
    assert explicit == bool(speaker)
