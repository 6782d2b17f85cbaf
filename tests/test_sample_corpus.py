"""The sample corpus in articles/: every planted finding listed in articles/README.md is
reported, and no trap is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crosscheck.embed import Embedder
from crosscheck.model import Finding, FindingKind, Report
from crosscheck.pipeline import build_report

ARTICLES = Path(__file__).resolve().parents[1] / "articles"
_BULLET = re.compile(r'^- \[(\w+)\] ([\w-]+) "([^"]+)" ~ ([\w-]+) "([^"]+)" — (.+)$')
_KINDS = {
    "quantity": FindingKind.QUANTITY_CONFLICT,
    "quote": FindingKind.QUOTE_DRIFT,
    "misattribution": FindingKind.MISATTRIBUTION,
    "date": FindingKind.DATE_CONFLICT,
    "name": FindingKind.NAME_CONFLICT,
    "negation": FindingKind.NEGATION_CONFLICT,
    "corroboration": FindingKind.CORROBORATION,
}


def _bullets() -> list[tuple[str, str, str, str, str, str]]:
    lines = (ARTICLES / "README.md").read_text("utf-8").splitlines()
    out = []
    for line in lines:
        m = _BULLET.match(line)
        if m:
            out.append(m.groups())
        else:
            assert not line.startswith("- ["), f"unparsed bullet: {line}"
    return out


PLANTED = [b for b in _bullets() if b[0] != "trap"]
TRAPS = [b for b in _bullets() if b[0] == "trap"]


Sample = tuple[Report, dict[str, str]]  # the report, and article ids by file stem


def sample_report(embedder: Embedder) -> Sample:
    report = build_report([ARTICLES], embedder=embedder)
    return report, {Path(a.source).stem: a.id for a in report.articles}


def item_id(b: tuple[str, ...]) -> str:
    return f"{b[0]}:{b[1]}~{b[3]}"


def reported(sample: Sample, item: tuple[str, ...]) -> list[Finding]:
    """The findings of the bullet's kind between its two articles and sentences."""
    report, stems = sample
    kind, fa, pa, fb, pb, _ = item
    return [
        f
        for f in report.findings
        if f.kind is _KINDS[kind] and _matches(f, stems, (fa, pa), (fb, pb))
    ]


def flagged(sample: Sample, item: tuple[str, ...]) -> list[Finding]:
    """The findings of any kind between the bullet's two articles and sentences."""
    report, stems = sample
    _, fa, pa, fb, pb, _ = item
    return [f for f in report.findings if _matches(f, stems, (fa, pa), (fb, pb))]


@pytest.fixture(scope="module")
def sample(embedder: Embedder) -> Sample:
    return sample_report(embedder)


def _matches(f: Finding, stems: dict[str, str], a: tuple[str, str], b: tuple[str, str]) -> bool:
    def hits(spec: tuple[str, str]) -> set[int]:
        article = stems[spec[0]]
        return {
            n
            for n, s in enumerate(f.sides)
            if s.article == article and (spec[1] in s.sentence or spec[1] in s.text)
        }

    return any(i != j for i in hits(a) for j in hits(b))


def test_the_readme_lists_every_kind() -> None:
    assert {b[0] for b in PLANTED} == set(_KINDS)
    assert len(TRAPS) >= 5


@pytest.mark.parametrize("item", PLANTED, ids=[item_id(b) for b in PLANTED])
def test_planted_item_is_reported(sample: Sample, item: tuple[str, ...]) -> None:
    assert reported(sample, item), f"not reported: {item[5]}"


@pytest.mark.parametrize("item", TRAPS, ids=[item_id(b) for b in TRAPS])
def test_trap_is_not_reported(sample: Sample, item: tuple[str, ...]) -> None:
    assert not [f.explanation for f in flagged(sample, item)], item[5]
