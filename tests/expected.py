"""Matching findings against ``../shared/corpus/seeds/expected.json`` items. Plain code
(no pytest), shared by the acceptance tests and the benchmarks."""

from __future__ import annotations

from typing import Any

from crosscheck.model import Finding


def side_matches(finding: Finding, spec: dict[str, str]) -> list[int]:
    """Indexes of the sides in one of ``spec``'s articles ("a|b") whose claim or
    sentence contains ``spec['contains']``."""
    articles = spec["article"].split("|")
    return [
        n
        for n, s in enumerate(finding.sides)
        if s.article in articles and (spec["contains"] in s.text or spec["contains"] in s.sentence)
    ]


def matches(finding: Finding, item: dict[str, Any]) -> bool:
    """One side matches ``item['a']`` and another side matches ``item['b']``."""
    a, b = side_matches(finding, item["a"]), side_matches(finding, item["b"])
    return any(i != j for i in a for j in b)
