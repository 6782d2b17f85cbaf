from __future__ import annotations

import numpy as np
import pytest

from crosscheck.pair import mine_pairs


def _unit(rows: list[list[float]]) -> np.ndarray:
    v = np.array(rows, dtype=np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_pairs_only_cross_sources_above_the_threshold() -> None:
    v = _unit([[1, 0, 0], [0.99, 0.1, 0], [0.98, 0.2, 0], [0, 1, 0]])
    pairs = mine_pairs(v, ["a", "a", "b", "b"], k=5, min_score=0.9)
    assert [(i, j) for i, j, _ in pairs] == [(0, 2), (1, 2)]
    assert all(s >= 0.9 for _, _, s in pairs)


def test_same_source_neighbours_do_not_crowd_out_other_sources() -> None:
    # Ten near-identical rows from one source, then one from another: k=1 must still
    # find the cross-source pair for every row.
    rows = [[1, 0.001 * i, 0] for i in range(10)] + [[0.95, 0.3, 0]]
    pairs = mine_pairs(_unit(rows), ["a"] * 10 + ["b"], k=1, min_score=0.5)
    assert {(i, j) for i, j, _ in pairs} == {(i, 10) for i in range(10)}


@pytest.mark.parametrize("n", [0, 1])
def test_too_few_rows_give_no_pairs(n: int) -> None:
    assert list(mine_pairs(np.zeros((n, 3), dtype=np.float32), ["a"] * n, 5, 0.5)) == []


def _brute_force(
    v: np.ndarray, sources: list[str], days: list[int | None], window: int | None, k: int, m: float
) -> list[tuple[int, int, float]]:
    """Every row's k best partners among the rows it may pair with, by a full scan."""
    sims = v @ v.T
    found: dict[tuple[int, int], float] = {}
    for i in range(len(v)):
        allowed = [
            j
            for j in range(len(v))
            if j != i
            and sources[j] != sources[i]
            and sims[i, j] >= m
            and not (
                window is not None
                and (di := days[i]) is not None
                and (dj := days[j]) is not None
                and abs(di - dj) > window
            )
        ]
        for j in sorted(allowed, key=lambda j: -sims[i, j])[:k]:
            key = (min(i, j), max(i, j))
            found[key] = round(float(sims[i, j]), 4)
    return sorted((i, j, s) for (i, j), s in found.items())


@pytest.mark.parametrize("seed", range(5))
def test_date_blocking_pairs_exactly_what_a_full_scan_allows(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = 120
    v = _unit(rng.normal(size=(n, 8)).tolist())
    sources = [f"s{x}" for x in rng.integers(0, 4, n)]
    when = zip(rng.random(n), rng.integers(0, 60, n), strict=True)
    days: list[int | None] = [None if x < 0.1 else int(d) for x, d in when]
    got = list(mine_pairs(v, sources, k=3, min_score=0.2, days=days, window=7))
    assert got == _brute_force(v, sources, days, 7, 3, 0.2)
    assert all(
        abs(da - db) <= 7
        for i, j, _ in got
        if (da := days[i]) is not None and (db := days[j]) is not None
    )


def test_articles_weeks_apart_are_not_paired_but_undated_ones_are() -> None:
    v = _unit([[1, 0, 0], [1, 0.01, 0], [1, 0.02, 0]])
    pairs = mine_pairs(v, ["a", "b", "c"], k=5, min_score=0.9, days=[0, 30, None], window=7)
    assert [(i, j) for i, j, _ in pairs] == [(0, 2), (1, 2)]
    unblocked = mine_pairs(v, ["a", "b", "c"], k=5, min_score=0.9)
    assert [(i, j) for i, j, _ in unblocked] == [(0, 1), (0, 2), (1, 2)]


def test_without_a_window_days_change_nothing() -> None:
    # --window-days 0: articles of any dates pair, exactly as if none had a date.
    rng = np.random.default_rng(7)
    v = _unit(rng.normal(size=(60, 6)).tolist())
    sources = [f"s{x}" for x in rng.integers(0, 3, 60)]
    days: list[int | None] = [int(d) for d in rng.integers(0, 400, 60)]
    dated = list(mine_pairs(v, sources, k=3, min_score=0.2, days=days, window=None))
    assert dated == list(mine_pairs(v, sources, k=3, min_score=0.2))
    assert dated == _brute_force(v, sources, days, None, 3, 0.2)
    assert any(abs(days[i] - days[j]) > 7 for i, j, _ in dated)  # months apart, paired


@pytest.mark.parametrize("k", [1, 2, 5])
def test_rows_crowded_by_their_own_source_widen_the_search(k: int) -> None:
    # 30 rows of source a closer to each query than any other source: the first window
    # of results (4k + 1) holds no allowed row, so the search must widen to find them.
    rng = np.random.default_rng(k)
    base = rng.normal(size=6)
    rows = [base + 0.01 * rng.normal(size=6) for _ in range(30)]
    rows += [base + 0.5 * rng.normal(size=6) for _ in range(10)]
    v = _unit([list(r) for r in rows])
    sources = ["a"] * 30 + [f"b{i % 3}" for i in range(10)]
    days: list[int | None] = [0] * 40
    got = list(mine_pairs(v, sources, k=k, min_score=0.0, days=days, window=7))
    assert got == _brute_force(v, sources, days, 7, k, 0.0)


@pytest.mark.parametrize("seed", range(4))
def test_several_crowded_sources_pair_exactly_what_a_full_scan_allows(seed: int) -> None:
    # Three sources each with a tight cluster of their own, plus scattered rows of
    # others, dated within and across the window.
    rng = np.random.default_rng(100 + seed)
    rows, sources = [], []
    for s in range(3):
        centre = rng.normal(size=6)
        rows += [centre + 0.01 * rng.normal(size=6) for _ in range(25)]
        sources += [f"crowd{s}"] * 25
    rows += [rng.normal(size=6) for _ in range(30)]
    sources += [f"other{i % 5}" for i in range(30)]
    v = _unit([list(r) for r in rows])
    days: list[int | None] = [int(d) for d in rng.integers(0, 20, len(rows))]
    got = list(mine_pairs(v, sources, k=3, min_score=0.0, days=days, window=7))
    assert got == _brute_force(v, sources, days, 7, 3, 0.0)


def test_a_source_of_near_identical_rows_is_not_read_row_by_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 2,000 near-identical rows of one source and a few of another: the search reads
    # a few results per row, not every row for every row (issue 16: 8,000 such rows
    # took 41 s and 2.7 GB).
    from crosscheck import index

    rng = np.random.default_rng(3)
    base = rng.normal(size=8)
    v = _unit([list(base + 0.001 * rng.normal(size=8)) for _ in range(2000)])
    v = np.vstack([v, _unit(rng.normal(size=(5, 8)).tolist())])
    sources = ["one"] * 2000 + ["two"] * 5
    read = []
    search = index.search

    def counted(idx: object, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        read.append(len(queries) * min(k, idx.ntotal))  # type: ignore[attr-defined]
        return search(idx, queries, k)

    monkeypatch.setattr(index, "search", counted)
    got = list(mine_pairs(v, sources, k=3, min_score=-1.0))
    assert sum(read) < 100 * len(v)
    assert {j for _, j, _ in got} >= set(range(2000, 2005))  # "two" is still paired
    monkeypatch.undo()
    full = _brute_force(v, sources, [None] * len(v), None, 3, -1.0)
    assert [(i, j) for i, j, _ in got] == [(i, j) for i, j, _ in full]
    assert all(abs(a[2] - b[2]) < 1e-3 for a, b in zip(got, full, strict=True))


@pytest.mark.parametrize("seed", range(3))
def test_a_source_that_holds_most_rows_pairs_exactly_what_a_full_scan_allows(seed: int) -> None:
    # 150 rows of one source (some near-identical, some scattered) against 40 rows of
    # four others, dated within and across the window: the big source is searched among
    # the others' rows only, and must still find each row's k best partners.
    rng = np.random.default_rng(200 + seed)
    centre = rng.normal(size=6)
    rows = [centre + 0.01 * rng.normal(size=6) for _ in range(100)]
    rows += [rng.normal(size=6) for _ in range(50)]
    rows += [centre + 0.5 * rng.normal(size=6) for _ in range(40)]
    sources = ["big"] * 150 + [f"small{i % 4}" for i in range(40)]
    order = rng.permutation(len(rows))  # the big source's rows not all first
    v = _unit([list(rows[i]) for i in order])
    sources = [sources[i] for i in order]
    days: list[int | None] = [int(d) for d in rng.integers(0, 20, len(rows))]
    for window in (None, 7):
        got = list(mine_pairs(v, sources, k=3, min_score=0.0, days=days, window=window))
        assert got == _brute_force(v, sources, days, window, 3, 0.0)


def test_the_big_source_is_never_searched_among_its_own_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 3,000 random rows of one source and 30 of another (issue 16: the queries of such
    # a source read ever more of its own rows): its queries meet only an index of the
    # other source's rows; only the other source's 30 queries meet the whole block.
    from crosscheck import index

    rng = np.random.default_rng(7)
    v = _unit(rng.normal(size=(3030, 16)).tolist())
    sources = ["big"] * 3000 + ["small"] * 30
    searched: dict[int, int] = {}  # rows in the index: queries searched in it
    search = index.search

    def counted(idx: object, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        rows = idx.ntotal  # type: ignore[attr-defined]
        searched[rows] = searched.get(rows, 0) + len(queries)
        return search(idx, queries, k)

    monkeypatch.setattr(index, "search", counted)
    got = list(mine_pairs(v, sources, k=2, min_score=-1.0))
    assert searched == {30: 3000, 3030: 30}
    full = _brute_force(v, sources, [None] * len(v), None, 2, -1.0)
    assert [(i, j) for i, j, _ in got] == [(i, j) for i, j, _ in full]


def test_rows_of_one_source_with_the_same_vector_pair_alike() -> None:
    # A sentence an article repeats three times: each copy has the partners of the first.
    rng = np.random.default_rng(5)
    distinct = _unit(rng.normal(size=(12, 6)).tolist())
    v = np.vstack([distinct, distinct[[0, 0, 4]]])
    sources = [f"s{i % 3}" for i in range(12)] + ["s0", "s0", "s1"]
    got = list(mine_pairs(v, sources, k=2, min_score=-1.0))
    partners: dict[int, set[int]] = {}
    for i, j, _ in got:
        partners.setdefault(i, set()).add(j)
        partners.setdefault(j, set()).add(i)
    assert partners[12] == partners[13] == partners[0] - {12, 13}
    assert partners[14] == partners[4] - {14}
    deduped = list(mine_pairs(distinct, sources[:12], k=2, min_score=-1.0))
    assert [p for p in got if p[0] < 12 and p[1] < 12] == deduped


@pytest.mark.parametrize("seed", range(3))
def test_repeated_rows_of_two_sources_pair_each_row_with_its_k_nearest(seed: int) -> None:
    # Two outlets that each repeat a few sentences many times: each row pairs with its k
    # nearest rows of the other, as a full scan finds them, not with k rows of every
    # partner's copies (k x k a row: 1,000 quotes a side made a million pairs).
    rng = np.random.default_rng(300 + seed)
    distinct = _unit(rng.normal(size=(8, 6)).tolist())
    picks = rng.integers(0, 8, 120)
    v = distinct[picks]
    sources = ["a" if p < 4 else "b" for p in picks.tolist()]
    got = list(mine_pairs(v, sources, k=3, min_score=-1.0))
    full = _brute_force(v, sources, [None] * len(v), None, 3, -1.0)
    assert [(i, j) for i, j, _ in got] == [(i, j) for i, j, _ in full]


def test_queries_searched_a_chunk_at_a_time_pair_as_all_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from crosscheck import pair

    rng = np.random.default_rng(11)
    v = _unit(rng.normal(size=(200, 6)).tolist())
    sources = [f"s{x}" for x in rng.integers(0, 3, 200)]
    days: list[int | None] = [int(d) for d in rng.integers(0, 20, 200)]
    whole = list(mine_pairs(v, sources, k=3, min_score=0.0, days=days, window=7))
    monkeypatch.setattr(pair, "_QUERY_CHUNK", 7)
    assert list(mine_pairs(v, sources, k=3, min_score=0.0, days=days, window=7)) == whole
