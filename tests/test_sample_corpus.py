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


@pytest.fixture(scope="module")
def sample(embedder: Embedder) -> tuple[Report, dict[str, str]]:
    report = build_report([ARTICLES], embedder=embedder)
    stem_to_id = {Path(a.source).stem: a.id for a in report.articles}
    return report, stem_to_id


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


@pytest.mark.parametrize("item", PLANTED, ids=[f"{b[0]}:{b[1]}~{b[3]}" for b in PLANTED])
def test_planted_item_is_reported(
    sample: tuple[Report, dict[str, str]], item: tuple[str, ...]
) -> None:
    report, stems = sample
    kind, fa, pa, fb, pb, why = item
    found = [
        f
        for f in report.findings
        if f.kind is _KINDS[kind] and _matches(f, stems, (fa, pa), (fb, pb))
    ]
    assert found, f"not reported: {why}"


@pytest.mark.parametrize("item", TRAPS, ids=[f"trap:{b[1]}~{b[3]}" for b in TRAPS])
def test_trap_is_not_reported(sample: tuple[Report, dict[str, str]], item: tuple[str, ...]) -> None:
    report, stems = sample
    _, fa, pa, fb, pb, why = item
    found = [f.explanation for f in report.findings if _matches(f, stems, (fa, pa), (fb, pb))]
    assert not found, why
