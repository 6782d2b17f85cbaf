"""Where the per-article work runs: reading files, extracting claims and embedding.

The default engine runs it in this process. ``crosscheck.ray_engine`` runs the same
steps as a Ray Data pipeline, on this machine or a cluster. Pairing and comparing always
run in the calling process, on what the engine returns, so both engines give the same
findings.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from . import config, extract, ingest, segment
from .errors import UsageError
from .model import Article, Extraction

if TYPE_CHECKING:
    import numpy as np

    from .embed import Embedder

ENGINES = ("local", "ray")
T = TypeVar("T")
R = TypeVar("R")


class Engine(Protocol):
    name: str

    def load(self, paths: Iterable[Path | str]) -> ingest.Corpus:
        """Every article under ``paths``, with warnings for what was skipped."""
        ...

    def extract(self, articles: Sequence[Article]) -> list[Extraction]:
        """Each article's sentences and claims, in the order of ``articles``."""
        ...

    def encode(self, embedder: Embedder, texts: Sequence[str], progress: bool) -> np.ndarray:
        """``embedder``'s vectors for ``texts``: rows in order, as ``Embedder.encode``."""
        ...


def extract_one(article: Article) -> Extraction:
    sentences = segment.segment(article)
    return Extraction(article.id, tuple(sentences), tuple(extract.extract(article, sentences)))


def workers() -> int:
    """How many worker processes local work may use: ``CROSSCHECK_WORKERS``, default one
    per CPU; 1 keeps everything in this process."""
    return int(os.environ.get("CROSSCHECK_WORKERS") or os.cpu_count() or 1)


def can_fork() -> bool:
    return "torch" not in sys.modules  # torch's threads do not survive a fork


def in_workers(fn: Callable[[T], list[R]], chunks: Sequence[T], method: str) -> list[R]:
    """``fn`` of each chunk in ``workers()`` processes started by ``method`` (``fork``
    or ``spawn``), the results joined in chunk order."""
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(workers(), mp_context=context) as pool:
        return [x for done in pool.map(fn, chunks) for x in done]


def _extract_chunk(articles: Sequence[Article]) -> list[Extraction]:
    return [extract_one(a) for a in articles]


class Local:
    """On this machine: extraction of a large corpus is spread over worker processes
    (see :func:`workers`), the rest runs in this process."""

    name = "local"

    def load(self, paths: Iterable[Path | str]) -> ingest.Corpus:
        return ingest.load(paths)

    def extract(self, articles: Sequence[Article]) -> list[Extraction]:
        if workers() <= 1 or len(articles) < config.PARALLEL_MIN_ARTICLES:
            return _extract_chunk(articles)
        size = config.PARALLEL_CHUNK_ARTICLES
        chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
        return in_workers(_extract_chunk, chunks, "fork" if can_fork() else "spawn")

    def encode(self, embedder: Embedder, texts: Sequence[str], progress: bool) -> np.ndarray:
        return embedder.encode(texts, progress=progress)


LOCAL = Local()


def get(name: str) -> Engine:
    """The engine called ``name`` (``local`` or ``ray``)."""
    if name == "local":
        return LOCAL
    if name == "ray":
        try:
            from .ray_engine import RayEngine
        except ImportError as exc:
            raise UsageError(
                f"--engine ray needs Ray ({exc}): pip install 'crosscheck[ray]'"
            ) from None
        return RayEngine()
    raise UsageError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
