"""Candidate pairs across sources, found as near neighbours in a FAISS index."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, Any

from . import index

if TYPE_CHECKING:
    import numpy as np


def neighbours(
    idx: Any, queries: np.ndarray, skip: Callable[[int, int], bool], k: int, min_score: float
) -> list[tuple[int, int, float]]:
    """For each query row ``q``, up to ``k`` rows ``r`` of ``idx`` (by FAISS id) with
    cosine similarity at least ``min_score`` for which ``skip(q, r)`` is false, as
    ``(q, r, score)``. ``queries``: ``float32`` ``(n, dim)``, L2-normalised.

    Skipped rows (the same source) do not use up the ``k``: the search widens until
    ``k`` are kept or the scores fall below ``min_score``. Scores are rounded to 4
    decimals, so that float noise cannot reorder a report."""
    total = idx.ntotal if idx is not None else 0
    if total == 0 or len(queries) == 0:
        return []
    found: list[tuple[int, int, float]] = []
    todo = list(range(len(queries)))
    width = min(total, 4 * k + 1)
    while todo:
        scores, ids = index.search(idx, queries[todo], width)
        again = []
        for row, q in enumerate(todo):
            kept: list[tuple[int, int, float]] = []
            exhausted = True
            for score, r in zip(scores[row], ids[row], strict=True):
                if r < 0 or score < min_score or len(kept) >= k:
                    exhausted = False
                    break
                if not skip(q, int(r)):
                    kept.append((q, int(r), round(float(score), 4)))
            if exhausted and width < total:
                again.append(q)  # skipped rows filled the window: look further
            else:
                found += kept
        todo, width = again, min(total, width * 4)
    return sorted(found)


def mine_pairs(
    vectors: np.ndarray,
    sources: Sequence[Hashable],
    k: int,
    min_score: float,
    days: Sequence[int | None] | None = None,
    window: int | None = None,
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, score)`` with ``i < j`` of rows from different sources whose cosine
    similarity is at least ``min_score``, each row paired with at most its ``k`` nearest
    neighbours from other sources. ``vectors``: ``float32`` ``(n, dim)``, L2-normalised.

    Blocking: with ``days`` (a day number per row, ``None`` where unknown) and
    ``window``, rows more than ``window`` days apart are never paired, and each row is
    searched only among rows of its own and the neighbouring ``window``-day blocks (and
    the undated rows), so the search grows with the corpus times the rows of a few
    days, not with the square of the corpus. An undated row is searched against all.

    The result is sorted by ``(i, j)``; a pair found from both ends appears once."""
    if len(vectors) < 2:
        return []
    blocked = days is not None and window is not None
    dates: Sequence[int | None] = days if days is not None else [None] * len(vectors)
    span = window or 0
    found: dict[tuple[int, int], float] = {}

    def keep(rows: Sequence[int], queries: Sequence[int]) -> None:
        """Search ``queries`` among ``rows`` (both lists of row numbers)."""
        idx = index.build(vectors if len(rows) == len(vectors) else vectors[list(rows)])

        def skip(q: int, r: int) -> bool:
            a, b = queries[q], rows[r]
            if a == b or sources[a] == sources[b]:
                return True
            da, db = dates[a], dates[b]
            return da is not None and db is not None and abs(da - db) > span

        mine = vectors if len(queries) == len(vectors) else vectors[list(queries)]
        for q, r, score in neighbours(idx, mine, skip, k, min_score):
            a, b = queries[q], rows[r]
            key = (a, b) if a < b else (b, a)
            found[key] = max(found.get(key, -1.0), score)

    everything = range(len(vectors))
    if not blocked:
        keep(everything, everything)
    else:
        blocks: dict[int, list[int]] = {}
        for i, d in enumerate(dates):
            if d is not None:
                blocks.setdefault(d // max(1, span), []).append(i)
        undated = [i for i, d in enumerate(dates) if d is None]
        for b, members in sorted(blocks.items()):
            near = sorted(undated + [i for n in (b - 1, b, b + 1) for i in blocks.get(n, [])])
            keep(near, members)
        if undated:
            keep(everything, undated)
    return sorted((i, j, s) for (i, j), s in found.items())
