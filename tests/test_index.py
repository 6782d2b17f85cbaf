"""The approximate index: same neighbours as exact search for clustered data, and the
same index for the same vectors."""

from __future__ import annotations

import numpy as np
import pytest

from crosscheck import config, index


def _clustered(n: int, dim: int = 32, centres: int = 40, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    c = rng.normal(size=(centres, dim))
    v = c[rng.integers(0, centres, n)] + 0.3 * rng.normal(size=(n, dim))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def test_exact_below_the_threshold_and_ivf_above() -> None:
    v = _clustered(3000)
    assert type(index.build(v, approximate_from=5000)).__name__ == "IndexFlatIP"
    assert type(index.build(v, approximate_from=1000)).__name__ == "IndexIVFFlat"


def test_a_few_queries_among_many_rows_are_searched_exactly() -> None:
    # Training an IVF index costs more than reading every row for ten queries.
    v = _clustered(3000)
    assert type(index.build(v, approximate_from=1000, queries=10)).__name__ == "IndexFlatIP"
    assert type(index.build(v, approximate_from=1000, queries=3000)).__name__ == "IndexIVFFlat"
    assert type(index.build(v, approximate_from=5000, queries=3000)).__name__ == "IndexFlatIP"


def test_ivf_finds_most_of_the_exact_top_10() -> None:
    v = _clustered(3000)
    _, exact = index.search(index.build(v, approximate_from=10**9), v[:300], 10)
    _, approx = index.search(index.build(v, approximate_from=0), v[:300], 10)
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(exact, approx, strict=True)])
    assert recall >= 0.9


def test_the_same_vectors_give_the_same_approximate_neighbours() -> None:
    v = _clustered(3000, seed=1)
    first = index.search(index.build(v, approximate_from=0), v[:200], 10)
    second = index.search(index.build(v, approximate_from=0), v[:200], 10)
    assert np.array_equal(first[0], second[0]) and np.array_equal(first[1], second[1])


def test_an_ivf_index_just_above_the_threshold_prints_nothing(
    capfd: pytest.CaptureFixture[str],
) -> None:
    # 4·√n lists leave fewer than FAISS's 39 rows a list up to ~24,000 rows, and FAISS
    # warned about it on stderr, in the middle of a user's report.
    v = _clustered(config.ANN_MIN_ROWS + 1, dim=8)
    assert type(index.build(v)).__name__ == "IndexIVFFlat"
    assert capfd.readouterr().err == ""
