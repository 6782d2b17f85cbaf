"""The local engine: extraction in worker processes gives exactly what one process does."""

from __future__ import annotations

import pytest

from crosscheck import config, engine
from crosscheck.model import Article

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
