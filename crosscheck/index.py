"""The FAISS index: inner-product search over L2-normalised vectors, exact for small
searches and approximate (IVF) for large ones (``config.ANN_MIN_ROWS``)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from . import config

if TYPE_CHECKING:
    import numpy as np


def build(
    vectors: np.ndarray, approximate_from: int = config.ANN_MIN_ROWS, queries: int | None = None
) -> Any:
    """An inner-product index over ``vectors`` (``float32``, shape ``(n, dim)``): exact
    below ``approximate_from`` rows, else an inverted-file index (IVF).

    With ``queries`` (how many rows will be searched), the index is exact while the
    exact search reads fewer than ``approximate_from``² rows in all (rows × queries):
    an all-against-all search switches at ``approximate_from`` rows as without it, and
    a few queries among many rows are not worth training an IVF index for."""
    import faiss
    import numpy as np

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if queries is None:
        exact = len(vectors) < approximate_from
    else:
        exact = len(vectors) * queries < approximate_from**2
    index = faiss.IndexFlatIP(vectors.shape[1]) if exact else ivf(vectors)
    if len(vectors):
        index.add(vectors)
    return index


def ivf(vectors: np.ndarray) -> Any:
    """An empty IVF index trained on ``vectors``: ``IVF_LISTS_PER_SQRT·√n`` lists by
    spherical k-means (a fixed seed, so the same vectors give the same index), searched
    ``IVF_PROBES`` lists deep."""
    import faiss

    dim = vectors.shape[1]
    lists = max(1, int(config.IVF_LISTS_PER_SQRT * math.sqrt(len(vectors))))
    index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, lists, faiss.METRIC_INNER_PRODUCT)
    index.cp.spherical = True
    index.cp.seed = 1234
    # Training on 64 rows a list for 10 rounds costs a fraction of 256 for 25 (FAISS's
    # defaults) at the same recall@10 (0.964 on ECB+ sentences either way).
    index.cp.niter = 10
    index.cp.max_points_per_centroid = 64
    # Only silences FAISS's warning on stderr (fewer than 39 rows a list, from
    # ANN_MIN_ROWS up to ~24,000 rows): it changes no centroid.
    index.cp.min_points_per_centroid = 1
    index.verbose = False
    index.train(vectors)
    index.nprobe = min(lists, config.IVF_PROBES)
    return index


def search(
    index: Any, queries: np.ndarray, k: int, excluding: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` nearest rows for each query: ``(scores, ids)``, both ``(len(queries), k)``;
    ids are ``-1`` where the index holds fewer than ``k`` rows. With ``excluding`` (ids,
    ``int64``), those rows are left out of the search (a FAISS ID selector)."""
    import faiss
    import numpy as np

    k = max(1, min(k, index.ntotal))
    queries = np.ascontiguousarray(queries, dtype=np.float32)
    if excluding is None:
        return index.search(queries, k)  # type: ignore[no-any-return]
    listed = faiss.IDSelectorBatch(excluding)
    chosen = faiss.IDSelectorNot(listed)
    params = faiss.SearchParameters()
    params.sel = chosen  # FAISS keeps bare pointers: both selectors outlive the search
    return index.search(queries, k, params=params)  # type: ignore[no-any-return]


def build_with_ids(vectors: np.ndarray, ids: np.ndarray, dim: int) -> Any:
    """An exact inner-product index of dimension ``dim`` whose rows carry the given
    int64 ``ids`` (FAISS ``IndexIDMap2``), so rows can be removed and added by id."""
    import faiss
    import numpy as np

    idx = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
    if len(vectors):
        idx.add_with_ids(
            np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64)
        )
    return idx
