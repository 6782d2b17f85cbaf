from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest

from crosscheck.compare import (
    classify_drift,
    compare_dates,
    compare_quantities,
    compare_quotes,
    compare_sentences,
    names_in,
    quote_words,
    translated_quote,
    words,
)
from crosscheck.engine import extract_one
from crosscheck.extract import speaker_key
from crosscheck.model import Article, Claim, ClaimKind, Finding, FindingKind, Quote


def _quote(
    article: str, words_: str, speaker: str = "", fragment: bool = False, named: bool = True
) -> Claim:
    sentence = f"{speaker or 'Someone'} said: “{words_}”"
    start = sentence.index(words_)
    return Claim(
        kind=ClaimKind.QUOTE,
        article_id=article,
        outlet=article.upper(),
        start=start,
        end=start + len(words_),
        text=words_,
        sentence_start=0,
        sentence_end=len(sentence),
        sentence=sentence,
        sentence_index=0,
        quote=Quote(words_, speaker, speaker_key(speaker), fragment, named and bool(speaker)),
    )


def _sentence(article: str, text: str) -> Claim:
    return Claim(
        ClaimKind.SENTENCE, article, article.upper(), 0, len(text), text, 0, len(text), text, 0
    )


ARTICLES = {k: Article(id=k, outlet=k.upper(), text="") for k in ("a", "b")}


def _extracted(
    a: str, b: str, has: Callable[[Claim], object]
) -> tuple[list[Claim], list[Claim], dict[str, Article]]:
    """Two one-text articles "a" and "b" as crosscheck reads them: their claims that
    ``has`` (a quantity, a date, a quote), and the articles by id."""
    xa, xb = Article("a", "A", a), Article("b", "B", b)
    pick = [[c for c in extract_one(x).claims if has(c)] for x in (xa, xb)]
    return pick[0], pick[1], {"a": xa, "b": xb}


def _quote_pair(a: str, b: str, day: dt.date | None = None) -> Finding | None:
    """The quote rule on the one quote of each of two one-text articles."""
    xa, xb = Article("a", "A", a, published=day), Article("b", "B", b, published=day)
    [qa] = [c for c in extract_one(xa).claims if c.quote]
    [qb] = [c for c in extract_one(xb).claims if c.quote]
    return compare_quotes(qa, qb, 0.9, {"a": xa, "b": xb})


@pytest.mark.parametrize(
    ("a", "b", "subtype"),
    [
        (
            "we will fight for every vote in june",
            "we will fight for every seat in june",
            "substitution",
        ),
        ("we can win this election", "we could win this election", "modality"),
        (
            "he is the leader and will continue",
            "he is not the leader and will continue",
            "negation",
        ),
        ("we don't feel confident", "we feel confident", "negation"),
        ("it is nothing", "it is not nothing", "negation"),  # standard English: two negations
        ("traditional values", "traditional Labour values", "insertion"),
        ("traditional Labour values", "traditional values", "deletion"),
        ("we won 20 seats", "we won seats", "deletion"),
        ("it is almost done", "it is done", "deletion"),
        ("we need to abuse it", "we need to use it", "substitution"),
        ("the fire started in the back", "the fire started deliberately in the back", "insertion"),
        # a changed word right before a cut both outlets mark, or at the quote's edge
        (
            "she was not just a receptionist... she was our mom",
            "she was not just a clerk... she was our mom",
            "substitution",
        ),
        (
            "Adam and Eve in the garden were naked",
            "Scream and Eve in the garden were naked",
            "substitution",
        ),
        # a wish before a verb that does not do what it says changes the claim
        ("we want to cut taxes this year", "we cut taxes this year", "deletion"),
        # an ordinal outside a date is a word of its own
        ("it was the 11th hour deal", "it was the 11 hour deal", "substitution"),
        # ... and a word put for another in a re-voiced remark is still one
        ("I will sign the bill tomorrow", "he will veto the bill tomorrow", "substitution"),
        # a title or an owner changed is a change, however written
        ("as Sen. Rubio says", "as Rep. Rubio says", "substitution"),
        ("the president's plan is dead", "the governor's plan is dead", "substitution"),
    ],
)
def test_drift_is_classified(a: str, b: str, subtype: str) -> None:
    drift = classify_drift(quote_words(a), quote_words(b), names=names_in(a) | names_in(b))
    assert drift is not None and drift[0] == subtype


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # forms of one word, persons of a re-voiced remark, emphasis and fillers
        ("there are no plans", "there is no plan"),
        ("I look forward to it", "he looks forward to it"),
        ("my experiences have been good", "my experience has been in good"),
        ("I really think that is right", "I think that is right"),
        ("oh, we said it", "we say it"),
        ("Im not going", "I'm not going"),
        ("there are people who know", "there's people that know"),
        ("it ain't over", "it is not over"),
        ("there ain't no recession", "there's no recession"),  # negative concord
        # "just" as a filler; a wish that frames a verb doing what it says (issue 22)
        ("we just need to get it done", "we need to get it done"),
        (
            "I wish my successor all the best and say good luck",
            "I just want to wish my successor all the best and just say good luck",
        ),
        ("I want to thank everyone who came", "I thank everyone who came"),
        # a compound written apart in another number, a date written short, a filler
        ("we oppose small businesses tax hikes", "we oppose small-business tax hikes"),
        ("since Sept. 11, 2001 we have fought", "since September 11th, 2001 we have fought"),
        ("we will, you know, get it done", "we will get it done"),
        # a remark re-voiced by another: the words it adds are the outlet's (issue 22)
        ("it is well within my authority", "he was well within his legal authority"),
    ],
)
def test_a_change_of_wording_is_not_drift(a: str, b: str) -> None:
    names = names_in(a) | names_in(b)
    assert classify_drift(quote_words(a), quote_words(b), names=names) is None


def test_two_lines_that_share_words_are_not_one_line_misquoted() -> None:
    a = "When I say watch, you know what I'm talking about"
    b = "You got to go out and watch. You know what I'm talking about"
    assert classify_drift(quote_words(a), quote_words(b)) is None
    # a word or two in place of each other is one line misquoted
    c = "When I say watch, you know what I am hinting at"
    assert classify_drift(quote_words(a), quote_words(c)) is not None


@pytest.mark.parametrize(
    ("a", "b", "drift"),
    [
        # another word for the same thing: each outlet's translator chose their own
        ("the future within Europe is at stake", "the future in Europe is at stake", False),
        ("a murderous act", "a murderous raw act", False),
        # one translation that both carry, word for word over a long stretch but for one
        # change: the change is drift
        (
            "strength which in the last few months has deteriorated in me to the extent "
            "that I have had to recognize my incapacity to fulfil the ministry",
            "strength which in the last few months has deteriorated in me to the extent "
            "that I have had to recognize my plenty to fulfil the ministry",
            True,
        ),
        # a change of meaning is drift however the remark reached the outlet
        ("our country is on the edge", "our country is not on the edge", True),
        ("three people died", "ten people died", True),
    ],
)
def test_a_translated_remark_drifts_only_in_meaning(a: str, b: str, drift: bool) -> None:
    found = classify_drift(quote_words(a), quote_words(b), translated=True)
    assert (found is not None) is drift


@pytest.mark.parametrize(
    ("text", "translated"),
    [
        ("The German Chancellor, Angela Merkel, told lawmakers: “We act.”", True),
        ("Greek President Karolos Papoulias said: “We act.”", True),
        ("The pope spoke in Latin to the cardinals. “We act,” he said.", True),
        ("Speaking through an interpreter, Ali Khan said: “We act.”", True),
        # the remark's language told anywhere in the article
        (
            "“We act now,” Merkel told the summit on Monday.\n\n"
            + "The talks went on. " * 20
            + "\n\nShe was speaking in German to the delegates.",
            True,
        ),
        # an English version of what was said, anywhere in the article (issue 22)
        (
            "Ansi said in a video the attack was “vengeance for the prophet.”\n\n"
            + "The talks went on. " * 20
            + "\n\nAn English version of the statement shows the Eiffel Tower.",
            True,
        ),
        # a nationality before a title written in lower case
        ("The Greek prime minister George Papandreou said: “We act.”", True),
        # an attribution's subject of such a country
        ("China's ministry of commerce said Trump had “ignited a war.”", True),
        ("The Iranian foreign ministry said: “We act.”", True),
        # English-speaking, or a language word that is no language here
        ("Senator Angela Merkel said: “We act.”", False),
        ("Investors sold in Greek stocks. Angela Merkel said: “We act.”", False),
        ("Asked about German cars, Trump said: “We act.”", False),
        ("Trump said tariffs on $16 billion in Chinese goods were “a start.”", False),
        ("German cars Trump said were “a disgrace.”", False),
        (
            "“We act now,” Merkel told the summit on Monday.\n\n"
            + "The talks went on. " * 20
            + "\n\nA sign in Arabic hung at the gate of the hall.",
            False,
        ),
    ],
)
def test_a_quote_reached_in_translation(text: str, translated: bool) -> None:
    article = Article("a", "A", text)
    (quote,) = [c for c in extract_one(article).claims if c.quote is not None]
    assert translated_quote(quote, {"a": article}) is translated


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Traditional working class voters want traditional Labour values", {"labor"}),
        ("We met Andy Burnham. Then I left", {"andy", "burnham"}),
        ("I think so. I'm sure", set()),
    ],
)
def test_names_in_a_quote_are_its_capitalised_words_inside_a_sentence(
    text: str, names: set[str]
) -> None:
    assert names_in(text) == names


def test_a_changed_last_word_is_drift() -> None:
    drift = classify_drift(
        words("we have simply run out of time"), words("we have simply run out of options")
    )
    assert drift is not None and drift[0] == "substitution"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("We won the seat.", "we won the seat"),  # case and punctuation
        ("We can’t duck it.", "We can't duck it"),  # curly and straight apostrophes
        (
            "It is a moment for organising",
            "This is not a moment for despair. It is a moment for organising in every community.",
        ),  # an excerpt: less quoted, not drift
    ],
)
def test_normalisation_and_excerpts_are_not_drift(a: str, b: str) -> None:
    assert classify_drift(words(a), words(b)) is None


def test_identical_quotes_corroborate() -> None:
    q = "These results are a warning, and we would be foolish to ignore them"
    f = compare_quotes(_quote("a", q, "Ian Lavery"), _quote("b", q, "Mr Lavery"), 1.0, ARTICLES)
    assert f is not None and f.kind is FindingKind.CORROBORATION


def test_same_words_two_speakers_is_misattribution() -> None:
    q = "These results are a warning, and we would be foolish to ignore them"
    f = compare_quotes(_quote("a", q, "Ian Lavery"), _quote("b", q, "Tom Watson"), 1.0, ARTICLES)
    assert f is not None and f.kind is FindingKind.MISATTRIBUTION
    assert {s.speaker for s in f.sides} == {"Ian Lavery", "Tom Watson"}


def test_a_speaker_resolved_from_he_said_is_not_misattribution() -> None:
    q = "These results are a warning, and we would be foolish to ignore them"
    resolved = _quote("b", q, "Tom Watson", named=False)
    f = compare_quotes(_quote("a", q, "Ian Lavery"), resolved, 1.0, ARTICLES)
    assert f is None or f.kind is not FindingKind.MISATTRIBUTION


def test_a_joint_statement_shares_its_speakers() -> None:
    q = "We are thrilled to have Ellen DeGeneres host the Oscars this year"
    f = compare_quotes(
        _quote("a", q, "Craig Zadan and Neil Meron"), _quote("b", q, "Neil Meron"), 1.0, ARTICLES
    )
    assert f is not None and f.kind is FindingKind.CORROBORATION


def test_a_short_common_phrase_is_not_misattribution() -> None:
    f = compare_quotes(
        _quote("a", "disappointing results", "Ian Lavery"),
        _quote("b", "some disappointing results", "Corbyn"),
        1.0,
        ARTICLES,
    )
    assert f is None


def test_a_fragment_with_an_inserted_word_is_drift() -> None:
    long = (
        "Traditional working class voters want to hear a clearer message about traditional "
        "values like patriotism."
    )
    f = compare_quotes(
        _quote("a", long, "Sion Simon"),
        _quote("b", "traditional Labour values", "Sion Simon", True),
        0.4,
        ARTICLES,
    )
    assert f is not None and f.kind is FindingKind.QUOTE_DRIFT and f.subtype == "insertion"
    assert "labour" in f.detail


def test_a_fragment_of_someone_else_is_not_compared() -> None:
    long = "Voters want to hear about traditional values like patriotism."
    f = compare_quotes(
        _quote("a", long, "Sion Simon"),
        _quote("b", "traditional Labour values", "Andy Street", True),
        0.4,
        ARTICLES,
    )
    assert f is None


def test_a_fragment_that_one_outlet_gives_to_nobody_is_compared() -> None:
    # One outlet names the speaker, the other weaves his words in without a name: one
    # remark still, and the changed word is drift. Given to nobody by both, or to two
    # people, a few words are not compared (see the test above).
    long = "His leadership is transactional, ego driven and about personal loyalty."
    short = "ego driven and about reciprocal loyalty"
    f = compare_quotes(
        _quote("a", long, "James Comey"), _quote("b", short, "", True), 0.4, ARTICLES
    )
    assert f is not None and f.kind is FindingKind.QUOTE_DRIFT
    assert f.detail == "-personal +reciprocal"
    assert compare_quotes(_quote("a", long), _quote("b", short, "", True), 0.4, ARTICLES) is None


@pytest.mark.parametrize(
    ("long", "short", "detail"),
    [
        # Both quotes end at one point of the remark: the last word is a change.
        (
            "They are gonna do everything they can to destroy Brett,",
            "do everything they can to destroy Mitt.",
            "-brett +mitt",
        ),
        # ... or start at one point.
        (
            "Congress must now return to regular order, hold hearings and receive input.",
            "Senate must now return to regular order,",
            "-congress +senate",
        ),
    ],
)
def test_a_changed_word_where_both_quotes_end_is_drift(long: str, short: str, detail: str) -> None:
    f = compare_quotes(
        _quote("a", long, "Mitt Romney"), _quote("b", short, "Mitt Romney"), 0.7, ARTICLES
    )
    assert f is not None and f.kind is FindingKind.QUOTE_DRIFT and f.detail == detail


def test_a_lead_in_of_another_length_where_both_quotes_start_is_extent() -> None:
    # One outlet's quote starts on a word of its own sentence ("would accelerate “our
    # transformation"), the other's on the company's name: where each began to quote,
    # not a word of the remark changed.
    long = (
        "AMD's transformation into an agile, disruptive innovator capable of staking a data "
        "center leadership position."
    )
    short = "accelerate our transformation into an agile and disruptive innovator."
    f = compare_quotes(
        _quote("a", long, "Rory Read"), _quote("b", short, "Rory Read"), 0.7, ARTICLES
    )
    assert f is None


def test_a_fragment_that_stops_before_the_quote_ends_keeps_its_extent() -> None:
    # The shorter quote ends a word before the longer one: that word is the longer
    # quote's extent, and the word before it is no change.
    long = "They are gonna do everything they can to destroy him now."
    short = "do everything they can to destroy him"
    f = compare_quotes(
        _quote("a", long, "Mitt Romney"), _quote("b", short, "Mitt Romney"), 0.7, ARTICLES
    )
    assert f is None


@pytest.mark.parametrize(
    ("a", "b", "drift"),
    [
        ("to govern the barque of St. Peter and proclaim", "to govern the barque of Saint Peter and proclaim", False),
        ("we will march down Main St. tomorrow at noon", "we will march down Main Street tomorrow at noon", False),
        ("we will climb Mt. Everest next spring, all of us", "we will climb Mount Everest next spring, all of us", False),
        # Not written short: another word ("won" / "wonder"), and "no" / "not" negates.
        ("I won every one of those states, believe me.", "I wonder every one of those states, believe me.", True),
        ("There is no doubt we can do it.", "There is not doubt we can do it.", True),
    ],
)  # fmt: skip
def test_a_title_written_short_is_not_drift(a: str, b: str, drift: bool) -> None:
    f = compare_quotes(_quote("a", a, "Tom Smith"), _quote("b", b, "Tom Smith"), 0.9, ARTICLES)
    assert (f is not None) is drift


@pytest.mark.parametrize(
    ("a", "b", "drift"),
    [
        # One key mistyped makes a negator of another word: a slip, not the opposite.
        ("It is now apparent that the effort will not be successful.", "It is not apparent that the effort will not be successful.", None),
        # A negator added, dropped or swapped for a word of another length still negates.
        ("It is apparent that the effort will be successful.", "It is not apparent that the effort will be successful.", "negation"),
        ("We will never give up on this.", "We will ever give up on this.", "negation"),
        ("There is no doubt about it at all.", "There is so doubt about it at all.", "negation"),
    ],
)  # fmt: skip
def test_a_negator_mistyped_from_another_word_is_a_slip(a: str, b: str, drift: str | None) -> None:
    found = classify_drift(quote_words(a), quote_words(b))
    assert (found[0] if found else None) == drift


def _post_pair(poster: str, speaker: str) -> Finding | None:
    """A quote of ``speaker`` in a post by ``poster`` that the first article embeds, and
    the longer quote the second article gives to ``speaker``."""
    a = (
        f'{speaker} wrote: "you know you are desperate when you willing to '
        f'violate the law..." pic.twitter.com/DCedFdxWCc — {poster} (@{poster.split()[-1]}) '
        "March 15, 2017\n\nThe report aired on Tuesday."
    )
    b = (
        '"You know you are desperate for ratings when you are willing to violate the law to '
        f'push a story about two pages of tax returns," {speaker} said in a statement.'
    )
    xa, xb = Article("a", "A", a), Article("b", "B", b)
    [qa] = [c for c in extract_one(xa).claims if c.quote]
    [qb] = [c for c in extract_one(xb).claims if c.quote]
    return compare_quotes(qa, qb, 0.9, {"a": xa, "b": xb})


def test_a_quote_in_someone_elses_post_is_not_compared() -> None:
    # A reporter's post renders the White House statement in haste: neither the
    # White House's words nor the outlet's quote of them.
    assert _post_pair("Jim Acosta", "The White House") is None


def test_a_quote_in_its_speakers_own_post_is_compared() -> None:
    f = _post_pair("Sean Spicer", "Sean Spicer")
    assert f is not None and f.kind is FindingKind.QUOTE_DRIFT


def test_two_different_remarks_are_not_drift() -> None:
    f = compare_quotes(
        _quote("a", "We will be back here again this week to campaign.", "Corbyn"),
        _quote("b", "Our message now is to challenge the Tories.", "Corbyn"),
        0.7,
        ARTICLES,
    )
    assert f is None


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "Greater Manchester's mayor Andy Burnham attended the rally in the city.",
            "Greater Manchester's mayor Andy Burnham did not attend the rally in the city.",
            FindingKind.NEGATION_CONFLICT,
        ),
        (
            "Supporters packed into the Manchester Convention Centre for the event.",
            "Supporters packed into the Manchester Central Library for the event.",
            FindingKind.NAME_CONFLICT,
        ),
    ],
)
def test_sentence_rules(a: str, b: str, kind: FindingKind) -> None:
    found = compare_sentences(_sentence("a", a), _sentence("b", b), 0.9, ARTICLES, lambda _: [])
    assert [f.kind for f in found] == [kind]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # An apostrophe left out is typography, not a negation taken out.
        (
            "'I cant speak for the first death, but it looks like a lack of experience, Gaskin told "
            "the Herald.",
            "I can't speak for the first death, but it looks like a lack of experience, Inspector "
            "Gaskin said.",
        ),
        (
            "Officials dont expect the road to open again before the end of the week, he said.",
            "Officials don't expect the road to open again before the end of the week, she said.",
        ),
    ],
)
def test_a_contraction_however_written_is_not_a_negation(a: str, b: str) -> None:
    found = compare_sentences(_sentence("a", a), _sentence("b", b), 0.95, ARTICLES, lambda _: [])
    assert [f.kind for f in found if f.kind is FindingKind.NEGATION_CONFLICT] == []


def test_a_phrase_with_without_does_not_negate_its_sentence() -> None:
    a = "Judge Robert Wilkins was confirmed without opposition in 2010, officials said."
    b = "Judge Robert Wilkins was confirmed unanimously in 2010, officials said."
    found = compare_sentences(_sentence("a", a), _sentence("b", b), 0.95, ARTICLES, lambda _: [])
    assert [f.kind for f in found if f.kind is FindingKind.NEGATION_CONFLICT] == []


def test_money_without_a_noun_is_compared() -> None:
    from crosscheck.quantities import find_quantities

    def claim(article: str, text: str) -> Claim:
        [q] = find_quantities(text)
        return Claim(
            ClaimKind.QUANTITY, article, article.upper(), q.start, q.end, q.text, 0,
            len(text), text, 0, quantity=q,
        )  # fmt: skip

    a = claim("a", "The council said repairs would cost £12m over the winter.")
    b = claim("b", "The council said repairs would cost £21m over the winter.")
    [f] = compare_quantities([a], [b], 0.95, ARTICLES)
    assert f.kind is FindingKind.QUANTITY_CONFLICT


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The Conservatives also won the Tees Valley mayoralty last night.",
            "The Conservatives also won the Teesside mayoralty last night.",
        ),
        (
            "Greater Manchester mayor Andy Burnham said his victory was for the whole region.",
            "Mr Burnham said his victory was for the whole region.",
        ),
        (
            "On Wednesday morning, Sarah Okafor said the fire was out by noon.",
            "On Wednesday morning, Ms Okafor said the fire was out by noon.",
        ),
    ],
)
def test_aliases_are_not_name_conflicts(a: str, b: str) -> None:
    found = compare_sentences(_sentence("a", a), _sentence("b", b), 0.9, ARTICLES, lambda _: [])
    assert not [f for f in found if f.kind.is_conflict]


# --- quotes as real outlets write them (the real-news harness's classes) ----------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the F.B.I. told us nothing about it", "the FBI told us nothing about it"),
        ("we are gonna win this fight for sure", "we are going to win this fight for sure"),
        ("this is a f***ing disgrace and a shame", "this is a fucking disgrace and a shame"),
        (
            "by rolling back this 11th hour regulation now",
            "by rolling back this eleventh hour regulation now",
        ),
        ("that is a valid offence in law today", "that is a valid offense in law today"),
        ("we must organise the whole party again", "we must organize the whole party again"),
        (
            "we will fight ... and we will win in the end",
            "we will fight hard for every vote and we will win in the end",
        ),
        ("their (sic) campaign was a disaster for us", "their campaign was a disaster for us"),
        (
            "she passed away at 6:41pm PST this evening in hospital",
            "she passed away at 18:41 this evening in hospital",
        ),
        # an editor's bracketed letter changes a word's case, not the word
        (
            "It may be necessary to partially shut down the government",
            "[i]t may be necessary to partially shut down the government",
        ),
        (
            "could be abused by members to beat the department",
            "could be abused by Members [of Congress] to beat the department",
        ),
        # a title written out or cut, a shorthand for a short word
        (
            "As Sen. Rubio correctly says, we will not agree until we look",
            "As Senator Rubio correctly says, we will not agree till we look",
        ),
        (
            "she does not know Mr. Kavanaugh and was never at a party with, or without, him",
            "she does not know Kavanaugh and was never at a party w/ or w/o him",
        ),
        # words one outlet has where the other marks a cut
        (
            "something could be twisted and distorted…. There's no question that hurt",
            "something could be twisted and distorted. And it could come out wrong. … "
            "There's no question that hurt",
        ),
        # each outlet's own lead-in to the shared words, joined to them by "will"
        (
            "We will need a healthy public debate with committee hearings and amendments "
            "to serve as a starting point for the final product of the senate",
            "However, that legislation will only be a starting point for the final product "
            "of the senate",
        ),
        # "'s" after a noun: "is" or "has" written short
        (
            "I understand where the president is coming from on that seat",
            "I understand where the president’s coming from on that seat",
        ),
        (
            "and the president has been on the road all week long",
            "and the president's been on the road all week long",
        ),
    ],
)
def test_how_an_outlet_writes_a_quote_is_not_drift(a: str, b: str) -> None:
    f = compare_quotes(_quote("a", a, "Ann Lee"), _quote("b", b, "Ann Lee"), 0.9, ARTICLES)
    assert f is None or f.kind is FindingKind.CORROBORATION


def test_negation_is_judged_on_the_changed_words() -> None:
    # b quotes more of the remark (with its own "not") and adds "oh": no negation.
    a = "we will not give up and we will win this"
    b = "oh we will not give up and we will win this, we are not done"
    f = compare_quotes(_quote("a", a, "Ann Lee"), _quote("b", b, "Ann Lee"), 0.9, ARTICLES)
    assert f is None or f.subtype != "negation"
    # while a "not" added inside the shared words is one
    f = compare_quotes(
        _quote("a", "we will give up on this town soon", "Ann Lee"),
        _quote("b", "we will not give up on this town soon", "Ann Lee"),
        0.9,
        ARTICLES,
    )
    assert f is not None and f.subtype == "negation"


def test_a_longer_quote_of_the_same_remark_is_compared_on_its_matching_stretch() -> None:
    long = (
        "I am so excited to be hosting again. You know what they say, the third time is the charm."
    )
    short = "You know what they say, the fourth time is the charm."
    f = compare_quotes(_quote("a", long, "Ellen DeGeneres"), _quote("b", short), 0.7, ARTICLES)
    assert f is not None and f.kind is FindingKind.QUOTE_DRIFT
    assert f.detail == "-third +fourth"  # as the quotes write them


def test_nearly_the_same_words_named_for_two_people_is_misattribution() -> None:
    words_ = "nothing in this regulation relieves a federal agency of its duties"
    f = compare_quotes(
        _quote("a", words_, "Dirk Kempthorne"),
        _quote("b", words_.replace("duties", "obligations"), "Barack Obama"),
        0.9,
        ARTICLES,
    )
    assert f is not None and f.kind is FindingKind.MISATTRIBUTION


def test_an_unresolved_speaker_is_not_named_in_a_corroboration() -> None:
    words_ = "we appreciate your respect for her privacy at this time"
    f = compare_quotes(_quote("a", words_, "Jack Ketsoyan"), _quote("b", words_), 0.99, ARTICLES)
    assert f is not None and f.kind is FindingKind.CORROBORATION
    assert "Ketsoyan" not in f.explanation and "carry the same quoted words" in f.explanation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the AFC playoffs with a win", "the American Football Conference playoffs with a win"),
        ("offices in the United Kingdom and France", "offices in the UK and France"),
        ("offices in the U.K. and France", "offices in the UK and France"),
        (
            "a coach with the NBA Charlotte Bobcats this year",
            "a coach with the NBA's Charlotte Bobcats this year",
        ),
        ("the climber died on Mount Cook this week", "the climber died on Mt Cook this week"),
        (
            "the death of Ka'loni Flynn of Arkansas last year",
            "the death of Ka'loni Flynn of Ark last year",
        ),
        (
            "fault lines encircling the Pacific Ocean for miles",
            "fault lines encircling the Pacific Basin for miles",
        ),
    ],
)
def test_short_and_long_forms_of_a_name_are_one_name(a: str, b: str) -> None:
    a, b = f"Officials said {a}.", f"Officials said {b}."
    found = compare_sentences(_sentence("a", a), _sentence("b", b), 0.9, ARTICLES, lambda _: [])
    assert not [f for f in found if f.kind.is_conflict]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "the data center is the foundation of IT for firms",
            "the datacenter is the foundation of IT for firms",
        ),
        (
            "the world's thinnest and lightest notebook ever made",
            "the world's lightest and thinnest notebook ever made",
        ),
        (
            "he gave himself up just after 6 p.m. on Friday",
            "he gave himself up just after 6:00 p.m. on Friday",
        ),
    ],
)
def test_writing_and_order_are_not_drift(a: str, b: str) -> None:
    f = compare_quotes(_quote("a", a, "Ann Lee"), _quote("b", b, "Ann Lee"), 0.9, ARTICLES)
    assert f is None or f.kind is FindingKind.CORROBORATION


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "police locked down the neighbourhood at once",
            "police locked down the neighborhood at once",
        ),
        (
            "I see many houses were damages and their roofs fell",
            "I see many houses were damaged and their roofs fell",
        ),
        (
            "the flaw affects IE users on every version",
            "the flaw affects Internet Explorer users on every version",
        ),
        ("teens can join MySpace.com from today on", "teens can join MySpace from today on"),
    ],
)
def test_spelling_slips_and_short_forms_are_not_drift(a: str, b: str) -> None:
    f = compare_quotes(_quote("a", a, "Ann Lee"), _quote("b", b, "Ann Lee"), 0.9, ARTICLES)
    assert f is None or f.kind is FindingKind.CORROBORATION


def test_no_misattribution_when_an_attribution_names_the_other_speaker() -> None:
    # "said Oregon State Police Lt. Gregg Hastings" read as Lt and as Hastings, or a
    # sentence that names both people: neither outlet names the other's speaker wrong.
    words_ = "that person is dangerous and needs to be found as soon as possible"
    a = _quote("a", words_, "Gregg Hastings")
    b = _quote("b", words_, "Jenna Coleman")
    b = replace(
        b, sentence=b.sentence + " Gregg Hastings agreed.", sentence_end=b.sentence_end + 22
    )
    assert compare_quotes(a, b, 0.99, ARTICLES) is None


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        # a rate and a total, a sum and one of its parts, measure different things
        (
            "The club offered the pitcher $200 million, the paper said.",
            "The club offered the pitcher $22 million per season, the paper said.",
            False,
        ),
        (
            "He hit 13 homers in a combined 157 games with the two clubs last season.",
            "He hit 13 homers in 54 games with the two clubs last season.",
            False,
        ),
        (
            "He hit 13 homers in 64 games with the two clubs last season.",
            "He hit 13 homers in 54 games with the two clubs last season.",
            True,
        ),
        # one noun, of two things: two sets
        (
            "The committee released hundreds of pages of related material from nine people.",
            "The committee released more than 1,800 pages of transcripts Wednesday.",
            False,
        ),
        # of one thing, or of nothing said: one set
        (
            "The committee released 500 pages of transcripts on Wednesday.",
            "The committee released 1,800 pages of transcripts Wednesday.",
            True,
        ),
        (
            "The committee released 500 pages on Wednesday.",
            "The committee released 1,800 pages of transcripts Wednesday.",
            True,
        ),
    ],
)
def test_a_rate_a_sum_or_another_set_is_not_a_plain_figure(a: str, b: str, conflict: bool) -> None:
    ca, cb, articles = _extracted(a, b, lambda c: c.quantity)
    found = compare_quantities(ca, cb, 0.97, articles)
    assert any(f.kind is FindingKind.QUANTITY_CONFLICT for f in found) is conflict, found


def test_a_chant_is_not_drift() -> None:
    # A crowd's chant is said many times, many ways: not one remark retold.
    def article(aid: str, verb: str) -> Article:
        return Article(
            aid,
            aid.upper(),
            f"Marchers chanted “how many kids {verb} you kill today, how many more” at police.",
        )

    xa, xb = article("a", "will"), article("b", "did")
    [qa] = [c for c in extract_one(xa).claims if c.quote]
    [qb] = [c for c in extract_one(xb).claims if c.quote]
    assert compare_quotes(qa, qb, 0.9, {"a": xa, "b": xb}) is None
    said = [
        Article(
            aid,
            aid.upper(),
            f"Marchers said “how many kids {verb} you kill today, how many more” at police.",
        )
        for aid, verb in (("c", "will"), ("d", "did"))
    ]
    qc, qd = (next(c for c in extract_one(x).claims if c.quote) for x in said)
    f = compare_quotes(qc, qd, 0.9, {x.id: x for x in said})
    assert f is not None and f.kind is FindingKind.QUOTE_DRIFT  # a remark is compared


def test_two_remarks_that_both_outlets_carry_are_not_drift() -> None:
    text = "“The man is petrified,” Judge Vincent Moss said. “The man is an emotional wreck.”"
    xa, xb = Article("a", "A", text), Article("b", "B", text.replace("Judge Vincent Moss", "Moss"))
    qa = [c for c in extract_one(xa).claims if c.quote]
    qb = [c for c in extract_one(xb).claims if c.quote]
    found = [compare_quotes(x, y, 0.8, {"a": xa, "b": xb}) for x in qa for y in qb]
    assert not [f for f in found if f is not None and f.kind.is_conflict]


def test_a_figure_not_compared_still_vouches_for_its_value() -> None:
    # "is only designed to resolve the 32-bit version" reads as a hypothetical, so its
    # 32 is not compared; it still says the sentence's 64 is another version.
    a = Article(
        "a", "A", "The patch is designed to fix the 32-bit version, not the 64-bit version."
    )
    b = Article("b", "B", "The patch fixes the 32-bit version of the browser only.")
    ca = [c for c in extract_one(a).claims if c.quantity]
    cb = [c for c in extract_one(b).claims if c.quantity]

    found = compare_quantities(ca, cb, 0.95, {"a": a, "b": b}) + compare_quantities(
        cb, ca, 0.95, {"a": a, "b": b}
    )
    assert not [f for f in found if f.kind is FindingKind.QUANTITY_CONFLICT]


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        # a stamp of the report is not the event's date
        (
            "27/09/2013-Turkmenistan to hold parliamentary elections on a two-party basis.",
            "Turkmenistan will hold parliamentary elections on December 15, 2013 on a two-party basis.",
            False,
        ),
        (
            "Seacom announced on Twitter today (14 October 2011) that service was restored.",
            "Seacom announced on Twitter today (20 October 2011) that service was restored.",
            False,
        ),
        (
            "Voters in 2009 approved a $3 million bond to buy the properties.",
            "Palmer voters in 2010 approved a $3 million bond to buy the property.",
            True,
        ),
        # a date of a thing the sentence names, or a deadline, is not the event's date
        (
            "In 2009 Kasich and Cruz made a deal so Cruz could take on Trump in the primary.",
            "Kasich and Cruz made a deal so Cruz could take on Trump in 2010's primary.",
            False,
        ),
        (
            "In 2018 a federal judge ordered officials to review all provisional ballots.",
            "A federal judge ordered officials to review all provisional ballots before 2019.",
            False,
        ),
        # a date of an earlier step the sentence looks back on
        (
            "Obama said he is releasing $70 million in aid for Israel, first announced in May 2012.",
            "Obama said on July 27, 2012 that he was releasing $70 million in aid for Israel.",
            False,
        ),
        # one thing counted differently, each with its date: two periods' figures
        (
            "Employers added 162,000 jobs in July 2013, below expectations.",
            "Employers added 176,000 jobs in May 2013, below expectations.",
            False,
        ),
        (
            "Employers added 162,000 jobs in July 2013, below expectations.",
            "Employers added 162,000 jobs in May 2013, below expectations.",
            True,
        ),
    ],
)
def test_date_rule(a: str, b: str, conflict: bool) -> None:
    da, db, articles = _extracted(a, b, lambda c: c.date)
    qa, qb, _ = _extracted(a, b, lambda c: c.quantity)
    found = compare_dates(da, db, 0.9, articles, figures=(qa, qb))
    assert bool(found) is conflict


@pytest.mark.parametrize(
    ("a", "b", "drift"),
    [
        # the articles name two days for the two quotes: two statements
        (
            "Asked Monday about the report, Carney said Obama wants to “close the many "
            "loopholes in our background check system.”",
            "Jay Carney on Tuesday repeated the president's view.\n\n"
            "“We want to close loopholes in our background check system,” Mr. Carney said.",
            False,
        ),
        # one day, or a day for only one of them: one remark, drifted
        (
            "Asked Monday about the report, Carney said Obama wants to “close the many "
            "loopholes in our background check system.”",
            "Jay Carney on Monday repeated the president's view.\n\n"
            "“We want to close loopholes in our background check system,” Mr. Carney said.",
            True,
        ),
        (
            "Asked Monday about the report, Carney said Obama wants to “close the many "
            "loopholes in our background check system.”",
            "Protesters marched on Tuesday.\n\n"
            "“We want to close loopholes in our background check system,” Mr. Carney said.",
            True,
        ),
    ],
)
def test_quotes_said_on_two_days_are_two_statements(a: str, b: str, drift: bool) -> None:
    f = _quote_pair(a, b)
    assert (f is not None and f.kind is FindingKind.QUOTE_DRIFT) is drift


def test_a_quote_said_many_times_is_not_one_remark_drifted() -> None:
    a = (
        "“The memorized 30-second speech where you talk about how great America is doesn't "
        "solve one problem,” Christie said."
    )
    texts = {
        "called out Mr. Rubio many times, asking the audience to watch for": False,
        "called out Mr. Rubio, asking the audience to watch for": True,
        ", whose office was repeatedly attacked, asked the audience to watch for": True,
    }
    for attribution, drift in texts.items():
        b = f"Gov. Chris Christie {attribution} a “memorized 25-second speech.”"
        f = _quote_pair(a, b)
        assert (f is not None and f.kind is FindingKind.QUOTE_DRIFT) is drift, attribution


@pytest.mark.parametrize(
    ("a", "b", "drift"),
    [
        # a remark its attribution dates to 2009, against one in a report of 2013
        (
            "“If you like your doctor, you will be able to keep your doctor, period,” he said in "
            "2009, at a conference of doctors.",
            "“If you like your plan, you will be able to keep your plan, period,” Mr. Obama said.",
            False,
        ),
        (
            "In 2009, President Obama said “If you like your doctor, you will be able to keep "
            "your doctor, period.”",
            "“If you like your plan, you will be able to keep your plan, period,” Mr. Obama said.",
            False,
        ),
        # no year named for either: one remark, drifted
        (
            "“If you like your doctor, you will be able to keep your doctor, period,” he said at "
            "a conference of doctors.",
            "“If you like your plan, you will be able to keep your plan, period,” Mr. Obama said.",
            True,
        ),
    ],
)
def test_quotes_said_in_two_years_are_two_statements(a: str, b: str, drift: bool) -> None:
    day = dt.date(2013, 11, 1)
    f = _quote_pair(a, b, day)
    assert (f is not None and f.kind is FindingKind.QUOTE_DRIFT) is drift


@pytest.mark.parametrize(
    ("full", "other", "drift"),
    [
        # a word left out of a few words woven into the outlet's own sentence: its cut
        (
            "“It is deplorable that Trump has built his campaign largely on prejudice and "
            "paranoia,” Clinton said.",
            "In a speech Clinton said he “built his campaign on prejudice and paranoia” and more.",
            False,
        ),
        # ... not a word of degree left out, nor a word left out of a quote of its own
        (
            "“It is deplorable that Trump has built his campaign only on prejudice and "
            "paranoia,” Clinton said.",
            "In a speech Clinton said he “built his campaign on prejudice and paranoia” and more.",
            True,
        ),
        (
            "“It is deplorable that Trump has built his campaign largely on prejudice and "
            "paranoia,” Clinton said.",
            "Clinton said: “It is deplorable that Trump has built his campaign on prejudice and "
            "paranoia.”",
            True,
        ),
    ],
)
def test_a_word_left_out_of_a_woven_fragment_is_the_outlets_cut(
    full: str, other: str, drift: bool
) -> None:
    f = _quote_pair(full, other)
    assert (f is not None and f.kind is FindingKind.QUOTE_DRIFT) is drift
