"""The real-news harness (benchmarks/realnews.py): stories rebuilt from ECB+, seeded
changes that are what they claim to be, scoring, and the committed judgements."""

from __future__ import annotations

import json
import random

import pytest

from benchmarks import realnews
from crosscheck.embed import Embedder
from crosscheck.model import Article, Finding, FindingKind, Report, Severity, Side

from .conftest import ROOT, require_shared


@pytest.fixture(scope="module")
def stories() -> list[realnews.Story]:
    require_shared("eval", "ecbplus")
    return realnews.load_stories()


def test_build_article_keeps_a_quote_over_sentences_in_one_paragraph() -> None:
    article, spans = realnews.build_article(
        "d", ["Headline here", "“We are grateful.", "She is fine,” he said.", "Next."]
    )
    assert article.text == "Headline here\n“We are grateful. She is fine,” he said.\nNext."
    assert [article.text[s:e] for s, e in spans][1:3] == [
        "“We are grateful.",
        "She is fine,” he said.",
    ]


def test_stories_are_the_86_events(stories: list[realnews.Story]) -> None:
    assert len(stories) == 86
    assert sum(len(s.articles) for s in stories) == 982
    for story in stories[:5]:
        for (doc, _), (lo, hi) in story.where.items():
            assert story.article(doc).text[lo:hi].strip()


@pytest.mark.parametrize(
    ("value", "like", "written"),
    [(3, "Three", "Nine"), (12, "12", "12"), (2000, "2,000", "2,000"), (9, "nine", "nine")],
)
def test_write_number(value: int, like: str, written: str) -> None:
    if like == "Three":
        value = 9
    assert realnews.write_number(value, like) == written


@pytest.mark.parametrize("value", [1, 2, 3, 7, 12, 80, 2117])
def test_a_changed_number_is_clearly_different(value: int) -> None:
    for seed in range(20):
        new = realnews.changed_number(value, random.Random(seed))
        assert new != value and max(new, value) / min(new, value) >= 1.5


def test_cases_change_what_they_say(stories: list[realnews.Story]) -> None:
    subset = stories[:30]
    cases = (
        realnews.count_cases(subset) + realnews.quote_cases(subset) + realnews.copy_cases(subset)
    )
    assert {c.kind for c in cases} == set(realnews.KINDS)
    assert cases == realnews.count_cases(subset) + realnews.quote_cases(
        subset
    ) + realnews.copy_cases(subset)
    by_event = {s.event: s for s in subset}
    for case in cases:
        story = by_event[case.event]
        articles = realnews.apply(story, case)
        changed = next(a for a in articles if a.id == case.article)
        assert changed.text == case.text
        assert case.carriers and case.article not in case.carriers
        if case.copy_of:
            assert len(articles) == len(story.articles) + 1
        else:
            assert changed.text != story.article(case.article).text
        if case.kind in ("count", "copy_count", "copy_quote", "copy_name"):
            assert all(case.text[s:e] for s, e in case.targets)
            assert case.after in {case.text[s:e] for s, e in case.targets}


def test_a_quote_is_carried_only_by_another_outlet() -> None:
    said = "“We will rebuild every home the storm destroyed,” the mayor said."
    articles = (
        Article(id="a", outlet="CNN", text=f"The storm hit on Monday. {said}"),
        Article(id="b", outlet="cnn ", text=f"Crews worked all night. {said}"),
    )
    story = realnews.Story("e", articles, {}, {})
    assert realnews.quote_cases([story]) == []  # one outlet's two articles
    other = Article(id="c", outlet="NPR", text=f"Rain is due on Friday. {said}")
    cases = realnews.quote_cases([realnews.Story("e", (*articles, other), {}, {})])
    assert cases and all(c.carriers == ("c",) or c.article == "c" for c in cases)


def test_matching_needs_the_changed_span_and_a_carrier() -> None:
    case = realnews.Case("x", "count", "e", "a", "text", ((10, 12),), ("b",), "3", "9")

    def finding(kind: FindingKind, a: tuple[str, int], b: tuple[str, int]) -> Finding:
        sides = tuple(Side(x, x, "t", "s", at, at + 2, 0, 20) for x, at in (a, b))
        return Finding(kind, Severity.HIGH, "", sides)

    report = Report(
        (),
        (
            finding(FindingKind.QUANTITY_CONFLICT, ("a", 10), ("b", 3)),
            finding(FindingKind.QUANTITY_CONFLICT, ("a", 15), ("b", 3)),  # elsewhere
            finding(FindingKind.QUANTITY_CONFLICT, ("a", 10), ("c", 3)),  # not a carrier
            finding(FindingKind.CORROBORATION, ("a", 10), ("b", 3)),  # not a conflict
        ),
        "m",
    )
    assert realnews.matching(report, case) == [report.findings[0]]


def test_a_verdict_holds_while_the_finding_reads_as_it_was_judged() -> None:
    sides = tuple(Side(x, x, "t", "s", 0, 2, 0, 20) for x in "ab")
    f = Finding(FindingKind.QUOTE_DRIFT, Severity.LOW, "Ann Lee is quoted differently", sides)
    fid = realnews.finding_id(f)
    judged = {fid: {"id": fid, "verdict": "false", "explanation": f.explanation}}
    assert realnews.precision([("e", f)], judged)["realnews_judged"] == 1
    # the same finding now names another speaker: its verdict no longer holds
    g = Finding(f.kind, f.severity, "Tom Pell is quoted differently", sides)
    out = realnews.precision([("e", g)], judged)
    assert out["realnews_judged"] == 0 and out["realnews_unjudged"] == 1
    # a verdict recorded without the explanation holds as before
    assert realnews.precision([("e", g)], {fid: {"id": fid, "verdict": "true"}})["realnews_judged"]


def test_harness_runs_on_a_few_stories(embedder: Embedder, stories: list[realnews.Story]) -> None:
    out = realnews.realnews(embedder, events=4)
    assert out["stories"] == 4 and out["cases"] > 0
    for key in ("realnews_count_recall", "realnews_copy_recall"):
        assert out[key] is None or 0 <= out[key] <= 1
    assert out["recall"]["copy_corroborations"] == 0  # a copy never corroborates its original
    assert (
        out["realnews_judged"] + out["realnews_unjudged"] == out["precision"]["realnews_conflicts"]
    )


def test_the_committed_judgements_are_well_formed() -> None:
    lines = (ROOT / "benchmarks" / "realnews_judgements.jsonl").read_text().splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    assert records
    for r in records:
        assert set(r) == {"id", "verdict", "reason"}, r
        assert r["verdict"] in realnews.VERDICTS and r["reason"].strip()
    assert len({r["id"] for r in records}) == len(records)
    assert realnews.load_judgements()
