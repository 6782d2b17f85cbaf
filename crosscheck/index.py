"""The FAISS index: exact inner-product search over L2-normalised vectors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np


def build(vectors: np.ndarray) -> Any:
    """An exact inner-product index over ``vectors`` (``float32``, shape ``(n, dim)``)."""
    import faiss
    import numpy as np

    index = faiss.IndexFlatIP(vectors.shape[1])
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def search(index: Any, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` nearest rows for each query: ``(scores, ids)``, both ``(len(queries), k)``;
    ids are ``-1`` where the index holds fewer than ``k`` rows."""
    import numpy as np

    k = max(1, min(k, index.ntotal))
    scores, ids = index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
    return scores, ids


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
