"""Candidate pairs across sources, found as near neighbours in a FAISS index."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

from . import index

if TYPE_CHECKING:
    import numpy as np


def mine_pairs(
    vectors: np.ndarray, sources: Sequence[Hashable], k: int, min_score: float
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, score)`` with ``i < j`` of rows from different sources whose cosine
    similarity is at least ``min_score``, each row paired with at most its ``k`` nearest
    neighbours from other sources. ``vectors``: ``float32`` ``(n, dim)``, L2-normalised.

    Scores are rounded to 4 decimals, so that float noise cannot reorder a report. The
    result is sorted by ``(i, j)``; a pair found from both ends appears once.
    """
    n = len(vectors)
    if n < 2:
        return []
    idx = index.build(vectors)
    found: dict[tuple[int, int], float] = {}
    todo = list(range(n))
    width = min(n, 4 * k + 1)
    while todo:
        scores, ids = index.search(idx, vectors[todo], width)
        again = []
        for row, i in enumerate(todo):
            kept, exhausted = 0, True
            for score, j in zip(scores[row], ids[row], strict=True):
                if j < 0 or score < min_score or kept >= k:
                    exhausted = False
                    break
                j = int(j)
                if j == i or sources[i] == sources[j]:
                    continue
                kept += 1
                key = (i, j) if i < j else (j, i)
                found[key] = max(found.get(key, -1.0), round(float(score), 4))
            # Neighbours from the row's own source filled the window: look further.
            if exhausted and width < n:
                again.append(i)
        todo, width = again, min(n, width * 4)
    return sorted((i, j, s) for (i, j), s in found.items())
