"""Acceptance: the real seed articles, scored against ../shared/corpus/seeds/expected.json."""

from __future__ import annotations

import json
from typing import Any

import pytest

from crosscheck import extract, ingest, segment
from crosscheck.embed import Embedder
from crosscheck.model import FindingKind, Report
from crosscheck.pipeline import analyse, build_report

from .conftest import require_shared
from .expected import matches


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    return json.loads(require_shared("corpus", "seeds", "expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def seed_report(embedder: Embedder) -> Report:
    seeds = require_shared("corpus", "seeds")
    return build_report(sorted(seeds.glob("*.txt")), embedder=embedder)


def test_every_must_find_is_found(seed_report: Report, expected: dict[str, Any]) -> None:
    conflicts = [f for f in seed_report.findings if f.kind.is_conflict]
    missing = [
        item["id"] for item in expected["must_find"] if not any(matches(f, item) for f in conflicts)
    ]
    assert not missing, f"not found: {missing}"


def test_must_find_quotes_are_quote_findings(seed_report: Report, expected: dict[str, Any]) -> None:
    for item in expected["must_find"]:
        if item["kind"] == "quote":
            kinds = {f.kind for f in seed_report.findings if matches(f, item)}
            assert kinds & {FindingKind.QUOTE_DRIFT, FindingKind.MISATTRIBUTION}, item["id"]


def test_no_must_not_flag_is_flagged(seed_report: Report, expected: dict[str, Any]) -> None:
    false_alarms = [
        (item["id"], f.explanation)
        for item in expected["must_not_flag"]
        for f in seed_report.findings
        if f.kind.is_conflict and matches(f, item)
    ]
    assert not false_alarms


def test_must_corroborate_is_corroboration(seed_report: Report, expected: dict[str, Any]) -> None:
    corroborations = [f for f in seed_report.findings if f.kind is FindingKind.CORROBORATION]
    missing = [
        item["id"]
        for item in expected["must_corroborate"]
        if not any(matches(f, item) for f in corroborations)
    ]
    assert not missing, f"not corroborated: {missing}"


def test_page_furniture_never_becomes_a_claim(expected: dict[str, Any]) -> None:
    seeds = require_shared("corpus", "seeds")
    corpus = ingest.load(sorted(seeds.glob("*.txt")))
    by_id = {a.id: a for a in corpus.articles}
    leaked = []
    for item in expected["never_a_claim"]:
        article = by_id[item["article"]]
        for claim in extract.extract(article, segment.segment(article)):
            if item["contains"] in claim.text or item["contains"] in claim.sentence:
                leaked.append((item["contains"], claim.kind.value, claim.text))
    assert not leaked


def test_seed_articles_carry_their_metadata(expected: dict[str, Any]) -> None:
    seeds = require_shared("corpus", "seeds")
    corpus = ingest.load(sorted(seeds.glob("*.txt")))
    published = {a.id: a.published.isoformat() if a.published else None for a in corpus.articles}
    for article_id, meta in expected["articles"].items():
        assert published[article_id] == meta.get("published"), article_id


def test_same_input_same_report_byte_for_byte(embedder: Embedder) -> None:
    from crosscheck.report import to_json

    seeds = require_shared("corpus", "seeds")
    files = sorted(seeds.glob("*.txt"))
    corpus = ingest.load(files)
    first = to_json(analyse(corpus.articles, embedder))
    # Another order of the same files gives the same bytes.
    second = to_json(analyse(list(reversed(ingest.load(files[::-1]).articles)), embedder))
    assert first == second
