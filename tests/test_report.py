from __future__ import annotations

import json

import pytest

from crosscheck.model import Article, Finding, FindingKind, Report, Severity, Side
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
    return Report(articles=articles, findings=(finding,), model="m", warnings=("skipped x",))


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
