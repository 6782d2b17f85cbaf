"""The dated real-news harness (benchmarks/allsides.py) and blind judging
(benchmarks/judging.py): what the harness counts as a shared figure, cases that change
what they say (and the date where they say so), and well-formed blind judgements."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from benchmarks import allsides, judging, realnews
from crosscheck.model import Article, Finding, FindingKind, Severity, Side

from .conftest import require_shared


@pytest.fixture(scope="module")
def stories() -> list[realnews.Story]:
    require_shared("eval", "allsides")
    return allsides.load_stories(12)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Police said 12 people were killed.", [(12, "people")]),
        ("Five officers were shot.", [(5, "officers")]),
        ("The attack killed 1,200 civilians.", [(1200, "civilians")]),
        # not counts of the story's facts, or not exact ones
        ("More than 12 people were killed.", []),
        ("He served two years in prison.", []),
        ("Here are five things to watch.", []),
        ("Proposition 8 was struck down.", []),
        ("The 9/11 attacks changed everything.", []),
        ("The 2008 campaign was long.", []),
        ("The score was 3 to 5 points.", []),
        ("One person died.", []),
    ],
)
def test_counts_are_plain_figures_of_plural_things(
    text: str, counted: list[tuple[int, str]]
) -> None:
    assert [(v, w) for _, _, v, w in allsides.counts(text)] == counted


def test_sentence_around_stops_at_sentence_ends() -> None:
    text = "First one. Police said 12 people died. Last."
    lo, hi = allsides.sentence_around(text, text.index("12"))
    assert text[lo:hi] == "Police said 12 people died."


def test_stories_are_dated_topic_days_of_three_outlets(stories: list[realnews.Story]) -> None:
    assert len(stories) == 12
    assert stories == allsides.load_stories(12)  # seeded
    for s in stories:
        assert len({a.outlet for a in s.articles}) >= 3
        assert len({a.published for a in s.articles}) == 1 and s.articles[0].published


def test_a_month_span_adds_one_later_day_of_the_same_topic(
    stories: list[realnews.Story],
) -> None:
    spans = allsides.month_spans(stories)
    assert spans and spans == allsides.month_spans(stories)  # seeded
    by_event = {s.event: s for s in stories}
    for span in spans:
        event, later = span.event.split("+")
        first = by_event[event]
        assert span.articles[: len(first.articles)] == first.articles
        added = span.articles[len(first.articles) :]
        assert added and {a.published for a in added} == {dt.date.fromisoformat(later)}
        gap = (dt.date.fromisoformat(later) - first.articles[0].published).days
        assert 7 < gap <= 31


def test_count_cases_change_one_sentence_and_move_dated_ones(
    stories: list[realnews.Story],
) -> None:
    cases = allsides.count_cases(stories)
    assert cases
    by_event = {s.event: s for s in stories}
    for case in cases:
        story = by_event[case.event]
        changed = next(a for a in realnews.apply(story, case) if a.id == case.article)
        old = story.article(case.article)
        ((lo, hi),) = case.targets
        assert changed.text[lo:hi] == case.after
        # one figure changed, the rest of the article as it was
        assert changed.text[:lo] == old.text[:lo] and old.text.endswith(changed.text[hi:])
        assert old.published is not None and changed.published is not None
        assert (changed.published - old.published).days == case.later_days
        assert case.carriers and case.article not in case.carriers
        if case.kind != "count":
            assert case.group == "casualty" and case.kind in allsides.DATED


def test_a_copy_keeps_its_originals_date() -> None:
    a = Article("a", "A", "Text.", published=dt.date(2015, 3, 1))
    story = realnews.Story("e", (a,), {}, {})
    case = realnews.Case("x", "copy_count", "e", "copy-of-a", "Text!", ((0, 1),), ("a",), "", "",
                         copy_of="a")  # fmt: skip
    copy = realnews.apply(story, case)[-1]
    assert (copy.id, copy.outlet, copy.published) == ("copy-of-a", "copy-of-a", a.published)


def _finding(n: int) -> Finding:
    sides = (
        Side("a", "A", f"{n} people", f"{n} people died.", n, n + 2, n, n + 12),
        Side("b", "B", "9 people", "9 people died.", 0, 1, 0, 12),
    )
    return Finding(FindingKind.QUANTITY_CONFLICT, Severity.HIGH, f"{n} vs 9", sides)


def test_the_blind_sample_order_holds_as_findings_come_and_go() -> None:
    found = [("e", _finding(n)) for n in range(20)]
    first = [found[i][1].explanation for i in judging.order(found)]
    some = found[::2]
    fewer = [some[i][1].explanation for i in judging.order(some)]
    assert [f for f in first if f in fewer] == fewer


def test_a_packet_shows_the_finding_and_both_articles_whole() -> None:
    story = realnews.Story(
        "e", (Article("a", "A", "5 people died here."), Article("b", "B", "9 people died.")), {}, {}
    )
    text = judging.packet("e", _finding(5), story)
    assert "5 vs 9" in text and "5 people died here." in text and "9 people died." in text
    assert "rule" not in text.lower()


@pytest.mark.parametrize("corpus", ["ecbplus", "allsides"])
def test_the_blind_judgements_are_well_formed(corpus: str) -> None:
    path = judging.path(corpus)
    records = [json.loads(x) for x in path.read_text().splitlines() if x.strip()]
    assert len(records) >= 60
    for r in records:
        keys = {"id", "verdict", "cause", "reason", "judge"}
        assert keys <= set(r) <= keys | {"explanation"}, r
        assert r["verdict"] in realnews.VERDICTS and r["reason"].strip() and r["judge"]
        assert bool(r["cause"]) == (r["verdict"] == "false"), r
    assert len({r["id"] for r in records}) == len(records)


def test_a_case_packet_marks_the_figure_and_the_carriers_mentions() -> None:
    a = Article("a", "A", "Police said 12 people were killed.", published=dt.date(2015, 3, 1))
    b = Article("b", "B", "Twelve died. Later, 12 people were killed, police said.")
    story = realnews.Story("e", (a, b), {}, {})
    text = allsides.case_packet(story, "a", 12, 14, 12, "people", ["b"])
    assert "⟦12⟧ people were killed" in text
    assert "Later, ⟦12⟧ people were killed" in text and "Twelve died" in text


def test_the_case_checks_are_of_the_cases_figures() -> None:
    require_shared("eval", "allsides")
    checks = [json.loads(x) for x in allsides.CASE_CHECKS.read_text().splitlines() if x.strip()]
    sites = {c.site for c in allsides.count_cases(allsides.load_stories())}
    assert {r["site"] for r in checks} == sites  # every figure checked, none stale
    for r in checks:
        assert r["verdict"] in ("same", "different", "unclear") and r["reason"] and r["judge"]
        assert bool(r["carrier"]) == (r["verdict"] == "same"), r
