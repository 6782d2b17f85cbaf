from __future__ import annotations

import json
import random
from dataclasses import replace

import pytest

from crosscheck.model import (
    Article,
    Fact,
    FactValue,
    Finding,
    FindingKind,
    Interval,
    Report,
    Severity,
    Side,
)
from crosscheck.pipeline import _dedupe
from crosscheck.report import Format, finding_id, render

SENTENCE_A = "Corbyn told a crowd of around 200 supporters <b>that</b> Labour would fight on."
SENTENCE_B = "Corbyn told some 2,000 supporters that Labour would fight on."


def _report() -> Report:
    a = Side("a", "The Ledger", "around 200", SENTENCE_A, 23, 33, 0, len(SENTENCE_A))
    b = Side("b", "Metro Wire", "some 2,000", SENTENCE_B, 12, 22, 0, len(SENTENCE_B))
    finding = Finding(
        FindingKind.QUANTITY_CONFLICT,
        Severity.HIGH,
        "The Ledger says around 200 supporters; Metro Wire says some 2,000",
        (a, b),
    )
    articles = (Article("a", "The Ledger", ""), Article("b", "Metro Wire", ""))
    fact = Fact(
        "supporters attending",
        (FactValue(Interval(180, 220), a), FactValue(Interval(1800, 2200), b)),
        agree=(),
        outliers=(),
    )
    return Report(
        articles=articles, findings=(finding,), model="m", warnings=("skipped x",), facts=(fact,)
    )


def test_json_has_the_documented_fields() -> None:
    data = json.loads(render(_report(), Format.JSON))
    [f] = data["findings"]
    assert {"id", "kind", "severity", "explanation", "claims"} <= set(f)
    assert f["kind"] == "quantity_conflict" and f["severity"] == "high"
    for side in f["claims"]:
        assert {"article", "outlet", "text", "sentence", "start", "end"} <= set(side)
        assert side["sentence"][side["start"] : side["end"]] == side["text"]
    assert data["summary"]["conflicts"] == 1
    assert data["warnings"] == ["skipped x"]


def test_finding_id_does_not_depend_on_side_order() -> None:
    f = _report().findings[0]
    swapped = Finding(f.kind, f.severity, f.explanation, f.sides[::-1])
    assert finding_id(f) == finding_id(swapped)


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_shows_both_sides(fmt: Format) -> None:
    text = render(_report(), fmt)
    for needle in ("The Ledger", "Metro Wire", "around 200", "2,000"):
        assert needle in text


def test_markdown_escapes_article_text_and_bolds_the_claim() -> None:
    text = render(_report(), Format.MARKDOWN)
    assert "**around 200**" in text
    assert "<b>" not in text and "\\<b\\>" in text


def test_json_matches_the_documented_schema() -> None:
    from pathlib import Path

    schema = json.loads((Path(__file__).parents[1] / "docs" / "report-schema.json").read_text())
    data = json.loads(render(_report(), Format.JSON))

    def check(value: object, spec: dict, where: str) -> None:  # type: ignore[type-arg]
        for key in spec.get("required", []):
            assert isinstance(value, dict) and key in value, f"{where}: missing {key}"
        for key, sub in spec.get("properties", {}).items():
            if isinstance(value, dict) and key in value:
                check(value[key], sub, f"{where}.{key}")
        if "items" in spec and isinstance(value, list):
            for n, item in enumerate(value):
                check(item, spec["items"], f"{where}[{n}]")
        if "enum" in spec:
            assert value in spec["enum"], f"{where}: {value!r}"

    check(data, schema, "report")
    assert set(data) == set(schema["properties"])


def test_one_finding_per_identity_whatever_order_the_pairs_come_in() -> None:
    # Pairs are compared in worker processes, by day: the report must not depend on
    # which of two equally similar findings of one identity came first.
    text = "Labour lost 275 seats. Labour lost 275 seats."

    def quantity(start: int, other: int, similarity: float) -> Finding:
        a = Side("a", "Ledger", "275", text, start, start + 3, start - 12, start + 10)
        b = Side("b", "Wire", "275", text, other, other + 3, other - 12, other + 10)
        return Finding(
            FindingKind.CORROBORATION, Severity.INFO, "both 275", (a, b), similarity=similarity
        )

    findings = [quantity(12, 12, 0.9), quantity(35, 12, 0.9), quantity(12, 35, 0.95)]
    findings += [
        quantity(35, 35, 0.9),
        replace(findings[0], sides=findings[0].sides[::-1]),
    ]
    expected = _dedupe(findings)
    assert [f.similarity for f in expected] == [0.95]
    rng = random.Random(0)
    for _ in range(20):
        rng.shuffle(findings)
        assert _dedupe(findings) == expected
    tied = [f for f in findings if f.similarity == 0.9]
    assert _dedupe(tied) == _dedupe(tied[::-1]) == [quantity(12, 12, 0.9)]


@pytest.mark.parametrize("fmt", list(Format))
def test_every_format_shows_what_each_outlet_says_of_a_figure(fmt: Format) -> None:
    text = render(_report(), fmt)
    assert "supporters attending" in text
    assert "no two agree" in text or fmt is Format.JSON or fmt is Format.MARKDOWN


def test_json_facts_keep_the_reading_and_its_claim() -> None:
    [fact] = json.loads(render(_report(), Format.JSON))["facts"]
    assert fact["slot"] == "supporters attending"
    assert [v["reading"]["low"] for v in fact["values"]] == [180, 1800]
    assert [v["claim"]["outlet"] for v in fact["values"]] == ["The Ledger", "Metro Wire"]
    unbounded = replace(_report().facts[0].values[0], interval=Interval(200, float("inf")))
    from crosscheck.report import fact_json

    data = fact_json(replace(_report().facts[0], values=(unbounded,)))
    assert data["values"][0]["reading"]["high"] is None  # valid JSON, not Infinity
