"""The local engine: extraction in worker processes gives exactly what one process does."""

from __future__ import annotations

import pytest

from crosscheck import config, engine
from crosscheck.model import Article, ClaimKind

TEXT = (
    "The council said 2,000 people marched on Friday 5 May. "
    '"We will rebuild the bridge," said Mayor Ann Lee. Turnout fell to 31%.'
)


def test_worker_processes_give_the_same_extractions_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles = [
        Article(id=f"a{i:02d}", outlet=f"o{i % 3}", text=TEXT.replace("2,000", str(100 + i)))
        for i in range(12)
    ]
    monkeypatch.setenv("CROSSCHECK_WORKERS", "1")
    serial = engine.LOCAL.extract(articles)
    monkeypatch.setenv("CROSSCHECK_WORKERS", "2")
    monkeypatch.setattr(config, "PARALLEL_MIN_ARTICLES", 2)
    monkeypatch.setattr(config, "PARALLEL_CHUNK_ARTICLES", 5)
    assert engine.LOCAL.extract(articles) == serial
    assert [x.article_id for x in serial] == [a.id for a in articles]
    assert all(x.claims for x in serial)


def test_pairs_compared_in_worker_processes_give_the_same_findings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from crosscheck import compare, pipeline
    from crosscheck.engine import extract_one

    articles = [
        Article(id=f"a{i:02d}", outlet=f"o{i}", text=TEXT.replace("2,000", str(100 * (i + 1))))
        for i in range(6)
    ]
    claims = [c for a in articles for c in extract_one(a).claims]
    sentences = compare.by_kind(claims, ClaimKind.SENTENCE)
    pairs = [
        (i, j, 0.95)
        for i in range(len(sentences))
        for j in range(i + 1, len(sentences))
        if sentences[i].outlet != sentences[j].outlet
    ]
    ctx = compare.Context.of(articles, claims)
    monkeypatch.setenv("CROSSCHECK_WORKERS", "1")
    serial = pipeline._compare_sentence_pairs(sentences, pairs, ctx)
    monkeypatch.setenv("CROSSCHECK_WORKERS", "2")
    monkeypatch.setattr(config, "PARALLEL_MIN_PAIRS", 2)
    monkeypatch.setattr(pipeline, "can_fork", lambda: True)
    assert pipeline._compare_sentence_pairs(sentences, pairs, ctx) == serial
    assert any(f.kind.is_conflict for f in serial)  # the numbers differ: conflicts found
