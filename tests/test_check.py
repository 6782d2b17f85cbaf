"""Checking a new article against a stored corpus (the seeds: 000 and 002 stored, 001
checked), from Python and from the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from crosscheck import ingest
from crosscheck.cli import app
from crosscheck.embed import Embedder
from crosscheck.model import Article, CheckResult, FindingKind
from crosscheck.pipeline import check_article
from crosscheck.store import Store

from .conftest import require_shared
from .expected import matches


@pytest.fixture(scope="module")
def seeds() -> dict[str, Path]:
    folder = require_shared("corpus", "seeds")
    return {p.name[:3]: p for p in sorted(folder.glob("*.txt"))}


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    return json.loads(require_shared("corpus", "seeds", "expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def store_dir(
    tmp_path_factory: pytest.TempPathFactory, seeds: dict[str, Path], embedder: Embedder
) -> Path:
    path = tmp_path_factory.mktemp("store")
    with Store.open(path, create=True) as st:
        st.update(ingest.load([seeds["000"], seeds["002"]]).articles, embedder)
    return path


@pytest.fixture(scope="module")
def result(store_dir: Path, seeds: dict[str, Path], embedder: Embedder) -> CheckResult:
    [article] = ingest.load([seeds["001"]]).articles
    with Store.open(store_dir) as st:
        return check_article(article, st, embedder)


def test_check_finds_both_must_find_items(result: CheckResult, expected: dict[str, Any]) -> None:
    for item in expected["must_find"]:
        assert any(matches(f, item) for f in result.conflicts), item["id"]


def test_check_flags_no_must_not_flag_item(result: CheckResult, expected: dict[str, Any]) -> None:
    for item in expected["must_not_flag"]:
        assert not any(matches(f, item) for f in result.conflicts), item["id"]


def test_unpaired_sentences_are_reported_new(result: CheckResult) -> None:
    assert any("Nuneaton" in c.text for c in result.new)
    assert all(c.article_id == result.article.id for c in result.new)


def test_a_stored_article_is_not_checked_against_itself(
    store_dir: Path, seeds: dict[str, Path], embedder: Embedder
) -> None:
    [article] = ingest.load([seeds["000"]]).articles
    with Store.open(store_dir) as st:
        r = check_article(article, st, embedder)
    assert all(s.article != s2.article for f in r.findings for s, s2 in [f.sides[:2]])
    assert not r.copies_of


def test_a_syndicated_copy_is_named_not_corroborated(
    store_dir: Path, seeds: dict[str, Path], embedder: Embedder, tmp_path: Path
) -> None:
    copy = tmp_path / "wire-copy.txt"
    copy.write_text(seeds["000"].read_text("utf-8"), "utf-8")
    [article] = ingest.load([copy]).articles
    with Store.open(store_dir) as st:
        r = check_article(article, st, embedder)
    assert r.copies_of == ("000_6aa0c8a8b0c373bf",)
    assert not [f for f in r.findings if any(s.article == "000_6aa0c8a8b0c373bf" for s in f.sides)]


def test_cli_check_exits_1_on_a_conflict_and_0_above_it(
    store_dir: Path, seeds: dict[str, Path]
) -> None:
    runner = CliRunner()
    args = ["check", str(seeds["001"]), "--store", str(store_dir), "--format", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert {f["kind"] for f in data["checks"][0]["conflicts"]} == {"quote_drift"}
    assert runner.invoke(app, [*args, "--fail-on", "high"]).exit_code == 0


def test_cli_check_without_a_store_exits_2(tmp_path: Path, seeds: dict[str, Path]) -> None:
    result = CliRunner().invoke(app, ["check", str(seeds["001"]), "--store", str(tmp_path / "x")])
    assert result.exit_code == 2 and "crosscheck index" in result.output


def test_cli_index_then_check_with_add(tmp_path: Path, seeds: dict[str, Path]) -> None:
    runner = CliRunner()
    store = str(tmp_path / "s")
    out = runner.invoke(app, ["index", str(seeds["000"]), "--store", store, "--no-progress"])
    assert out.exit_code == 0 and "1 added" in out.output
    runner.invoke(app, ["check", str(seeds["002"]), "--store", store, "--add"])
    with Store.open(store) as st:
        assert st.article_ids() == ["000_6aa0c8a8b0c373bf", "002_5b0103d792c2c5ee"]
    out = runner.invoke(
        app, ["index", str(seeds["000"]), "--store", store, "--prune", "--no-progress"]
    )
    assert "1 removed" in out.output


def test_a_damaged_store_says_rebuild_and_rebuild_recovers(
    tmp_path: Path, seeds: dict[str, Path]
) -> None:
    from crosscheck.store import DB_NAME

    runner = CliRunner()
    store = tmp_path / "s"
    args = ["index", str(seeds["000"]), "--store", str(store), "--no-progress"]
    assert runner.invoke(app, args).exit_code == 0
    db = store / DB_NAME
    db.write_bytes(db.read_bytes()[:1000])  # truncated
    broken = runner.invoke(app, ["check", str(seeds["001"]), "--store", str(store)])
    assert broken.exit_code == 2 and "--rebuild" in broken.output
    assert "Traceback" not in broken.output
    assert runner.invoke(app, [*args, "--rebuild"]).exit_code == 0
    assert runner.invoke(app, ["check", str(seeds["001"]), "--store", str(store)]).exit_code == 1


def test_check_compares_figures_as_facts_of_the_story(tmp_path: Path, embedder: Embedder) -> None:
    stored = Article(
        "wire",
        "Wire",
        "Three people died when a fire broke out at a bank in Athens on Wednesday.\n"
        "Firefighters said the blaze spread quickly through the building.",
    )
    draft = Article(
        "desk",
        "Desk",
        "Nine killed as rioters bomb Greek bank\n"
        "A fire broke out at a bank in Athens on Wednesday during protests.",
    )
    with Store.open(tmp_path / "s", create=True) as st:
        st.update([stored], embedder)
        result = check_article(draft, st, embedder)
    [f] = [f for f in result.findings if f.kind is FindingKind.QUANTITY_CONFLICT]
    assert (f.sides[0].article, f.sides[0].text) == ("desk", "Nine")
    assert (f.sides[1].article, f.sides[1].text) == ("wire", "Three")


def test_a_draft_weeks_later_meets_the_toll_it_follows_up(
    tmp_path: Path, embedder: Embedder
) -> None:
    # issue 22: stored coverage past the window, within a month, whose toll sentence
    # pairs with the draft's, is the same incident: a changed toll is an update
    stored = Article(
        "wire", "Wire", "A tornado tore through Moore, Oklahoma, on Monday, killing 24 people "
        "and flattening two schools. Rescuers searched the rubble overnight.",
        published=dt.date(2013, 5, 21),
    )  # fmt: skip
    text = "The tornado that tore through Moore, Oklahoma, killed 51 people and flattened "
    text += "two schools. Residents began to rebuild this week."
    with Store.open(tmp_path / "s", create=True) as st:
        st.update([stored], embedder)
        for days, found in ((21, True), (60, False)):
            when = stored.published + dt.timedelta(days=days)
            result = check_article(Article("desk", "Desk", text, published=when), st, embedder)
            updates = [f for f in result.findings if f.kind is FindingKind.UPDATE]
            assert bool(updates) == found, days
            assert all("Wire gave 24 on 2013-05-21" in f.explanation for f in updates)


def test_a_store_of_an_older_extraction_is_refused_by_check_and_updated_by_index(
    tmp_path: Path, seeds: dict[str, Path], embedder: Embedder
) -> None:
    from crosscheck.errors import StoreError
    from crosscheck.pipeline import check

    path = tmp_path / "old"
    with Store.open(path, create=True) as st:
        st.update(ingest.load([seeds["000"]]).articles, embedder)
        st.conn.execute("UPDATE meta SET value = '1' WHERE key = 'extraction_version'")
        st.conn.commit()
    with Store.open(path) as st, pytest.raises(StoreError, match="older crosscheck"):
        check([seeds["001"]], st, embedder)
    with Store.open(path) as st:
        stats = st.update(ingest.load([seeds["000"]]).articles, embedder)
        assert (stats.reextracted, stats.embedded) == (1, 0)
        assert st.current
        check([seeds["001"]], st, embedder)


def test_a_draft_crowded_by_its_own_outlet_still_meets_the_others(
    tmp_path: Path, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The draft's outlet has stored the same sentence 150 times, which fills the first
    # 4k + 1 results: the other outlet's sentence, behind them, must still be paired,
    # and found by one more search among the rows not barred, not by reading ever
    # more of the outlet's own rows (issue 16).
    from crosscheck import pair
    from crosscheck.model import Article, FindingKind

    line = "Three people died when a fire broke out at a bank in Athens on Wednesday."
    own = [Article(f"desk-{i:03d}", "Desk", line) for i in range(150)]
    other = Article(
        "wire", "Wire", "Nine people were killed when rioters set fire to a bank in Athens."
    )
    draft = Article("desk-new", "Desk", line)
    widths: list[int] = []
    search = pair.index.search

    def counted(idx: Any, queries: Any, k: int, **kwargs: Any) -> Any:
        widths.append(k)
        return search(idx, queries, k, **kwargs)

    with Store.open(tmp_path / "s", create=True) as st:
        st.update([*own, other], embedder)
        assert st.units_where(lambda a, outlet, day: outlet == "Desk").size == 150
        monkeypatch.setattr(pair.index, "search", counted)
        result = check_article(draft, st, embedder)
    [f] = [f for f in result.findings if f.kind is FindingKind.QUANTITY_CONFLICT]
    assert (f.sides[1].article, f.sides[1].text) == ("wire", "Nine")
    assert max(widths) <= 4 * embedder.thresholds.neighbours + 1
