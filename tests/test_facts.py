"""Figures compared as facts of a story (crosscheck/facts.py): by slot across whole
articles, parts as lower bounds, updates between days, and the per-fact consensus."""

from __future__ import annotations

import datetime as dt
from itertools import combinations

import pytest

from crosscheck.engine import extract_one
from crosscheck.facts import compare_facts, developing_slot, readings, slot_key, slot_name
from crosscheck.model import Article, ClaimKind, Finding, FindingKind


def article(aid: str, text: str, published: dt.date | None = None) -> Article:
    return Article(id=aid, outlet=aid.title(), text=text, published=published)


def run(*articles: Article) -> tuple[list[Finding], list]:
    claims = [c for a in articles for c in extract_one(a).claims if c.kind is ClaimKind.QUANTITY]
    links = list(combinations(sorted(a.id for a in articles), 2))
    return compare_facts({a.id: a for a in articles}, claims, links, {a.id: a.id for a in articles})


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        # phrased differently, one slot: a conflict the sentence pairing never saw
        (
            "Ten officers dead after the ambush in the city.",
            "Police said five police officers were killed.",
            True,
        ),
        (
            "The quake killed 10 people on Sunday.",
            "Officials said the death toll rose to 10.",
            False,
        ),
        # shot, killed, injured are three slots
        (
            "Six people were shot at the mall.",
            "Two people were killed and four were injured.",
            False,
        ),
        # a part says at least: four others of any larger total
        ("Four others were injured in the blast.", "Nine people were injured, police said.", False),
        ("Four others were injured in the blast.", "Two people were injured, police said.", True),
        # "N others" against "N others": one slot, compared as it is
        ("Two others were wounded in the attack.", "Four others were wounded in the attack.", True),
        ("A mother of 12 was killed in the crossfire.", "The mother of six was shot dead.", True),
        # those taken to hospital or dead at the scene are part of the toll (issue 22)
        ("Three people were taken to the hospital.", "Five people were injured.", False),
        ("Three people were taken to the hospital.", "Two people were injured.", True),
        ("Two were pronounced dead at the scene.", "Three people died in the crash.", False),
        ("Two were pronounced dead at the scene.", "One person died in the crash.", True),
        # a figure said of an event the other article never names is not its story's
        (
            "Like they did during Rwanda, where close to a million people were killed.",
            "Officials said 12 people were killed in the bombing.",
            False,
        ),
        # a list of parts
        ("Two men and two women were wounded.", "Nine people were wounded.", False),
        # a kind of people is part of the people in general
        ("The attack killed three officers.", "Ten people were killed in the attack.", False),
        ("The attack killed five officers.", "Three people were killed in the attack.", True),
        # ... but a kind of people far beyond the other's total is of another event
        (
            "Two bombs exploded near the finish line, killing three.",
            "Russian assaults were brutal, killing tens of thousands of civilians.",
            False,
        ),
        # ... unless the part's article gives the total too (see the test below)
        (
            "The quake killed five people. Six children died when a mosque collapsed.",
            "Five people were killed in the quake.",
            False,
        ),
        # other events and what did not happen belong to no slot of this story
        (
            "In 2004 a tsunami killed 170,000 people in the province.",
            "The quake killed 24 people.",
            False,
        ),
        ("He hoped to kill hundreds of people.", "The bomb killed two people.", False),
        (
            "Days after five officers were killed in Dallas, protesters marched.",
            "Two officers were killed.",
            False,
        ),
        # figures said of two days of the week are two occasions; the day a figure is
        # reported on ("by Monday", "said on Monday") is not its occasion
        (
            "Protesters clashed with police on Wednesday night, and 46 were arrested.",
            "A vigil turned violent on Monday night. One person was arrested, police said.",
            False,
        ),
        (
            "Police said 46 people were arrested after the protest on Monday night.",
            "A vigil turned violent on Monday night. One person was arrested, police said.",
            True,
        ),
        # a figure of a place the other article never names is not compared
        (
            "On Saturday, more than a dozen people were killed by a quake in eastern China.",
            "The quake on Qeshm killed 10 people on Sunday.",
            False,
        ),
        (
            "The quake killed 10 people in southern Iran.",
            "Officials said the quake in Iran killed 3 people.",
            True,
        ),
        # a month, written out or short, is not a place the other must name
        (
            "Twenty children and six adults were killed in the Dec. 14 massacre in Newtown.",
            "The gunman killed 20 children and 15 adults at the school in Newtown.",
            True,
        ),
        # a day named paragraphs before is the day of what they tell, not of the figure
        (
            "On Friday, a gunman shot dead four people at a supermarket in Paris.",
            "On Tuesday, police arrested a man in Bulgaria.\n\nThe gunman killed ten people "
            "at a supermarket in Paris.",
            True,
        ),
        (
            "Elsewhere, at least 12 members of one family were killed.",
            "The shelling killed 40 people.",
            False,
        ),
        # two quakes of one story: the sentences give two magnitudes
        (
            "A 5.6 magnitude earthquake hit the island, injuring five people.",
            "A 5.2 magnitude quake has injured three people on the island.",
            False,
        ),
        (
            "A 5.6 magnitude earthquake hit the island, injuring five people.",
            "The 5.6 magnitude quake injured three people on the island.",
            True,
        ),
        # ... and a sentence that gives none has its article's first ("magnitude-5.2" too)
        (
            "Five people were wounded by the quake on the island. The quake measured 5.6 on "
            "the Richter scale.",
            "A magnitude-5.2 quake has injured three people on the island.",
            False,
        ),
        (
            "Five people were wounded by the quake on the island. The 5.2 magnitude quake "
            "struck on Sunday.",
            "A magnitude-5.2 quake has injured three people on the island.",
            True,
        ),
        # an article that states the other's figure somewhere does not contradict it,
        # whatever figure it gives first
        (
            "At least 22 houses were damaged in the district. Ten houses were damaged in the town.",
            "Officials said ten houses were damaged.",
            False,
        ),
        # ... and so does one that gives it as a kind of its people
        (
            "The attack killed 31 people. More than 70,000 civilians have been killed in the "
            "attempt to overthrow the regime.",
            "There is no sign of an end to the fighting, which has gone on for more than two "
            "years and has left more than 70,000 dead.",
            False,
        ),
        # ... but one person of a kind is a scene of the event, not a tally of the kind
        (
            "The quake killed five people. In one village a landslide killed one man.",
            "A strong quake struck the province, killing one person.",
            True,
        ),
        # an open bound states the figures near it: "more than 40" states 42, "at least
        # one" does not state 24
        (
            "More than 50 were killed in the strikes. More than 40 died at the school.",
            "Officials said 42 people were killed.",
            False,
        ),
        (
            "One person was killed in the quake. At least one person died, the mayor said.",
            "Officials said 24 people were killed in the quake.",
            True,
        ),
        # the other's figure is a part this article names: the other counted that part
        (
            "In total, 17 people died during three days, including 12 people in the attack.",
            "The attack killed 12 people.",
            False,
        ),
        # ... and so does a mention read as of another time ("last week's rampage")
        (
            "Last week's rampage killed 12 people. The gunman who killed four people at a "
            "supermarket fled.",
            "The attack on the magazine left 12 people dead.",
            False,
        ),
        # a vague amount is a lower bound
        ("Dozens were injured in the quake.", "The quake injured 249 people.", False),
        ("Dozens were injured in the quake.", "The quake injured 12 people.", True),
    ],
)
def test_slot_conflicts(a: str, b: str, conflict: bool) -> None:
    day = dt.date(2024, 5, 1)  # reports of one day: a difference is a conflict
    findings, _ = run(article("a", a, day), article("b", b, day))
    kinds = [f.kind for f in findings]
    assert (FindingKind.QUANTITY_CONFLICT in kinds) is conflict, [f.explanation for f in findings]


@pytest.mark.parametrize(
    ("days", "kind"),
    [
        ((dt.date(2024, 5, 1), dt.date(2024, 5, 1)), FindingKind.QUANTITY_CONFLICT),
        ((dt.date(2024, 5, 1), dt.date(2024, 5, 3)), FindingKind.UPDATE),
        # undated, nothing to order them by: an earlier and a later count as often as not
        ((None, None), FindingKind.UPDATE),
    ],
)
def test_a_developing_figure_conflicts_only_between_reports_of_one_day(
    days: tuple[dt.date | None, dt.date | None], kind: FindingKind
) -> None:
    findings, _ = run(
        article("a", "Police said ten people were killed in the attack.", days[0]),
        article("b", "Five people were killed in the attack, police said.", days[1]),
    )
    assert [f.kind for f in findings] == [kind]
    if days == (None, None):  # no order is claimed: the lower figure first
        assert findings[0].sides[0].article == "b" and "undated" in findings[0].explanation


def test_a_part_is_not_set_against_a_total_where_its_article_gives_one() -> None:
    day = dt.date(2024, 5, 1)
    findings, _ = run(
        article("a", "The quake killed 11 people. Six children died when a mosque collapsed.", day),
        article("b", "Five people were killed in the quake.", day),
    )
    # one finding: the totals, 11 against five; not six children against five
    assert [(f.kind, [s.text for s in f.sides]) for f in findings] == [
        (FindingKind.QUANTITY_CONFLICT, ["11", "Five"])
    ]


@pytest.mark.parametrize(
    ("sentence", "number", "role"),
    [
        # a part with nothing after its noun takes the role of the sentence's figure ...
        ("In total, 17 people died, including 12 people in the attack.", "12", "killed"),
        # ... not one with a predicate of its own
        ("Six children were killed and 14 others were trapped under the rubble.", "14", ""),
    ],
)
def test_a_part_takes_its_sentences_role_only_without_a_predicate(
    sentence: str, number: str, role: str
) -> None:
    (q,) = [c.quantity for c in extract_one(article("a", sentence)).claims if c.text == number]
    assert q is not None and q.role == role


def test_a_figure_that_does_not_develop_conflicts_undated() -> None:
    findings, _ = run(
        article("a", "The thieves stole 12 cars in the town."),
        article("b", "In the town, 30 cars were stolen by the thieves."),
    )
    assert [f.kind for f in findings] == [FindingKind.QUANTITY_CONFLICT]


def test_damage_is_tallied_as_it_is_surveyed() -> None:
    # undated, an earlier and a later survey as often as a conflict
    findings, _ = run(
        article("a", "The storm damaged 12 houses in the town."),
        article("b", "In the town, 30 houses were damaged by the storm."),
    )
    assert [f.kind for f in findings] == [FindingKind.UPDATE]


def test_reading_keeps_the_first_consistent_figures() -> None:
    text = (
        "Three killed as rioters bomb Greek bank\n"  # a headline
        "A firebomb attack killed at least three people today.\n"
        "Elsewhere in the city, police said 30 people were killed."  # another fact
    )
    claims = [c for c in extract_one(article("a", text)).claims if c.quantity]
    (read,) = [r for k, r in readings(claims).items() if k[0] == "killed"]
    assert (read.interval.low, read.interval.high) == (3, 3)
    assert read.mention.text == "Three"


def test_an_update_between_days_is_not_a_conflict() -> None:
    early = article("early", "The quake killed 10 people.", dt.date(2024, 5, 1))
    late = article("late", "The death toll rose to 25 on Monday.", dt.date(2024, 5, 2))
    findings, facts = run(early, late)
    (f,) = findings
    assert f.kind is FindingKind.UPDATE and not f.kind.is_conflict
    assert [s.article for s in f.sides] == ["early", "late"]  # the timeline's order
    assert "Early gave 10 on 2024-05-01, Late 25 on 2024-05-02" in f.explanation
    (fact,) = facts
    assert [v.side.article for v in fact.values] == ["early", "late"]


def test_the_same_day_is_a_conflict() -> None:
    day = dt.date(2024, 5, 1)
    findings, _ = run(
        article("a", "The quake killed 10 people.", day),
        article("b", "The quake killed 25 people.", day),
    )
    assert [f.kind for f in findings] == [FindingKind.QUANTITY_CONFLICT]


def test_consensus_names_the_outlier() -> None:
    texts = {
        "a": "Three people died in the fire.",
        "b": "The fire killed three people.",
        "c": "Three dead in bank fire, police say.",
        "d": "Nine people were killed in the fire.",
    }
    findings, facts = run(*(article(k, v) for k, v in texts.items()))
    (fact,) = facts
    assert fact.slot == "people killed"
    assert fact.agree == ("A", "B", "C") and fact.outliers == ("D",)
    assert {frozenset(s.article for s in f.sides) for f in findings} == {
        frozenset({x, "d"}) for x in "abc"
    }


def test_unlinked_articles_are_not_compared() -> None:
    a, b = article("a", "The quake killed 10 people."), article("b", "The quake killed 25 people.")
    claims = [c for x in (a, b) for c in extract_one(x).claims if c.quantity]
    findings, facts = compare_facts({"a": a, "b": b}, claims, [], {"a": "a", "b": "b"})
    assert findings == [] and facts == []


def test_a_follow_up_weeks_later_compares_only_developing_figures() -> None:
    # issue 22: articles further apart than the pairing window that still tell one
    # incident (a follow-up) compare what a later report may raise, as an update
    early = article(
        "early", "The tornado killed 24 people. About 2,000 people attended a vigil.",
        dt.date(2013, 5, 21),
    )  # fmt: skip
    late = article(
        "late", "The tornado killed 51 people. About 500 people attended a vigil.",
        dt.date(2013, 6, 11),
    )  # fmt: skip
    claims = [c for x in (early, late) for c in extract_one(x).claims if c.quantity]
    arts, sources = {"early": early, "late": late}, {"early": "early", "late": "late"}
    findings, _ = compare_facts(arts, claims, [], sources, followups=[("late", "early")])
    (f,) = findings  # the toll, not the vigil's crowd, which does not develop
    assert f.kind is FindingKind.UPDATE and "Early gave 24 on 2013-05-21" in f.explanation
    findings, _ = compare_facts(arts, claims, [("early", "late")], sources)
    assert {f.kind for f in findings} == {FindingKind.UPDATE, FindingKind.QUANTITY_CONFLICT}


@pytest.mark.parametrize(
    ("follow_up", "conflict"),
    [
        # a follow-up names its incident by when it happened: its figure is the story's
        ("Al Qaeda claimed responsibility for last week's attack that killed 5 people.", True),
        ("Al Qaeda claimed responsibility for last week's attack that killed 12 people.", False),
        # a report of a new attack that recalls last week's tells two events
        (
            "A gunman killed 12 people on Monday. Last week's attack killed 5 people.",
            False,
        ),
    ],
)
def test_a_figure_of_the_recent_past_is_the_follow_ups_own(follow_up: str, conflict: bool) -> None:
    # issue 22: "last week" put a follow-up's own toll in another event
    report = article("report", "Gunmen killed 12 people at the magazine.")
    findings, _ = run(report, article("follow", follow_up))
    assert bool(findings) is conflict


def test_a_follow_up_of_the_recent_past_gives_a_developing_figure() -> None:
    (c,) = [
        c
        for c in extract_one(article("f", "It was last week's shooting that killed two.")).claims
        if c.quantity
    ]
    assert c.quantity is not None and c.quantity.scope == "recent" and developing_slot(c)


@pytest.mark.parametrize(
    ("text", "number", "has_slot"),
    [
        ("The quake killed 10 people.", "10", True),
        ("The blast killed five decades of work.", "five", False),  # not people
        ("The storm destroyed 40 homes.", "40", True),
        ("Damage was put at $1 million ($1.52 million).", "$1.52 million", False),
    ],
)
def test_slot_key(text: str, number: str, has_slot: bool) -> None:
    claims = [c for c in extract_one(article("a", text)).claims if c.quantity and c.text == number]
    assert claims, [c.text for c in extract_one(article("a", text)).claims]
    assert (slot_key(claims[0]) is not None) is has_slot


def test_the_day_a_figure_is_reported_on_is_not_its_occasion() -> None:
    day = dt.date(2013, 3, 13)
    findings, _ = run(
        article(
            "a", "The protest began on Monday. Police said on Wednesday that 46 were arrested.", day
        ),
        article("b", "A vigil turned violent on Monday night. One person was arrested.", day),
    )
    assert [f.kind for f in findings] == [FindingKind.QUANTITY_CONFLICT]


def test_a_sentence_opening_on_a_pronoun_continues_the_event_before_it() -> None:
    text = (
        "The quake on Qeshm killed 10 people on Sunday.\n"
        "In February 2005 a quake hit Zarand. It killed 612 people and injured 1,400."
    )
    claims = [c for c in extract_one(article("a", text)).claims if c.quantity]
    assert [c.text for c in claims if slot_key(c)] == ["10"]


def test_between_undated_articles_the_one_naming_more_days_is_the_later_report() -> None:
    early = article(
        "early", "On Saturday a quake hit the island. It killed 10 people, police said."
    )
    late = article(
        "late",
        "The quake hit the island on Saturday. By Monday the death toll had risen: officials "
        "said 25 people were killed.",
    )
    findings, _ = run(early, late)
    (f,) = findings
    assert f.kind is FindingKind.UPDATE
    assert [s.article for s in f.sides] == ["early", "late"]
    assert "in a later report (it names Monday)" in f.explanation


@pytest.mark.parametrize(
    ("key", "name"),
    [
        (("killed", "", "child", "", ""), "children killed"),
        (("killed", "", "man", "", ""), "men killed"),
        (("injured", "", "woman", "", ""), "women injured"),
        (("killed", "", "officer", "", ""), "officers killed"),
        (("killed", "", "", "", ""), "people killed"),
    ],
)
def test_a_slot_is_named_in_plain_english(key: tuple[str, str, str, str, str], name: str) -> None:
    # "eight childs" and "four lifes" in AllSides findings (issue 22)
    assert slot_name(key) == name
