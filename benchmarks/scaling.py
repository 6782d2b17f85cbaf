"""Time and peak memory of the report pipeline as the corpus grows. Each size runs in
its own subprocess, so that its peak memory is its own::

    python -m benchmarks.scaling ARTICLES     # one size: prints a JSON object
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from crosscheck.embed import Embedder
from crosscheck.pipeline import analyse

from .common import peak_rss_mb, synth_articles, timed
from .speed import _Recorder

ROOT = Path(__file__).resolve().parents[1]


def run_size(
    articles: int, sentences_per_article: int = 20, embedder: Embedder | None = None
) -> dict[str, Any]:
    """Load the model (unless ``embedder`` is given), synthesise ``articles`` articles
    from ECB+ sentences and time :func:`crosscheck.pipeline.analyse` on them (model
    load and synthesis not counted); ``peak_rss_mb`` is the whole process's."""
    embedder = embedder or Embedder()
    load_s, _ = timed(lambda: embedder.encode(["warm up"]))
    corpus = synth_articles(articles, sentences_per_article)
    recorder = _Recorder(embedder)
    seconds, report = timed(lambda: analyse(corpus, recorder))
    texts = sum(len(call) for call in recorder.calls)
    return {
        "articles": articles,
        "sentences": articles * sentences_per_article,
        "texts_embedded": texts,
        "analyse_s": round(seconds, 1),
        "texts_per_s": round(texts / seconds, 1),
        "findings": len(report.findings),
        "model_load_s": round(load_s, 1),
        "peak_rss_mb": peak_rss_mb(),
    }


def scaling(
    sizes: Sequence[int], timeout_s: float = 3600, estimate: Sequence[int] = ()
) -> dict[str, Any]:
    """One subprocess per size, smallest first; a size that runs past ``timeout_s`` (or
    dies) is recorded as such, and the sizes after it are not run. The sizes not
    measured, and those of ``estimate`` (never run), are extrapolated from the measured
    ones (see :func:`_extrapolate`)."""
    rows: list[dict[str, Any]] = []
    for n in sorted(sizes):
        start = time.perf_counter()
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "benchmarks.scaling", str(n)],
                capture_output=True,
                text=True,
                timeout=timeout_s,
                cwd=ROOT,
            )
        except subprocess.TimeoutExpired:
            rows.append({"articles": n, "timed_out_after_s": round(time.perf_counter() - start)})
            break
        if proc.returncode != 0:  # killed (memory, a signal) or failed
            error = (proc.stderr.strip().splitlines() or [""])[-1][:200]
            rows.append(
                {
                    "articles": n,
                    "failed_after_s": round(time.perf_counter() - start),
                    "returncode": proc.returncode,
                    "error": error,
                }
            )
            break
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    measured = [r for r in rows if "analyse_s" in r]
    wanted = sorted({*sizes, *estimate})
    missing = [n for n in wanted if measured and n > measured[-1]["articles"]]
    return {
        "scaling": rows,
        "extrapolated_linear_s": _extrapolate(measured, missing, quadratic=False),
        "extrapolated_quadratic_s": _extrapolate(measured, missing, quadratic=True),
    }


def _extrapolate(
    measured: Sequence[dict[str, Any]], sizes: Sequence[int], quadratic: bool
) -> dict[int, int]:
    """Seconds for ``sizes`` from the measured rows: linear per article from the
    largest (a lower bound), or ``a·n + b·n²`` through the two largest (the syndication
    check and the exact search grow with the square of the corpus)."""
    if not measured or (quadratic and len(measured) < 2):
        return {}
    n2, t2 = measured[-1]["articles"], measured[-1]["analyse_s"]
    if not quadratic:
        return {n: round(t2 / n2 * n) for n in sizes}
    n1, t1 = measured[-2]["articles"], measured[-2]["analyse_s"]
    b = max(0.0, (t2 / n2 - t1 / n1) / (n2 - n1))
    a = t2 / n2 - b * n2
    return {n: round(a * n + b * n * n) for n in sizes}


if __name__ == "__main__":
    print(json.dumps(run_size(int(sys.argv[1]))))
