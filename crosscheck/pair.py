"""Candidate pairs across sources, found as near neighbours in a FAISS index."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import index

if TYPE_CHECKING:
    import numpy as np


def neighbours(
    idx: Any,
    queries: np.ndarray,
    skip: Callable[[int], bool],
    k: int,
    min_score: float,
    barred: Callable[[], np.ndarray],
) -> list[tuple[int, int, float]]:
    """For each query row ``q``, up to ``k`` rows ``r`` of ``idx`` (by FAISS id) with
    cosine similarity at least ``min_score`` for which ``skip(r)`` is false, as
    ``(q, r, score)``. ``queries``: ``float32`` ``(n, dim)``, L2-normalised;
    ``barred()``: every id ``skip`` is true of (``int64``), asked only when needed.

    Skipped rows (the same source) do not use up the ``k``: a query whose first
    ``4k + 1`` results hold fewer than ``k`` rows it may pair with is searched once
    more, among the rows not barred only (a FAISS ID selector), not ever wider, which
    for a source of many near-identical rows would read every row for every query.
    Scores are rounded to 4 decimals, so that float noise cannot reorder a report."""
    import numpy as np

    total = idx.ntotal if idx is not None else 0
    if total == 0 or len(queries) == 0:
        return []
    width = min(total, 4 * k + 1)
    scores, ids = index.search(idx, queries, width)
    usable = _usable(scores, ids, min_score)
    allowed = np.zeros_like(usable)
    for q in range(len(queries)):
        kept = 0
        for col in np.flatnonzero(usable[q]).tolist():
            if kept == k:
                break  # skip is asked only until k rows are kept
            if not skip(int(ids[q, col])):
                allowed[q, col], kept = True, kept + 1
    take, again = _keep(usable, allowed, k, width < total)
    found = [
        (int(q), int(ids[q, col]), round(float(scores[q, col]), 4))
        for q, col in zip(*np.nonzero(take), strict=True)
    ]
    rows = np.flatnonzero(again)
    if len(rows):  # crowded by rows they may not pair with: the others, searched alone
        scores, ids = index.search(idx, queries[rows], k, excluding=barred())
        found += [
            (int(rows[row]), int(ids[row, col]), round(float(scores[row, col]), 4))
            for row, col in zip(*np.nonzero(_usable(scores, ids, min_score)), strict=True)
        ]
    return sorted(found)


def _usable(scores: np.ndarray, ids: np.ndarray, min_score: float) -> np.ndarray:
    """Each query's results read in score order, up to the first one missing or below
    ``min_score``."""
    import numpy as np

    return np.logical_and.accumulate((ids >= 0) & (scores >= min_score), axis=1)


def _keep(
    usable: np.ndarray, allowed: np.ndarray, k: int, wider: bool
) -> tuple[np.ndarray, np.ndarray]:
    """The results to keep, the first ``k`` usable and allowed ones of each query (rows
    not allowed do not use up the ``k``), and the queries to search again, wider: those
    whose every result was usable with fewer than ``k`` allowed before the last, while
    the index holds more rows (``wider``)."""
    import numpy as np

    kept = usable & allowed
    count = np.cumsum(kept, axis=1)
    before_last = count[:, -2] if count.shape[1] > 1 else np.zeros(len(count), dtype=count.dtype)
    again = usable[:, -1] & (before_last < k) & wider
    return kept & (count <= k) & ~again[:, None], again


@dataclass(frozen=True, eq=False)
class Pairs:
    """Pairs of rows ``(first[n], second[n])``, ``first < second``, with the cosine
    similarity of each, held as arrays: a million sentences make tens of millions of
    candidate pairs. :func:`mine_pairs` returns them sorted by pair. Iterating gives
    ``(i, j, score)`` with ``score`` rounded to 4 decimals, so that float noise cannot
    reorder a report."""

    first: np.ndarray  # int32 row numbers
    second: np.ndarray  # int32
    score: np.ndarray  # float32, as FAISS gave it

    def __len__(self) -> int:
        return len(self.first)

    def __iter__(self) -> Iterator[tuple[int, int, float]]:
        for lo in range(0, len(self), 1 << 16):  # as Python numbers, a slice at a time
            part = self[lo : lo + (1 << 16)]
            rows = zip(part.first.tolist(), part.second.tolist(), part.score.tolist(), strict=True)
            yield from ((i, j, round(s, 4)) for i, j, s in rows)

    def __getitem__(self, rows: slice | np.ndarray) -> Pairs:
        """A slice of the pairs, or those at an array of positions, in its order."""
        return Pairs(self.first[rows], self.second[rows], self.score[rows])


def mine_pairs(
    vectors: np.ndarray,
    sources: Sequence[Hashable],
    k: int,
    min_score: float,
    days: Sequence[int | None] | None = None,
    window: int | None = None,
) -> Pairs:
    """Pairs ``(i, j, score)`` with ``i < j`` of rows from different sources whose cosine
    similarity is at least ``min_score``, each row paired with at most its ``k`` nearest
    neighbours from other sources. ``vectors``: ``float32`` ``(n, dim)``, L2-normalised.

    Blocking: with ``days`` (a day number per row, ``None`` where unknown) and
    ``window``, rows more than ``window`` days apart are never paired, and each row is
    searched only among rows of its own and the neighbouring ``window``-day blocks (and
    the undated rows), so the search grows with the corpus times the rows of a few
    days, not with the square of the corpus. An undated row is searched against all.
    Without ``window``, ``days`` changes nothing.

    A pair found from both ends appears once. Rows of one source and day with the very
    same vector are searched once, as one row (a file of one sentence repeated gives
    an index list of thousands of equal rows that every search would read); each of
    them then pairs with the first ``k`` rows of that row's partners, the most similar
    first, as its ``k`` nearest rows.
    """
    import numpy as np

    n = len(vectors)
    code: dict[Hashable, int] = {}
    source = np.array([code.setdefault(s, len(code)) for s in sources], dtype=np.int64)
    day = np.array([-1 if d is None else d for d in days or [None] * n], dtype=np.int64)
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if n > 1:
        # groups of equal source, day and vector (by hash, then checked), numbered in
        # order of their first row
        seen: dict[tuple[int, int, int], int] = {}
        group = np.array(
            [
                seen.setdefault((s, d, hash(row.tobytes())), len(seen))
                for s, d, row in zip(source.tolist(), day.tolist(), vectors, strict=True)
            ],
            dtype=np.int64,
        )
        first = np.unique(group, return_index=True)[1]
        if len(first) < n and _equal_to(vectors, source, day, first[group]):
            pairs = _mine(vectors[first], source[first], day[first], k, min_score, days, window)
            return _expand(pairs, group, k)
    return _mine(vectors, source, day, k, min_score, days, window)


def _equal_to(vectors: np.ndarray, source: np.ndarray, day: np.ndarray, rep: np.ndarray) -> bool:
    """Every row equals row ``rep[row]`` in vector, source and day (a slice at a time)."""
    for lo in range(0, len(rep), 1 << 15):
        part = slice(lo, lo + (1 << 15))
        r = rep[part]
        if not (
            (vectors[part] == vectors[r]).all()
            and (source[part] == source[r]).all()
            and (day[part] == day[r]).all()
        ):
            return False
    return True


def _expand(pairs: Pairs, group: np.ndarray, k: int) -> Pairs:
    """The pairs of rows, from ``pairs`` of their groups (``group[row]``: the group's
    number, groups numbered in order of their first row): each row pairs with the first
    ``k`` rows of the groups its own is paired with, the most similar group first, as
    its ``k`` nearest rows would be; a pair found from both ends appears once."""
    import numpy as np

    order = np.argsort(group, kind="stable")
    starts = np.searchsorted(group[order], np.arange(group.max() + 2))
    size, head = np.diff(starts), order[starts[:-1]]
    # each group's partner groups, both ways, the most similar first
    src = np.concatenate([pairs.first, pairs.second])
    dst = np.concatenate([pairs.second, pairs.first])
    sim = np.concatenate([pairs.score, pairs.score])
    by = np.lexsort((dst, -sim, src))
    src, dst, sim = src[by], dst[by], sim[by]
    # how many rows of each partner fit in its group's k: those before it count
    through = np.cumsum(size[dst])
    run = np.searchsorted(src, src)  # where each group's partners begin
    before = through - size[dst] - (through[run] - size[dst[run]])
    take = np.clip(k - before, 0, size[dst])
    kept = take > 0
    src, dst, sim, take = src[kept], dst[kept], sim[kept], take[kept]
    single = (size[src] == 1) & (take == 1)
    q, r, score = [head[src[single]]], [head[dst[single]]], [sim[single]]
    for a, b, n, s in zip(src[~single].tolist(), dst[~single].tolist(), take[~single].tolist(),
                          sim[~single].tolist(), strict=True):  # fmt: skip
        mine, theirs = order[starts[a] : starts[a + 1]], order[starts[b] : starts[b] + n]
        q.append(np.repeat(mine, len(theirs)))
        r.append(np.tile(theirs, len(mine)))
        score.append(np.full(len(mine) * len(theirs), s, dtype=np.float32))
    return _unique([(np.concatenate(q).astype(np.int32), np.concatenate(r).astype(np.int32),
                     np.concatenate(score))])  # fmt: skip


def _mine(
    vectors: np.ndarray,
    source: np.ndarray,
    day: np.ndarray,
    k: int,
    min_score: float,
    days: Sequence[int | None] | None,
    window: int | None,
) -> Pairs:
    import numpy as np

    n = len(vectors)
    rows = _Rows(vectors, source, day, window)
    found: list[Pairs] = []  # each block's pairs (one found from both ends appears once)
    if n < 2:
        pass
    elif days is None or window is None:
        everything = np.arange(n)
        found.append(_unique([rows.search(everything, everything, k, min_score)]))
    else:
        dated = np.flatnonzero(rows.day >= 0)
        undated = np.flatnonzero(rows.day < 0)
        block = rows.day[dated] // max(1, window)
        for b in np.unique(block).tolist():
            members = dated[block == b]
            near = np.sort(np.concatenate([undated, dated[np.abs(block - b) <= 1]]))
            found.append(_unique([rows.search(near, members, k, min_score)]))
        if len(undated):
            found.append(_unique([rows.search(np.arange(n), undated, k, min_score)]))
    # A pair across two blocks is found in both.
    return _unique([(p.first, p.second, p.score) for p in found])


@dataclass(frozen=True)
class _Rows:
    """What the search of one block reads: every row's vector, source (as a number)
    and day (-1 for none), and the window."""

    vectors: np.ndarray
    source: np.ndarray
    day: np.ndarray
    window: int | None

    def search(
        self,
        rows: np.ndarray,
        queries: np.ndarray,
        k: int,
        min_score: float,
        *,
        others_only: bool = False,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each of ``queries``' up to ``k`` nearest ``rows`` (both arrays of row numbers)
        that it may pair with, as ``(query, row, score)`` arrays; the same rule as
        :func:`neighbours`, with what may pair decided for all results at once.

        A source that holds most of the rows has its queries searched among the rows
        of the other sources only, from the start: its own rows would fill most of
        every result. A query whose nearest rows are mostly of its own source (a
        smaller source of many near-identical rows) is not searched ever wider, which
        would read every row for every query, but once more among the rows of the
        other sources only."""
        import numpy as np

        out: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        if not others_only and len(rows):
            sources, counts = np.unique(self.source[rows], return_counts=True)
            if 2 * counts.max() > len(rows):
                big = self.source[queries] == sources[counts.argmax()]
                out += self._among_others(rows, queries[big], k, min_score)
                queries = queries[~big]
        if not len(queries):
            return _concatenate(out)
        vectors = self.vectors[rows] if len(rows) < len(self.vectors) else self.vectors
        idx = index.build(vectors, queries=len(queries))
        crowded: list[np.ndarray] = []
        for lo in range(0, len(queries), _QUERY_CHUNK):  # memory: a chunk's results at a time
            found, left = self._widen(idx, rows, queries[lo : lo + _QUERY_CHUNK], k, min_score,
                                      not others_only)  # fmt: skip
            out += found
            crowded.append(left)
        left = np.concatenate(crowded) if crowded else np.zeros(0, dtype=np.int64)
        # mostly their own source so far: the other sources' rows, searched alone
        for source in np.unique(self.source[left]).tolist():
            out += self._among_others(rows, left[self.source[left] == source], k, min_score)
        return _concatenate(out)

    def _among_others(
        self, rows: np.ndarray, queries: np.ndarray, k: int, min_score: float
    ) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """The results of ``queries``, all of one source, searched among the ``rows`` of
        the other sources only (none when there are none)."""
        if not len(queries):
            return []
        others = rows[self.source[rows] != self.source[queries[0]]]
        if not len(others):
            return []
        return [self.search(others, queries, k, min_score, others_only=True)]

    def _widen(
        self, idx: Any, rows: np.ndarray, todo: np.ndarray, k: int, min_score: float, stop: bool
    ) -> tuple[list[tuple[np.ndarray, np.ndarray, np.ndarray]], np.ndarray]:
        """The results of ``todo``, searched ever wider until each has its ``k``; with
        ``stop``, the queries crowded by their own source are not widened but returned
        (as the second value)."""
        import numpy as np

        total = idx.ntotal
        out, crowded = [], []
        width = min(total, 4 * k + 1)
        while len(todo):
            scores, ids = index.search(idx, self.vectors[todo], width)
            q = np.broadcast_to(todo[:, None], ids.shape)
            r = rows[np.maximum(ids, 0)]
            own = self.source[r] == self.source[q]
            allowed = (r != q) & ~own
            if self.window is not None:
                dq, dr = self.day[q], self.day[r]
                allowed &= (dq < 0) | (dr < 0) | (np.abs(dq - dr) <= self.window)
            take, again = _keep(_usable(scores, ids, min_score), allowed, k, width < total)
            out.append((q[take].astype(np.int32), r[take].astype(np.int32), scores[take]))
            todo, full = todo[again], 2 * own[again].sum(axis=1) >= width
            width = min(total, width * 4)
            if stop:
                crowded.append(todo[full])
                todo = todo[~full]
        return out, (np.concatenate(crowded) if crowded else np.zeros(0, dtype=np.int64))


def _concatenate(
    found: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Results ``(query, row, score)`` of several searches as one."""
    import numpy as np

    if not found:
        empty = np.zeros(0, dtype=np.int32)
        return empty, empty, np.zeros(0, dtype=np.float32)
    return tuple(np.concatenate(x) for x in zip(*found, strict=True))  # type: ignore[return-value]


# Queries searched at a time: their results (4k + 1 a query, and widened) are what
# pairing holds in memory.
_QUERY_CHUNK = 8192


def _unique(found: Sequence[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> Pairs:
    """One entry per pair ``(min, max)``, with its best score, sorted by the pair."""
    import numpy as np

    q, r, score = _concatenate(found)
    first, second = np.minimum(q, r), np.maximum(q, r)
    # Sorted by pair, the best score first; then the first of each pair is kept.
    order = np.lexsort((-score, second, first))
    first, second, score = first[order], second[order], score[order]
    head = np.ones(len(first), dtype=bool)
    head[1:] = (first[1:] != first[:-1]) | (second[1:] != second[:-1])
    return Pairs(first[head], second[head], score[head])
