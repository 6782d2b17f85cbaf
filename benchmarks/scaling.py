"""Time and peak memory of the report pipeline as the corpus grows, on a synthetic year
of news (``common.news_year``). Each size runs in its own subprocess, so that its peak
memory is its own::

    python -m benchmarks.scaling SENTENCES [MODEL] [WINDOW] [DAYS]   # one size: prints JSON

MODEL defaults to ``static`` (MiniLM would take hours at a million sentences here);
WINDOW is the pairing window in days, 0 for none; DAYS the span of the corpus (365).
"""

from __future__ import annotations

import itertools
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crosscheck import config
from crosscheck.embed import Embedder
from crosscheck.engine import LOCAL
from crosscheck.model import Article, Extraction
from crosscheck.pipeline import analyse

from .common import news_year, peak_rss_mb, timed

if TYPE_CHECKING:
    import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SENTENCES_PER_ARTICLE = 25


class _TimedEngine:
    """The local engine, timing its extraction and embedding."""

    name = "local"

    def __init__(self) -> None:
        self.extract_s = self.encode_s = 0.0
        self.texts = 0

    def load(self, paths: Iterable[Path | str]) -> Any:
        return LOCAL.load(paths)

    def extract(self, articles: Sequence[Article]) -> list[Extraction]:
        seconds, out = timed(lambda: LOCAL.extract(articles))
        self.extract_s += seconds
        return out

    def encode(self, embedder: Embedder, texts: Sequence[str], progress: bool) -> np.ndarray:
        seconds, out = timed(lambda: LOCAL.encode(embedder, texts, progress))
        self.encode_s += seconds
        self.texts += len(texts)
        return out


def run_size(
    sentences: int,
    model: str = "static",
    window: int | None = config.PAIR_WINDOW_DAYS,
    days: int = 365,
) -> dict[str, Any]:
    """Load the model, synthesise ``sentences // 25`` articles over ``days`` days and time
    :func:`crosscheck.pipeline.analyse` on them (model load and synthesis not counted),
    split into extraction, embedding, and the rest (syndication check, pairing,
    comparing); ``peak_rss_mb`` is this process's, ``worker_peak_rss_mb`` its largest
    worker process's (0 when none ran)."""
    embedder = Embedder(model)
    load_s, _ = timed(lambda: embedder.encode(["warm up"]))
    corpus = news_year(max(1, sentences // SENTENCES_PER_ARTICLE), SENTENCES_PER_ARTICLE, days)
    engine = _TimedEngine()
    seconds, report = timed(lambda: analyse(corpus, embedder, engine=engine, window=window))
    return {
        "sentences": len(corpus) * SENTENCES_PER_ARTICLE,
        "articles": len(corpus),
        "model": model,
        "window_days": window,
        "days": days,
        "analyse_s": round(seconds, 1),
        "extract_s": round(engine.extract_s, 1),
        "encode_s": round(engine.encode_s, 1),
        "pair_and_compare_s": round(seconds - engine.extract_s - engine.encode_s, 1),
        "texts_embedded": engine.texts,
        "findings": len(report.findings),
        "model_load_s": round(load_s, 1),
        "peak_rss_mb": peak_rss_mb(),
        # Forked workers share the parent's pages until they touch them; the largest
        # worker's own peak, pages shared with the parent included.
        "worker_peak_rss_mb": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        ),
    }


def scaling(
    sizes: Sequence[int],
    timeout_s: float = 3600,
    model: str = "static",
    window: int | None = config.PAIR_WINDOW_DAYS,
) -> dict[str, Any]:
    """One subprocess per size (in sentences), smallest first; a size that runs past
    ``timeout_s`` (or dies) is recorded as such, and the sizes after it are not run.
    ``growth``: how time and memory grew from each size to the next, against the growth
    of the corpus (1.0 per step of the corpus: linear)."""
    rows: list[dict[str, Any]] = []
    for n in sorted(sizes):
        start = time.perf_counter()
        cmd = [sys.executable, "-m", "benchmarks.scaling", str(n), model, str(window or 0)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, cwd=ROOT)
        except subprocess.TimeoutExpired:
            rows.append({"sentences": n, "timed_out_after_s": round(time.perf_counter() - start)})
            break
        if proc.returncode != 0:  # killed (memory, a signal) or failed
            error = (proc.stderr.strip().splitlines() or [""])[-1][:200]
            rows.append(
                {
                    "sentences": n,
                    "failed_after_s": round(time.perf_counter() - start),
                    "returncode": proc.returncode,
                    "error": error,
                }
            )
            break
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    measured = [r for r in rows if "analyse_s" in r]
    growth = [
        {
            "from": a["sentences"],
            "to": b["sentences"],
            "corpus_x": round(b["sentences"] / a["sentences"], 2),
            "time_x": round(b["analyse_s"] / max(a["analyse_s"], 0.1), 2),
            "pair_and_compare_x": round(
                b["pair_and_compare_s"] / max(a["pair_and_compare_s"], 0.1), 2
            ),
            "memory_x": round(b["peak_rss_mb"] / a["peak_rss_mb"], 2),
        }
        for a, b in itertools.pairwise(measured)
    ]
    return {"scaling": rows, "growth": growth}


if __name__ == "__main__":
    args = sys.argv[1:]
    print(
        json.dumps(
            run_size(
                int(args[0]),
                args[1] if len(args) > 1 else "static",
                (int(args[2]) or None) if len(args) > 2 else config.PAIR_WINDOW_DAYS,
                int(args[3]) if len(args) > 3 else 365,
            )
        )
    )
