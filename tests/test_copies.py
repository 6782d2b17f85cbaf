"""Edited copies (crosscheck/copies.py): what a near-copy of another outlet's article
changed, classified, with both spans; rewording is not reported."""

from __future__ import annotations

import pytest

from crosscheck.copies import compare_copy
from crosscheck.embed import Embedder
from crosscheck.model import Article, FindingKind
from crosscheck.pipeline import analyse

ORIGINAL = (
    "Some 2,000 supporters gathered outside the town hall on Friday night.\n"
    "“We will not give up on this town,” said council leader Helen Marsh.\n"
    "The rally was organised by Tom Brennan, a local councillor.\n"
    "Police said the crowd dispersed peacefully at about 10 p.m."
)


def copy_of(text: str) -> list[tuple[str, str, str]]:
    original = Article(id="wire", outlet="Wire", text=ORIGINAL)
    copy = Article(id="desk", outlet="Desk", text=text)
    out = []
    for f in compare_copy(original, copy):
        assert f.kind is FindingKind.EDITED_COPY
        assert [s.article for s in f.sides] == ["wire", "desk"]
        out.append((f.subtype, f.sides[0].text, f.sides[1].text))
    return out


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Some 2,000 supporters", "Some 210 supporters", [("figure", "2,000", "210")]),
        ("will not give up", "will give up", [("negation", "not", "will")]),
        ("give up on this town", "give up on this city", [("quote", "town", "city")]),
        ("Tom Brennan", "Tom Hartley", [("name", "Brennan", "Hartley")]),
        # rewording is not an edit a desk needs to see
        ("Police said the crowd", "Police said that the crowd", []),
        ("at about 10 p.m.", "at about 10:00 p.m.", []),  # the same figure
        ("on Friday night", "on Friday evening", []),
        ("said council leader", "said the council leader", []),
        ("“We", '"We', []),
    ],
)
def test_edits_are_classified(old: str, new: str, expected: list[tuple[str, str, str]]) -> None:
    assert old in ORIGINAL
    assert copy_of(ORIGINAL.replace(old, new)) == expected


def test_an_identical_copy_changes_nothing() -> None:
    assert copy_of(ORIGINAL) == []


def test_a_dropped_sentence_is_not_an_edit() -> None:
    assert copy_of("\n".join(ORIGINAL.split("\n")[:3])) == []


def test_the_report_compares_a_copy_with_its_original_and_never_corroborates(
    embedder: Embedder,
) -> None:
    # Undated, the original is the smaller id.
    original = Article(id="a-wire", outlet="Wire", text=ORIGINAL)
    copy = Article(id="b-desk", outlet="Desk", text=ORIGINAL.replace("Some 2,000", "Some 210"))
    report = analyse([original, copy], embedder)
    assert report.syndicated == (("b-desk", "a-wire"),)
    [f] = report.findings
    assert (f.kind, f.subtype) == (FindingKind.EDITED_COPY, "figure")
    assert [(s.article, s.text) for s in f.sides] == [("a-wire", "2,000"), ("b-desk", "210")]
