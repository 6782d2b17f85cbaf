"""Approximate search against exact search: where an IVF index starts to pay, and how
much of the exact top 10 it keeps (``ann_recall_at_10``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from crosscheck import config, index
from crosscheck.embed import Embedder

from .common import load_ecb, timed

if TYPE_CHECKING:
    import numpy as np

K = 10


def recall_at_k(exact: np.ndarray, approx: np.ndarray) -> float:
    """Share of each row's exact ``k`` neighbours that the approximate search returned."""
    k = exact.shape[1]
    hits = sum(len(set(a) & set(b)) for a, b in zip(exact.tolist(), approx.tolist(), strict=True))
    return round(hits / (k * len(exact)), 4)


def compare(vectors: np.ndarray, queries: np.ndarray, repeats: int = 1) -> dict[str, Any]:
    """Build both indexes over ``vectors`` and search ``queries`` (best of ``repeats``):
    seconds for each, and the approximate index's recall@10 and its recall of the exact
    top-10 pairs at or above the sentence pairing threshold (the pairs that matter)."""
    exact_s, (exact_scores, exact_ids) = min(
        (
            timed(lambda: index.search(index.build(vectors, 10**12), queries, K))
            for _ in range(repeats)
        ),
        key=lambda r: r[0],
    )
    ivf_s, (_, ivf_ids) = min(
        (timed(lambda: index.search(index.build(vectors, 0), queries, K)) for _ in range(repeats)),
        key=lambda r: r[0],
    )
    wanted = exact_scores >= config.SENTENCE_PAIR_MIN
    pairs = {(q, int(r)) for q, r in zip(*wanted.nonzero(), strict=True) for r in [exact_ids[q, r]]}
    found = {(q, int(r)) for q, row in enumerate(ivf_ids.tolist()) for r in row}
    return {
        "rows": len(vectors),
        "queries": len(queries),
        "exact_s": round(exact_s, 3),
        "ivf_s": round(ivf_s, 3),
        "ivf_vs_exact": round(ivf_s / exact_s, 3),
        "recall_at_10": recall_at_k(exact_ids, ivf_ids),
        "pair_recall": round(len(pairs & found) / len(pairs), 4) if pairs else None,
    }


def ann(embedder: Embedder, sizes: Sequence[int] = (2000, 5000, 10000)) -> dict[str, Any]:
    """On MiniLM vectors of ECB+ sentences: all-against-all search (what pairing does)
    of the first ``sizes`` sentences of a fixed shuffle, and of all of them, exact and
    IVF. ``ann_recall_at_10`` is the recall on all sentences; ``ann_faster_from_rows``
    the smallest size measured from which IVF was faster (the index switches at
    ``config.ANN_MIN_ROWS``)."""
    import numpy as np

    texts = sorted({s.text for s in load_ecb()})
    order = np.random.default_rng(0).permutation(len(texts))
    vectors = embedder.encode([texts[i] for i in order])
    rows = [compare(vectors[:n], vectors[:n]) for n in sorted(sizes) if n < len(vectors)]
    rows.append(compare(vectors, vectors))
    faster_from = None  # the smallest size from which IVF was faster at every size
    for r in reversed(rows):
        if r["ivf_s"] >= r["exact_s"]:
            break
        faster_from = r["rows"]
    return {
        "ann_recall_at_10": rows[-1]["recall_at_10"],
        "ann_pair_recall": rows[-1]["pair_recall"],
        "ann_faster_from_rows": faster_from,
        "ann_min_rows": config.ANN_MIN_ROWS,
        "rows": rows,
    }
