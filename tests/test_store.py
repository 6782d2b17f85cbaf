from __future__ import annotations

import sqlite3
from importlib import metadata
from pathlib import Path

import pytest

from crosscheck import embed
from crosscheck.embed import Embedder
from crosscheck.errors import StoreError
from crosscheck.model import Article
from crosscheck.store import DB_NAME, Store


def _article(id_: str, outlet: str, text: str) -> Article:
    return Article(id=id_, outlet=outlet, text=text, source=f"{id_}.txt")


A = _article(
    "a", "Ledger", "Corbyn told a crowd of around 200 supporters that Labour would fight on."
)
B = _article("b", "Wire", "Labour lost 382 council seats across the country on Thursday night.")


def test_update_embeds_only_what_is_new(tmp_path: Path, embedder: Embedder) -> None:
    with Store.open(tmp_path / "s", create=True) as st:
        first = st.update([A], embedder)
        assert first.added == ["a"] and first.embedded == 1
        again = st.update([A, B], embedder)
        assert (again.added, again.unchanged, again.embedded) == (["b"], 1, 1)
        changed = _article("b", "Wire", B.text + " Turnout was low.")
        third = st.update([A, changed], embedder)
        assert third.updated == ["b"] and third.embedded == 1  # only the new sentence
        assert st.index("sentences").ntotal == 3


def test_prune_removes_articles_no_longer_given(tmp_path: Path, embedder: Embedder) -> None:
    with Store.open(tmp_path / "s", create=True) as st:
        st.update([A, B], embedder)
        stats = st.update([A], embedder, prune=True)
        assert stats.removed == ["b"]
        assert st.article_ids() == ["a"]
        assert st.index("sentences").ntotal == 1


def test_reopened_store_has_the_same_content(tmp_path: Path, embedder: Embedder) -> None:
    with Store.open(tmp_path / "s", create=True) as st:
        st.update([A, B], embedder)
        claims = st.claims(["a", "b"])
    with Store.open(tmp_path / "s") as st:
        assert st.claims(["a", "b"]) == claims
        assert [a.text for a in st.articles()] == [A.text, B.text]


def test_a_store_refuses_another_model(tmp_path: Path, embedder: Embedder) -> None:
    with Store.open(tmp_path / "s", create=True) as st:
        st.update([A], embedder)
    with pytest.raises(StoreError, match="built with model"):
        Store.open(tmp_path / "s", model="some/other-model")


@pytest.mark.parametrize("model", ["static", "all-MiniLM-L6-v2"])
def test_a_store_refuses_vectors_of_another_model_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model: str
) -> None:
    # A new model2vec (or packaged MiniLM) makes other vectors under the same model
    # name: mixing them into an old store would pair sentences by noise.
    Store.open(tmp_path / "s", model=model, create=True).close()
    with Store.open(tmp_path / "s") as st:  # the same installation: fine
        assert st.meta["model_version"] == embed.model_version(model) != ""
    monkeypatch.setattr(metadata, "version", lambda package: "99.0")
    with pytest.raises(StoreError, match="--rebuild") as error:
        Store.open(tmp_path / "s", model=model)
    assert "99.0" in str(error.value)


def test_an_interrupted_update_leaves_the_old_content(
    tmp_path: Path, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(tmp_path / "s", create=True) as st:
        st.update([A], embedder)

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(embedder, "encode", boom)
    with Store.open(tmp_path / "s") as st, pytest.raises(KeyboardInterrupt):
        st.update([A, B], embedder)
    monkeypatch.undo()
    with Store.open(tmp_path / "s") as st:
        assert st.article_ids() == ["a"]
        assert st.index("sentences").ntotal == 1


def test_a_missing_index_file_is_rebuilt_from_the_database(
    tmp_path: Path, embedder: Embedder
) -> None:
    with Store.open(tmp_path / "s", create=True) as st:
        st.update([A, B], embedder)
    for f in (tmp_path / "s").glob("*.faiss"):
        f.write_bytes(b"truncated")
    with Store.open(tmp_path / "s") as st:
        assert st.index("sentences").ntotal == 2


@pytest.mark.parametrize("damage", [b"not a database at all", b""])
def test_a_damaged_database_is_a_clear_error(tmp_path: Path, damage: bytes) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / DB_NAME).write_bytes(damage * 100)
    with pytest.raises(StoreError, match="--rebuild"):
        Store.open(tmp_path / "s")


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    conn = sqlite3.connect(tmp_path / "s" / DB_NAME)
    conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a crosscheck store"):
        Store.open(tmp_path / "s")


def test_opening_a_missing_store_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="crosscheck index"):
        Store.open(tmp_path / "nothing")
