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
    assert mine_pairs(np.zeros((n, 3), dtype=np.float32), ["a"] * n, 5, 0.5) == []
